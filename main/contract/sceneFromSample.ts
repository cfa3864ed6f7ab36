/**
 * Rebuilds an engine Scene from the scene stored on a dataset sample (boxes, plane, intrinsics, pose), so the app
 * and the CLI can show a sample in 3D and ask it new questions without the source frame. The rebuilt objects have
 * no pixels (pixelIndices empty): geometry answers are exact, pixel-based ones (point picking) are unavailable.
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../engine/types'
import { storedPlane, type SynthScene } from './synthSchema'

/** The engine Scene behind a stored sample scene (metres, world frame as stored). */
export function sceneFromSample(stored: SynthScene, cameraId = 'dataset'): Scene {
  const intrinsics = { ...stored.intrinsics }
  const objects: SceneObject[] = stored.objects.map((object, index) => ({
    id: index + 1,
    name: object.name,
    label: object.label,
    description: object.name,
    origin: object.origin,
    pointCount: object.point_count,
    colorRgb: [...object.color_rgb],
    pixelIndices: new Uint32Array(0),
    centerInWorld: [...object.center_world_m],
    centerInCamera: [...object.center_camera_m],
    sizeM: { ...object.size_m },
    yawRad: object.yaw_rad,
  }))
  return {
    cameraId,
    timestampNs: 0n,
    intrinsics,
    plane: storedPlane(stored),
    worldFromCamera: Float64Array.from(stored.world_from_camera),
    objects,
    provenance: {
      depthSource: stored.depth_source,
      intrinsics,
      frameKind: stored.frame_kind,
      validPointCount: 0,
      planeInlierCount: 0,
      depthNoiseRel: 0,
      planeThresholdAt1m: 0,
      sourceDescription: 'rebuilt from a synth dataset sample',
    },
    warnings: [],
    timingsMs: {},
    totalMs: 0,
  }
}
