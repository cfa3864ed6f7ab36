import type { Scene, SceneObject, Vec3 } from '../../engine/types'
import type { EvalScene, EvalObject } from './evalScenes'
import { worldFromLevelCamera } from '../../engine/scene/worldFrame'
import { wrapYaw } from '../../engine/geometry/yaw'

/** Box (width along the first footprint edge, depth across it) and yaw of a ground-truth footprint. */
function boxOf(object: EvalObject): { width: number; depth: number; yawRad: number } {
  if (object.footprint.kind === 'circle') {
    const d = 2 * object.footprint.radius
    return { width: d, depth: d, yawRad: 0 }
  }
  const [a, b, c] = object.footprint.corners
  const width = Math.hypot(b[0] - a[0], b[1] - a[1])
  const depth = Math.hypot(c[0] - b[0], c[1] - b[1])
  return { width, depth, yawRad: wrapYaw(Math.atan2(b[1] - a[1], b[0] - a[0])) }
}

/**
 * An engine Scene from a ground-truth evaluation scene, so the chain-of-thought evaluation measures
 * the reasoning (LLM + tools) on exact boxes, separately from lifting errors.
 */
export function engineSceneFromEval(evalScene: EvalScene): Scene {
  const intrinsics = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 }
  const objects: SceneObject[] = evalScene.objects.map((o, id) => {
    const { width, depth, yawRad } = boxOf(o)
    const [x, y, z] = o.centreInWorld
    // A level camera at the world origin (the evaluation scenes have no camera pose).
    const centerInCamera: Vec3 = [x, -z, y]
    return {
      id,
      name: o.name,
      label: o.name,
      description: o.name,
      origin: 'region',
      pointCount: 0,
      colorRgb: [128, 128, 128],
      pixelIndices: new Uint32Array(0),
      centerInWorld: [x, y, z],
      centerInCamera,
      sizeM: { width, depth, height: o.height },
      yawRad,
    }
  })
  return {
    cameraId: evalScene.id,
    timestampNs: 0n,
    intrinsics,
    plane: null,
    worldFromCamera: worldFromLevelCamera(),
    objects,
    provenance: {
      depthSource: 'sensor',
      intrinsics,
      frameKind: 'support-plane',
      validPointCount: 0,
      planeInlierCount: 0,
      depthNoiseRel: 0,
      planeThresholdAt1m: 0,
      sourceDescription: `ground truth of ${evalScene.id}`,
    },
    warnings: [],
    timingsMs: {},
    totalMs: 0,
  }
}
