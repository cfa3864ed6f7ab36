import type { LiftedCloud } from './backproject'

/**
 * Points for the plane's voxel grid: every `stride`-th pixel in both directions, with the stride
 * chosen so that even the nearest tenth of the points stays at least 1.5 samples per voxel edge.
 * The occupied voxels are then the same as with every pixel (a voxel is occupied when any point
 * falls in it), at a quarter to a sixteenth of the hashing work on VGA and larger frames.
 */
export function pixelStridedPoints(
  cloud: LiftedCloud,
  width: number,
  height: number,
  fx: number,
  voxelSizeM: number,
): Uint32Array {
  const depths = new Float32Array(Math.min(cloud.count, 4096))
  const step = Math.max(1, Math.floor(cloud.count / depths.length))
  for (let k = 0; k < depths.length; k++) depths[k] = cloud.pointsInCamera[k * step * 3 + 2]
  depths.sort()
  const nearDepth = depths[Math.floor(depths.length * 0.1)] || 1
  const stride = Math.max(1, Math.min(4, Math.floor(voxelSizeM / (1.5 * (nearDepth / fx)))))
  const out = new Uint32Array(Math.ceil(width / stride) * Math.ceil(height / stride))
  let n = 0
  for (let v = 0; v < height; v += stride) {
    for (let pixel = v * width, end = pixel + width; pixel < end; pixel += stride) {
      const point = cloud.pointOfPixel[pixel]
      if (point >= 0) out[n++] = point
    }
  }
  return out.subarray(0, n)
}
