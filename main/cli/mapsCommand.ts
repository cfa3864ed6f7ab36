import { auxiliaryMaps, DEFAULT_CANNY } from '../engine/maps/auxiliaryMaps'
import { writeMaps } from '../maps/writeMaps'
import { mapsManifestSchema } from '../contract/mapsSchema'
import { perceiveAndBuild } from '../frames/perceiveAndBuild'
import { toRegionPrompts } from '../frames/frameLoader'
import { UserError } from '../app/userError'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import type { CliArgs } from './args'

/**
 * `spatial-lens maps … --out DIR`: Spatial-ViLT's auxiliary maps of one frame (depth, world coordinates, Canny
 * edges, object masks) as files, with maps.json describing them. Depth is the frame's (sensor, point cloud, or
 * the installed depth model for a colour-only frame); objects are the perception step's.
 */
export async function runMapsCommand(
  args: CliArgs,
  print: (text: string) => void,
): Promise<number> {
  if (!args.out) throw new UserError('maps needs --out DIR (the folder to write the maps into)')
  const { frame, regions } = await loadFrameFromArgs(args)
  // No channel gives maps (they are files for datasets, not a view of the app): the frame path runs here.
  const built = await perceiveAndBuild(frame, toRegionPrompts(regions), args.perception)
  const maps = auxiliaryMaps(built.frame, built.scene, DEFAULT_CANNY)
  const manifest = writeMaps(
    maps,
    args.out,
    built.frame.sourceDescription ?? 'frame',
    DEFAULT_CANNY,
  )
  if (args.json) print(JSON.stringify(mapsManifestSchema.parse(manifest), null, 2))
  else {
    print(`${manifest.files.length} maps of a ${maps.width}×${maps.height} frame in ${args.out}:`)
    for (const f of manifest.files)
      print(`  ${f.path.padEnd(32)} ${f.kind}${f.object ? ` (${f.object.name})` : ''}: ${f.units}`)
    if (!maps.depth)
      print('  (no depth: install a depth model or give --depth for the depth and coordinate maps)')
  }
  return 0
}
