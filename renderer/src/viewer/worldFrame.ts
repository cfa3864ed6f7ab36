import { Matrix4, Vector3 } from 'three'

/** Three numbers in the world frame (metres): gravity-aligned, z up, x right, y forward. */
export type WorldVec3 = readonly [number, number, number]

/**
 * The one conversion from the scene's world frame (z up) to three.js axes (y up):
 * (x, y, z) → (x, z, −y). Everything else in the renderer uses this function or the matrix below,
 * which is built from it.
 */
export function worldToThree(pointInWorld: WorldVec3, target = new Vector3()): Vector3 {
  const [x, y, z] = pointInWorld
  return target.set(x, z, -y)
}

/**
 * The same conversion as a matrix (its columns are the images of the world axes). The viewer's
 * world root group carries it, so world-frame content (points, boxes, the camera pose) is placed
 * with world coordinates as they come from the services, without copying buffers.
 */
export function threeFromWorldMatrix(): Matrix4 {
  return new Matrix4().makeBasis(
    worldToThree([1, 0, 0]),
    worldToThree([0, 1, 0]),
    worldToThree([0, 0, 1]),
  )
}
