/**
 * OWLv2 image pre-processing, as Hugging Face's `Owlv2ImageProcessor` (transformers
 * `models/owlv2/image_processing_owlv2.py`, after PR #41938): rescale to 0–1, pad to a square on the
 * bottom and right, resize to 960 × 960 the way the original (scikit-image) implementation does —
 * Gaussian anti-aliasing with σ = max(0, (factor − 1) / 2) when shrinking, then `scipy.ndimage.zoom`
 * order 1 with `grid_mode=True` and mirror boundaries — and normalise with the CLIP mean/std.
 * Pure; sizes in pixels.
 */

import type { RgbImage } from '../types'
import type { FloatTensor } from './types'

/** OWLv2 input side (`size` {960, 960}; base/large patch16 ensemble models). */
export const OWL_INPUT_SIZE = 960
/** `OPENAI_CLIP_MEAN`, 0–1 scale, RGB. */
export const OWL_IMAGE_MEAN = [0.48145466, 0.4578275, 0.40821073] as const
/** `OPENAI_CLIP_STD`, 0–1 scale, RGB. */
export const OWL_IMAGE_STD = [0.26862954, 0.26130258, 0.27577711] as const
/**
 * Padding value (0–1 scale, before normalisation). OWLv2's official implementation pads with 0;
 * transformers used grey 0.5 (OWL-ViT v1's value) until huggingface/transformers#41938 (LVIS mAP
 * 43.4 → 44.0 with 0). Pass 0.5 to reproduce older exports' pre-processing exactly.
 */
export const OWL_PAD_VALUE = 0

/**
 * How the image sits in OWLv2's input: padded (bottom/right) to a `paddedSize` square, which is
 * resized to `inputSize`. Model boxes are normalised to the padded square:
 * original pixels = normalised · paddedSize on both axes.
 */
export interface OwlImageTransform {
  originalWidth: number
  originalHeight: number
  paddedSize: number
  inputSize: number
}

export interface OwlPreprocessOptions {
  /** Default {@link OWL_INPUT_SIZE}. */
  inputSize?: number
  /** Default {@link OWL_PAD_VALUE}. */
  padValue?: number
}

/** The transform for an image of the given size. */
export function owlTransform(
  originalWidth: number,
  originalHeight: number,
  inputSize = OWL_INPUT_SIZE,
): OwlImageTransform {
  if (!(originalWidth > 0 && originalHeight > 0 && inputSize > 0)) {
    throw new RangeError(
      `owlTransform: sizes must be positive, got ${originalWidth}×${originalHeight} → ${inputSize}`,
    )
  }
  return {
    originalWidth,
    originalHeight,
    paddedSize: Math.max(originalWidth, originalHeight),
    inputSize,
  }
}

/**
 * The model's `pixel_values`: float32 [1, 3, inputSize, inputSize], NCHW, RGB,
 * `(value − mean) / std` on the 0–1 scale. The returned buffer is new and owned by the caller.
 */
export function owlPixelValues(
  rgb: RgbImage,
  options: OwlPreprocessOptions = {},
): { tensor: FloatTensor; transform: OwlImageTransform } {
  const transform = owlTransform(rgb.width, rgb.height, options.inputSize)
  const padValue = options.padValue ?? OWL_PAD_VALUE
  const { paddedSize: padded, inputSize: side } = transform
  const sigma = Math.max(0, (padded / side - 1) / 2)
  const plane = side * side
  const data = new Float32Array(3 * plane)
  for (let c = 0; c < 3; c++) {
    let channel = paddedChannel(rgb, c, padded, padValue)
    if (sigma > 0) channel = gaussianFilterMirror(channel, padded, padded, sigma)
    const resized = zoomLinearMirror(channel, padded, padded, side, side)
    const mean = OWL_IMAGE_MEAN[c]
    const inverseStd = 1 / OWL_IMAGE_STD[c]
    for (let i = 0; i < plane; i++) data[c * plane + i] = (resized[i] - mean) * inverseStd
  }
  return { tensor: { data, dims: [1, 3, side, side] }, transform }
}

/** One channel on the 0–1 scale, padded to a `size` square with `padValue`. */
function paddedChannel(
  rgb: RgbImage,
  channel: number,
  size: number,
  padValue: number,
): Float32Array {
  const out = new Float32Array(size * size).fill(padValue)
  for (let y = 0; y < rgb.height; y++) {
    const rowIn = y * rgb.width * 3 + channel
    const rowOut = y * size
    for (let x = 0; x < rgb.width; x++) out[rowOut + x] = rgb.data[rowIn + x * 3] / 255
  }
  return out
}

/** scipy.ndimage 'mirror' boundary for an integer index: … c b | a b c … (edge not repeated). */
export function mirrorIndex(index: number, size: number): number {
  if (size === 1) return 0
  const period = 2 * size - 2
  let i = index % period
  if (i < 0) i += period
  return i < size ? i : period - i
}

/** scipy.ndimage 'mirror' boundary for a real coordinate (`map_coordinate`, NI_EXTEND_MIRROR). */
export function mirrorCoordinate(coordinate: number, size: number): number {
  if (size === 1) return 0
  const period = 2 * size - 2
  let c = coordinate % period
  if (c < 0) c += period
  return c <= size - 1 ? c : period - c
}

/** `scipy.ndimage.gaussian_filter(mode='mirror', truncate=4.0)` over both axes of a plane. */
export function gaussianFilterMirror(
  plane: Float32Array,
  width: number,
  height: number,
  sigma: number,
): Float32Array {
  const radius = Math.floor(4 * sigma + 0.5)
  const kernel = new Float64Array(2 * radius + 1)
  let total = 0
  for (let k = -radius; k <= radius; k++)
    total += kernel[k + radius] = Math.exp((-0.5 * k * k) / (sigma * sigma))
  for (let k = 0; k < kernel.length; k++) kernel[k] /= total
  const horizontal = new Float32Array(plane.length)
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -radius; k <= radius; k++)
        sum += kernel[k + radius] * plane[row + mirrorIndex(x + k, width)]
      horizontal[row + x] = sum
    }
  }
  const out = new Float32Array(plane.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -radius; k <= radius; k++)
        sum += kernel[k + radius] * horizontal[mirrorIndex(y + k, height) * width + x]
      out[y * width + x] = sum
    }
  }
  return out
}

/**
 * `scipy.ndimage.zoom(order=1, mode='mirror', grid_mode=True)` of a plane: output pixel i samples
 * source coordinate (i + 0.5) · in / out − 0.5 (mirrored at the edges), linearly, axis by axis.
 */
export function zoomLinearMirror(
  plane: Float32Array,
  width: number,
  height: number,
  outputWidth: number,
  outputHeight: number,
): Float32Array {
  const columns = linearTaps(width, outputWidth)
  const rows = linearTaps(height, outputHeight)
  const horizontal = new Float32Array(height * outputWidth)
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < outputWidth; x++) {
      const a = plane[row + columns.index0[x]]
      horizontal[y * outputWidth + x] =
        a + (plane[row + columns.index1[x]] - a) * columns.weight1[x]
    }
  }
  const out = new Float32Array(outputWidth * outputHeight)
  for (let y = 0; y < outputHeight; y++) {
    const rowA = rows.index0[y] * outputWidth
    const rowB = rows.index1[y] * outputWidth
    const w = rows.weight1[y]
    for (let x = 0; x < outputWidth; x++) {
      const a = horizontal[rowA + x]
      out[y * outputWidth + x] = a + (horizontal[rowB + x] - a) * w
    }
  }
  return out
}

function linearTaps(inputSize: number, outputSize: number) {
  const index0 = new Int32Array(outputSize)
  const index1 = new Int32Array(outputSize)
  const weight1 = new Float32Array(outputSize)
  const scale = inputSize / outputSize
  for (let i = 0; i < outputSize; i++) {
    const c = mirrorCoordinate((i + 0.5) * scale - 0.5, inputSize)
    const i0 = Math.min(Math.floor(c), inputSize - 1)
    index0[i] = i0
    index1[i] = Math.min(i0 + 1, inputSize - 1)
    weight1[i] = c - i0
  }
  return { index0, index1, weight1 }
}
