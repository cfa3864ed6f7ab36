import { Vector3, type Matrix4, type PerspectiveCamera } from 'three'
import { boundsCenter, boundsRadius, type WorldBounds } from './sceneBounds'
import type { WorldVec3 } from './worldFrame'

/** What the view is framed on: the scene's bounds and sensor, and the world→three.js matrix. */
export interface FramingTarget {
  bounds: WorldBounds | null
  cameraCenter: WorldVec3 | null
  /** The world root's matrix (world → three.js axes, through the fixed frame when one is set). */
  threeFromWorld: Matrix4
}

/** Scratch vectors (reused, never allocated per call). */
const center = new Vector3()
const offset = new Vector3()

/**
 * Places `camera` to look at the bulk of the cloud from behind and above the sensor, as the frame was
 * taken, and sets `orbitTarget` (the orbit controls' target) to that bulk's centre; without bounds, a
 * default view of the origin. Near/far follow the framing distance; the caller updates the controls.
 */
export function frameCamera(
  camera: PerspectiveCamera,
  orbitTarget: Vector3,
  { bounds, cameraCenter, threeFromWorld }: FramingTarget,
): void {
  if (!bounds) {
    camera.position.set(1.5, 1.2, 1.5)
    orbitTarget.set(0, 0, 0)
    return
  }
  center.set(...boundsCenter(bounds)).applyMatrix4(threeFromWorld)
  const radius = Math.max(boundsRadius(bounds), 0.3)
  if (cameraCenter)
    offset
      .set(...cameraCenter)
      .applyMatrix4(threeFromWorld)
      .sub(center)
  else offset.set(0, 1, 1)
  offset.y = Math.max(offset.y, 0) + offset.length() * 0.35
  const distanceToTarget = (radius / Math.sin(((camera.fov / 2) * Math.PI) / 180)) * 0.8
  offset.setLength(distanceToTarget)
  camera.position.copy(center).add(offset)
  orbitTarget.copy(center)
  camera.near = distanceToTarget / 200
  camera.far = distanceToTarget * 30
  camera.updateProjectionMatrix()
}
