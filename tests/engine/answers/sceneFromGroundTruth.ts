/**
 * Test helper: builds a Scene from a synthetic-tabletop ground-truth JSON (scene_WxH_gt.json).
 * Boxes keep their size and yaw; cylinders become boxes of diameter × diameter × height, yaw 0.
 * Labels are the first word of the GT name ("box_small" → "box"), so "box" is ambiguous on purpose.
 */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Scene, SceneObject, Vec3 } from '../../../main/engine/types'

import type { GroundTruth, GroundTruthObject } from '../../helpers/syntheticTabletop'

export type { GroundTruth }
export type GtObject = GroundTruthObject

/** Read the 640×480 ground truth of the synthetic tabletop fixture. */
export function loadGroundTruth(res = '640x480'): GroundTruth {
  const url = new URL(`../../fixtures/synthetic-tabletop/scene_${res}_gt.json`, import.meta.url)
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as GroundTruth
}

/** Build an engine Scene from ground truth (see file comment). */
export function sceneFromGroundTruth(gt: GroundTruth): Scene {
  const R = gt.camera.R_world_from_camera
  const t = gt.camera.t_world_from_camera
  const m = new Float64Array(16)
  for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) m[c * 4 + r] = R[r][c]
  m[12] = t[0]
  m[13] = t[1]
  m[14] = t[2]
  m[15] = 1
  const [width, height] = gt.resolution
  const intrinsics = { width, height, ...gt.intrinsics }
  const objects: SceneObject[] = gt.objects.map((o, i) => {
    const cyl = o.shape === 'cylinder'
    const w = cyl ? (o.size_m.diameter as number) : (o.size_m.width as number)
    const d = cyl ? (o.size_m.diameter as number) : (o.size_m.depth as number)
    return {
      id: i + 1,
      name: o.name,
      label: o.name.split('_')[0],
      description: `${o.name}, ${Math.round(w * 100)} cm wide`,
      origin: 'region',
      pointCount: o.visible_pixels,
      colorRgb: [128, 128, 128],
      pixelIndices: new Uint32Array(0),
      centerInWorld: [...o.centre_world] as Vec3,
      centerInCamera: [...o.centre_camera] as Vec3,
      sizeM: { width: w, depth: d, height: o.size_m.height },
      yawRad: (o.yaw_deg * Math.PI) / 180,
    }
  })
  const [a, b, c, off] = gt.table_plane_camera.coeffs
  return {
    cameraId: 'synthetic-tabletop',
    timestampNs: 0n,
    intrinsics,
    plane: { normal: [a, b, c], offset: off },
    worldFromCamera: m,
    objects,
    provenance: {
      depthSource: 'sensor',
      intrinsics,
      frameKind: 'support-plane',
      validPointCount: 0,
      planeInlierCount: 0,
      depthNoiseRel: 0.005,
      planeThresholdAt1m: 0.01,
      sourceDescription: 'synthetic-tabletop ground truth',
    },
    warnings: [],
    timingsMs: {},
    totalMs: 0,
  }
}

/** A scene with hand-made objects (for geometry cases); each entry: name, centre, size [w, d, h], yaw (deg). */
export function sceneWithBoxes(
  boxes: Array<{
    name: string
    label?: string
    c: Vec3
    s: [number, number, number]
    yawDeg?: number
  }>,
): Scene {
  const base = sceneFromGroundTruth(loadGroundTruth())
  base.objects = boxes.map((b, i) => ({
    id: i + 1,
    name: b.name,
    label: b.label ?? b.name,
    description: b.name,
    origin: 'region',
    pointCount: 100 + i,
    colorRgb: [0, 0, 0],
    pixelIndices: new Uint32Array(0),
    centerInWorld: [...b.c] as Vec3,
    centerInCamera: [b.c[0], -b.c[2], b.c[1]] as Vec3,
    sizeM: { width: b.s[0], depth: b.s[1], height: b.s[2] },
    yawRad: ((b.yawDeg ?? 0) * Math.PI) / 180,
  }))
  return base
}
