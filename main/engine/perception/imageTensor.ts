import type { RgbImage } from '../types'
import type { FloatTensor, ResizeTransform } from './types'

/** Channel order and per-channel normalisation of a model input: `(value − mean) / std`, 0–255 scale. */
export interface TensorNormalization {
  /** Order of the tensor's three channels. */
  channelOrder: 'rgb' | 'bgr'
  /** Per tensor channel (in `channelOrder`), 0–255 scale. */
  mean: readonly [number, number, number]
  /** Per tensor channel (in `channelOrder`), 0–255 scale. */
  std: readonly [number, number, number]
}

/** Source taps of one output row or column: two neighbours and their bilinear weights. */
interface Taps {
  index0: Int32Array
  index1: Int32Array
  weight0: Float32Array
  weight1: Float32Array
}

/**
 * Resamples an RGB image into a model input tensor [1, 3, inputHeight, inputWidth] (NCHW, row-major),
 * by the given transform (`original = (model − pad) / scale`, pixel indices), with bilinear sampling.
 * Samples outside the image read 0 (black) before normalisation, as OpenCV's `warpPerspective` with a
 * constant border does in NanoDet's upstream pipeline, so padding becomes `(0 − mean) / std`.
 * The returned buffer is new and owned by the caller.
 */
export function imageToTensor(
  rgb: RgbImage,
  transform: ResizeTransform,
  normalization: TensorNormalization,
): FloatTensor {
  if (rgb.width !== transform.originalWidth || rgb.height !== transform.originalHeight) {
    throw new RangeError(
      `imageToTensor: image is ${rgb.width}×${rgb.height} but the transform was made for ` +
        `${transform.originalWidth}×${transform.originalHeight}`,
    )
  }
  const { inputWidth: width, inputHeight: height } = transform
  const columns = bilinearTaps(width, transform.padX, transform.scaleX, rgb.width)
  const rows = bilinearTaps(height, transform.padY, transform.scaleY, rgb.height)
  const plane = width * height
  const data = new Float32Array(3 * plane)
  // Tensor channel c reads image channel sourceChannel[c] (RGB interleaved in the image).
  const sourceChannel = normalization.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2]
  const scale = normalization.std.map((s) => 1 / s)
  const offset = normalization.mean.map((m, c) => -m * scale[c])
  const src = rgb.data
  const stride = rgb.width * 3
  for (let v = 0; v < height; v++) {
    const rowA = rows.index0[v] * stride
    const rowB = rows.index1[v] * stride
    const wa = rows.weight0[v]
    const wb = rows.weight1[v]
    for (let u = 0; u < width; u++) {
      const colA = columns.index0[u] * 3
      const colB = columns.index1[u] * 3
      const waa = wa * columns.weight0[u]
      const wab = wa * columns.weight1[u]
      const wba = wb * columns.weight0[u]
      const wbb = wb * columns.weight1[u]
      const out = v * width + u
      for (let c = 0; c < 3; c++) {
        const k = sourceChannel[c]
        const value =
          waa * src[rowA + colA + k] +
          wab * src[rowA + colB + k] +
          wba * src[rowB + colA + k] +
          wbb * src[rowB + colB + k]
        data[c * plane + out] = value * scale[c] + offset[c]
      }
    }
  }
  return { data, dims: [1, 3, height, width] }
}

/**
 * For each output position i, the source position `(i − pad) / scale` and its two neighbours with
 * linear weights. A neighbour outside `[0, sourceSize)` gets weight 0 (it reads the black border);
 * its index is clamped only so the read stays in bounds.
 */
export function bilinearTaps(
  outputSize: number,
  pad: number,
  scale: number,
  sourceSize: number,
): Taps {
  const taps: Taps = {
    index0: new Int32Array(outputSize),
    index1: new Int32Array(outputSize),
    weight0: new Float32Array(outputSize),
    weight1: new Float32Array(outputSize),
  }
  for (let i = 0; i < outputSize; i++) {
    const position = (i - pad) / scale
    const i0 = Math.floor(position)
    const fraction = position - i0
    const inside0 = i0 >= 0 && i0 < sourceSize
    const inside1 = i0 + 1 >= 0 && i0 + 1 < sourceSize
    taps.index0[i] = inside0 ? i0 : 0
    taps.index1[i] = inside1 ? i0 + 1 : 0
    taps.weight0[i] = inside0 ? 1 - fraction : 0
    taps.weight1[i] = inside1 ? fraction : 0
  }
  return taps
}
