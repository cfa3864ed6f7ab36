import type { LiftedCloud } from './backproject'

/**
 * Points for the plane's voxel grid: every `stride`-th pixel in both directions, with the stride
 * chosen so that even the nearest tenth of the points stays at least 1.5 samples per voxel edge.
 * The occupied voxels are then the same as with every pixel (a voxel is occupied when any point
 * falls in it), at a quarter to a sixteenth of the hashing work on VGA and larger frames.
 */
export function pixelStridedPoints(cloud: LiftedCloud, width: number, fx: number, voxelSizeM: number): Uint32Array {
  const depths = new Float32Array(Math.min(cloud.count, 4096))
  const step = Math.max(1, Math.floor(cloud.count / depths.length))
  for (let k = 0; k < depths.length; k++) depths[k] = cloud.pointsInCamera[k * step * 3 + 2]
  depths.sort()
  const nearDepth = depths[Math.floor(depths.length * 0.1)] || 1
  const spacingM = nearDepth / fx
  const stride = Math.max(1, Math.min(4, Math.floor(voxelSizeM / (1.5 * spacingM))))
  if (stride === 1) return Uint32Array.from({ length: cloud.count }, (_, i) => i)
  const out = new Uint32Array(Math.ceil(cloud.count / (stride * stride)) + width)
  let n = 0
  for (let i = 0; i < cloud.count; i++) {
    const pixel = cloud.pixelOfPoint[i]
    const u = pixel % width
    const v = (pixel - u) / width
    if (u % stride === 0 && v % stride === 0) out[n++] = i
  }
  return out.subarray(0, n)
}
