import type { DepthImage, Intrinsics } from '../types'

/** Valid depth pixels lifted to the camera frame. */
export interface LiftedCloud {
  /** xyz interleaved, camera frame (OpenCV), metres. */
  pointsInCamera: Float32Array
  /** Row-major pixel index of each point. */
  pixelOfPoint: Uint32Array
  /** Point index of each pixel, −1 where the pixel has no valid depth (size width·height). */
  pointOfPixel: Int32Array
  count: number
}

/**
 * Back-projects every valid depth pixel: x = (u − cx)·z/fx, y = (v − cy)·z/fy.
 * Invalid: 0, negative, NaN or infinite depth, and pixels cleared in `isKept` (when given).
 */
export function backproject(
  depth: DepthImage,
  intrinsics: Intrinsics,
  isKept?: Uint8Array,
): LiftedCloud {
  const { width, height, data } = depth
  const pointOfPixel = new Int32Array(width * height).fill(-1)
  let count = 0
  for (let i = 0; i < data.length; i++) {
    const z = data[i]
    if (z > 0 && z < Infinity && (isKept === undefined || isKept[i] === 1)) pointOfPixel[i] = count++
  }
  const pointsInCamera = new Float32Array(count * 3)
  const pixelOfPoint = new Uint32Array(count)
  const invFx = 1 / intrinsics.fx
  const invFy = 1 / intrinsics.fy
  const { cx, cy } = intrinsics
  for (let v = 0; v < height; v++) {
    const yFactor = (v - cy) * invFy
    const row = v * width
    for (let u = 0; u < width; u++) {
      const pixel = row + u
      const point = pointOfPixel[pixel]
      if (point < 0) continue
      const z = data[pixel]
      pointsInCamera[point * 3] = (u - cx) * invFx * z
      pointsInCamera[point * 3 + 1] = yFactor * z
      pointsInCamera[point * 3 + 2] = z
      pixelOfPoint[point] = pixel
    }
  }
  return { pointsInCamera, pixelOfPoint, pointOfPixel, count }
}
