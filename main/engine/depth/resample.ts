import type { RgbImage } from '../types'

/**
 * Image resampling as the depth models' reference code does it, so tensors and outputs match:
 * OpenCV `cv2.resize` (half-pixel centres, replicated border) for the colour input, PyTorch
 * `F.interpolate(mode='bilinear')` for mapping predictions back. Pure, separable, allocation per call.
 */

/** Taps of one output row or column: `size` source indices and weights per output position. */
interface Taps {
  size: number
  index: Int32Array
  weight: Float64Array
}

/** OpenCV's cubic convolution constant (`interpolateCubic`, A = −0.75). */
const CUBIC_A = -0.75

function cubicWeights(t: number, out: Float64Array, offset: number): void {
  const a = CUBIC_A
  const w0 = ((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a
  const w1 = ((a + 2) * t - (a + 3)) * t * t + 1
  const w2 = ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1
  out[offset] = w0
  out[offset + 1] = w1
  out[offset + 2] = w2
  out[offset + 3] = 1 - w0 - w1 - w2
}

const clampIndex = (i: number, n: number) => (i < 0 ? 0 : i >= n ? n - 1 : i)

/**
 * `cv2.resize` taps: source position `(dst + 0.5) · src/dst − 0.5`; INTER_CUBIC keeps the
 * fraction at the border and replicates edge pixels; INTER_LINEAR clamps position and fraction.
 */
export function openCvTaps(sourceSize: number, outputSize: number, kind: 'cubic' | 'linear'): Taps {
  const size = kind === 'cubic' ? 4 : 2
  const index = new Int32Array(outputSize * size)
  const weight = new Float64Array(outputSize * size)
  const ratio = sourceSize / outputSize
  for (let d = 0; d < outputSize; d++) {
    const position = (d + 0.5) * ratio - 0.5
    let s = Math.floor(position)
    let t = position - s
    if (kind === 'cubic') {
      cubicWeights(t, weight, d * 4)
      for (let k = 0; k < 4; k++) index[d * 4 + k] = clampIndex(s - 1 + k, sourceSize)
      continue
    }
    if (s < 0) {
      s = 0
      t = 0
    }
    if (s >= sourceSize - 1) {
      s = sourceSize - 1
      t = 0
    }
    index[d * 2] = s
    index[d * 2 + 1] = clampIndex(s + 1, sourceSize)
    weight[d * 2] = 1 - t
    weight[d * 2 + 1] = t
  }
  return { size, index, weight }
}

/**
 * PyTorch `F.interpolate(mode='bilinear')` taps. `alignCorners`: source = dst · (src − 1)/(dst − 1)
 * (Depth Anything V2); otherwise half-pixel with negative positions clamped to 0 (Metric3D).
 */
export function torchBilinearTaps(
  sourceSize: number,
  outputSize: number,
  alignCorners: boolean,
): Taps {
  const index = new Int32Array(outputSize * 2)
  const weight = new Float64Array(outputSize * 2)
  for (let d = 0; d < outputSize; d++) {
    let position: number
    if (alignCorners) position = outputSize > 1 ? (d * (sourceSize - 1)) / (outputSize - 1) : 0
    else position = Math.max(0, ((d + 0.5) * sourceSize) / outputSize - 0.5)
    const s = Math.min(Math.floor(position), sourceSize - 1)
    const t = position - s
    index[d * 2] = s
    index[d * 2 + 1] = Math.min(s + 1, sourceSize - 1)
    weight[d * 2] = 1 - t
    weight[d * 2 + 1] = t
  }
  return { size: 2, index, weight }
}

/** A rectangle of a plane, pixels: the part that is resampled (e.g. the unpadded prediction). */
export interface PlaneWindow {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Separable resampling of `channels` interleaved channels in a window of `source` (row stride
 * `sourceWidth · channels`) to `outputWidth × outputHeight`, channel-planar output (C·H·W).
 */
function resampleSeparable(
  source: ArrayLike<number>,
  sourceWidth: number,
  channels: number,
  window: PlaneWindow,
  columns: Taps,
  rows: Taps,
): Float32Array {
  const outputWidth = columns.index.length / columns.size
  const outputHeight = rows.index.length / rows.size
  // Horizontal pass over the window's rows, kept interleaved: window.height × outputWidth × C.
  const horizontal = new Float64Array(window.height * outputWidth * channels)
  for (let y = 0; y < window.height; y++) {
    const rowStart = ((window.y + y) * sourceWidth + window.x) * channels
    for (let x = 0; x < outputWidth; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0
        for (let k = 0; k < columns.size; k++) {
          const tap = x * columns.size + k
          sum += columns.weight[tap] * source[rowStart + columns.index[tap] * channels + c]
        }
        horizontal[(y * outputWidth + x) * channels + c] = sum
      }
    }
  }
  const plane = outputWidth * outputHeight
  const output = new Float32Array(plane * channels)
  for (let y = 0; y < outputHeight; y++) {
    for (let x = 0; x < outputWidth; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0
        for (let k = 0; k < rows.size; k++) {
          const tap = y * rows.size + k
          sum += rows.weight[tap] * horizontal[(rows.index[tap] * outputWidth + x) * channels + c]
        }
        output[c * plane + y * outputWidth + x] = sum
      }
    }
  }
  return output
}

/**
 * `cv2.resize` of an 8-bit RGB image, returned as three planes (R, G, B; each H·W) in 0–255.
 * `cubic` works in floating point as Depth Anything V2 does (it resizes `image / 255.0`);
 * `linear` rounds to integers as OpenCV does on a uint8 image (Metric3D), to within 1 level.
 */
export function resizeRgbPlanar(
  rgb: RgbImage,
  outputWidth: number,
  outputHeight: number,
  kind: 'cubic' | 'linear',
): Float32Array {
  const columns = openCvTaps(rgb.width, outputWidth, kind)
  const rows = openCvTaps(rgb.height, outputHeight, kind)
  const window = { x: 0, y: 0, width: rgb.width, height: rgb.height }
  const planes = resampleSeparable(rgb.data, rgb.width, 3, window, columns, rows)
  if (kind === 'linear') {
    for (let i = 0; i < planes.length; i++)
      planes[i] = Math.min(255, Math.max(0, Math.round(planes[i])))
  }
  return planes
}

/**
 * Bilinear resize of one float plane (or a window of it) as PyTorch's `F.interpolate`. Non-finite
 * inputs propagate to the outputs they touch (callers sanitise afterwards).
 */
export function resizePlaneBilinear(
  source: Float32Array,
  sourceWidth: number,
  sourceHeight: number,
  outputWidth: number,
  outputHeight: number,
  options: { alignCorners: boolean; window?: PlaneWindow },
): Float32Array {
  const window = options.window ?? { x: 0, y: 0, width: sourceWidth, height: sourceHeight }
  const isInside =
    window.x >= 0 &&
    window.y >= 0 &&
    window.width > 0 &&
    window.height > 0 &&
    window.x + window.width <= sourceWidth &&
    window.y + window.height <= sourceHeight
  if (!isInside || source.length !== sourceWidth * sourceHeight) {
    throw new RangeError(
      `resizePlaneBilinear: window ${JSON.stringify(window)} does not fit a ${sourceWidth}×${sourceHeight} plane of ${source.length} values`,
    )
  }
  const columns = torchBilinearTaps(window.width, outputWidth, options.alignCorners)
  const rows = torchBilinearTaps(window.height, outputHeight, options.alignCorners)
  return resampleSeparable(source, sourceWidth, 1, window, columns, rows)
}
