/**
 * Writes Spatial-ViLT's auxiliary maps of a frame as files other tools read: 16-bit PNG depth in millimetres,
 * world coordinates as a float32 .npy [H, W, 3] in metres (NaN without depth), 8-bit PNG edges and masks,
 * a 16-bit label PNG, and maps.json saying what each file holds.
 */

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encode } from 'fast-png'
import { depthToMillimetres, type AuxiliaryMaps } from '../engine/maps/auxiliaryMaps'
import type { CannyOptions } from '../engine/maps/canny'
import { float32Npy } from './npy'
import type { MapsManifest } from '../contract/mapsSchema'

export type { MapsManifest }

/** A file name from an object name: lower-case letters, digits and dashes. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'object'

/** Writes one file under the output folder and records it in the manifest. */
type WriteFile = (
  path: string,
  bytes: Uint8Array,
  entry: Omit<MapsManifest['files'][number], 'path'>,
) => void

/** Writes the maps into `outDir` (a masks/ folder inside) and maps.json; returns what maps.json says. */
export function writeMaps(
  maps: AuxiliaryMaps,
  outDir: string,
  source: string,
  canny: CannyOptions,
): MapsManifest {
  mkdirSync(join(outDir, 'masks'), { recursive: true })
  const files: MapsManifest['files'] = []
  const write: WriteFile = (path, bytes, entry) => {
    writeFileSync(join(outDir, path), bytes)
    files.push({ path, ...entry })
  }
  writeWholeFrameMaps(maps, write)
  writeMasks(maps, write)
  const { width, height } = maps
  const manifest: MapsManifest = {
    version: 1,
    source,
    width,
    height,
    worldFrame:
      'x right as the camera sees it, y away from the camera, z up; origin on the support plane (or the camera when none was found)',
    files,
    canny,
  }
  writeFileSync(join(outDir, 'maps.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/** Depth and world coordinates (when the frame has depth), edges and object labels. */
function writeWholeFrameMaps(maps: AuxiliaryMaps, write: WriteFile): void {
  const { width, height } = maps
  if (maps.depth) {
    write(
      'depth_mm.png',
      encode({ width, height, data: depthToMillimetres(maps.depth), depth: 16, channels: 1 }),
      {
        kind: 'depth',
        format: 'PNG 16-bit grey',
        units: 'millimetres along the optical axis; 0 = no depth',
      },
    )
  }
  if (maps.coordinatesInWorld) {
    write('coordinates_world.npy', float32Npy(maps.coordinatesInWorld, [height, width, 3]), {
      kind: 'coordinates',
      format: 'NumPy float32 [height, width, 3]',
      units: 'metres, x right, y away from the camera, z up (world frame); NaN = no depth',
    })
  }
  write('edges.png', encode({ ...maps.edges, depth: 8, channels: 1 }), {
    kind: 'edges',
    format: 'PNG 8-bit grey',
    units: '255 = Canny edge, 0 = none (colour image size)',
  })
  write('labels.png', encode({ width, height, data: maps.labels, depth: 16, channels: 1 }), {
    kind: 'labels',
    format: 'PNG 16-bit grey',
    units: 'object number (the masks below, from 1); 0 = no object',
  })
}

/** One mask PNG per object, numbered as in labels.png. */
function writeMasks(maps: AuxiliaryMaps, write: WriteFile): void {
  const { width, height } = maps
  maps.masks.forEach((m, i) => {
    write(
      `masks/${String(i + 1).padStart(2, '0')}_${slug(m.name)}.png`,
      encode({ width, height, data: m.mask, depth: 8, channels: 1 }),
      {
        kind: 'mask',
        format: 'PNG 8-bit grey',
        units: '255 = the object, 0 = not',
        object: { name: m.name, label: m.label },
      },
    )
  })
}
