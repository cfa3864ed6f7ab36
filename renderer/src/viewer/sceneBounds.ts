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

/** Centre of bounds, world frame. */
export function boundsCenter({ min, max }: WorldBounds): WorldVec3 {
  return [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2]
}

/** Half the diagonal of bounds, metres. */
export function boundsRadius({ min, max }: WorldBounds): number {
  return Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2
}
