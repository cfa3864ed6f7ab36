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
 * Back-projects every valid depth pixel: x = (u − cx)·z/fx, y = (v − cy)·z/fy, in one pass.
 * Invalid: 0, negative, NaN or infinite depth, and pixels cleared in `isKept` (when given).
 * The point arrays are views of width·height-sized buffers (one pass, no counting pass).
 */
export function backproject(
  depth: DepthImage,
  intrinsics: Intrinsics,
  isKept?: Uint8Array,
): LiftedCloud {
  const { width, height, data } = depth
  const pixelCount = width * height
  const pointOfPixel = new Int32Array(pixelCount)
  const points = new Float32Array(pixelCount * 3)
  const pixels = new Uint32Array(pixelCount)
  const invFx = 1 / intrinsics.fx
  const invFy = 1 / intrinsics.fy
  const { cx, cy } = intrinsics
  let count = 0
  for (let v = 0; v < height; v++) {
    const yFactor = (v - cy) * invFy
    for (let u = 0, pixel = v * width; u < width; u++, pixel++) {
      const z = data[pixel]
      if (!(z > 0 && z < Infinity) || (isKept !== undefined && isKept[pixel] === 0)) {
        pointOfPixel[pixel] = -1
        continue
      }
      pointOfPixel[pixel] = count
      points[count * 3] = (u - cx) * invFx * z
      points[count * 3 + 1] = yFactor * z
      points[count * 3 + 2] = z
      pixels[count++] = pixel
    }
  }
  return {
    pointsInCamera: points.subarray(0, count * 3),
    pixelOfPoint: pixels.subarray(0, count),
    pointOfPixel,
    count,
  }
}
