/**
 * The scene as the tracker sees it: confirmed tracks (smoothed boxes, stable names) as the scene's objects, so the
 * question operations (main/engine/questions) measure on tracks instead of on one frame's detections.
 * Pure TypeScript.
 */

import type { Scene, SceneObject, Vec3 } from '../types'
import type { Track } from './Tracker'

/** Camera-frame point from a world point with a rigid 4×4 column-major worldFromCamera. */
function cameraFromWorldPoint(worldFromCamera: Float64Array, p: Vec3): Vec3 {
  const d = [p[0] - worldFromCamera[12], p[1] - worldFromCamera[13], p[2] - worldFromCamera[14]]
  const out: Vec3 = [0, 0, 0]
  for (let c = 0; c < 3; c++) {
    out[c] =
      worldFromCamera[c * 4] * d[0] +
      worldFromCamera[c * 4 + 1] * d[1] +
      worldFromCamera[c * 4 + 2] * d[2]
  }
  return out
}

function trackObject(scene: Scene, t: Track): SceneObject {
  const seen = t.lastObject
  return {
    id: t.id,
    name: t.name,
    label: t.label,
    description: seen?.description ?? `${t.label} (not seen this frame)`,
    origin: seen?.origin ?? 'cluster',
    regionSource: seen?.regionSource,
    pointCount: seen?.pointCount ?? 0,
    colorRgb: t.colorRgb,
    pixelIndices: seen?.pixelIndices ?? new Uint32Array(0),
    labelCheck: seen?.labelCheck,
    centerInWorld: t.centerInWorld,
    centerInCamera: cameraFromWorldPoint(scene.worldFromCamera, t.centerInWorld),
    sizeM: t.sizeM,
    yawRad: t.yawRad,
  }
}

/**
 * A copy of `scene` whose objects are the confirmed tracks (ids = track ids, names = track names). Coasting tracks
 * (missed this frame, not yet dead) keep their last smoothed box with pointCount 0.
 */
export function trackedScene(scene: Scene, tracks: Track[]): Scene {
  return {
    ...scene,
    objects: tracks.filter((t) => t.isConfirmed).map((t) => trackObject(scene, t)),
  }
}
