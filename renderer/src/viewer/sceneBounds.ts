import type { WorldVec3 } from './worldFrame'

/** Axis-aligned bounds in the world frame, metres. */
export interface WorldBounds {
  min: WorldVec3
  max: WorldVec3
}

/** Points sampled for the bounds: enough for stable percentiles, cheap on a 300k-point cloud. */
const SAMPLE_COUNT = 20_000

/**
 * Bounds of the bulk of a cloud (2nd to 98th percentile per axis of an evenly strided sample), so a
 * few flying pixels do not push the framing camera or the grid out to the horizon.
 * Null for an empty cloud.
 */
export function robustBounds(
  positionsInWorld: Float32Array,
  lowQuantile = 0.02,
): WorldBounds | null {
  const pointCount = Math.floor(positionsInWorld.length / 3)
  if (pointCount === 0) return null
  const stride = Math.max(1, Math.floor(pointCount / SAMPLE_COUNT))
  const sampled = Math.ceil(pointCount / stride)
  const axes = [new Float32Array(sampled), new Float32Array(sampled), new Float32Array(sampled)]
  let count = 0
  for (let i = 0; i < pointCount; i += stride, count++) {
    for (let axis = 0; axis < 3; axis++) axes[axis][count] = positionsInWorld[i * 3 + axis]
  }
  const low = Math.floor((count - 1) * lowQuantile)
  const high = Math.ceil((count - 1) * (1 - lowQuantile))
  const min: number[] = []
  const max: number[] = []
  for (const values of axes) {
    const sorted = values.subarray(0, count).sort()
    min.push(sorted[low])
    max.push(sorted[high])
  }
  return { min: [min[0], min[1], min[2]], max: [max[0], max[1], max[2]] }
}

/** A box as the scene summary gives it: centre (world frame), extents and yaw about world z. */
interface BoundedBox {
  centerInWorld: readonly [number, number, number]
  sizeM: { width: number; depth: number; height: number }
  yawRad: number
}

/** Bounds of yawed boxes (their eight corners), world frame; null for none. */
export function boxesBounds(boxes: readonly BoundedBox[]): WorldBounds | null {
  if (boxes.length === 0) return null
  const min = [Infinity, Infinity, Infinity]
  const max = [-Infinity, -Infinity, -Infinity]
  for (const {
    centerInWorld: [x, y, z],
    sizeM,
    yawRad,
  } of boxes) {
    const c = Math.cos(yawRad)
    const s = Math.sin(yawRad)
    // Half extents of the yawed footprint along world x and y; height stays along z.
    const hx = (Math.abs(c) * sizeM.width + Math.abs(s) * sizeM.depth) / 2
    const hy = (Math.abs(s) * sizeM.width + Math.abs(c) * sizeM.depth) / 2
    const half = [hx, hy, sizeM.height / 2]
    ;[x, y, z].forEach((value, axis) => {
      min[axis] = Math.min(min[axis], value - half[axis])
      max[axis] = Math.max(max[axis], value + half[axis])
    })
  }
  return { min: [min[0], min[1], min[2]], max: [max[0], max[1], max[2]] }
}

/** Centre of bounds, world frame. */
export function boundsCenter({ min, max }: WorldBounds): WorldVec3 {
  return [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2]
}

/** Half the diagonal of bounds, metres. */
export function boundsRadius({ min, max }: WorldBounds): number {
  return Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2
}
