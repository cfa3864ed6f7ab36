/**
 * Pillow's 8-bit resize (`Image.resize(size, filter)`, libImaging `Resample.c`), which Hugging Face
 * image processors call on the uint8 image before rescaling: `SamImageProcessor` with BILINEAR,
 * `Idefics3ImageProcessor` (SmolVLM) with LANCZOS. It is a separable filter whose support widens
 * with the downscale factor (so downscaling antialiases), with 22-bit fixed-point weights and
 * rounding to uint8 after each pass (horizontal first). Reproducing it keeps our model inputs within
 * rounding of the reference processors'.
 */

import type { RgbImage } from '../types'

/** Fixed-point precision of Pillow's 8-bit resampling (`PRECISION_BITS = 32 - 8 - 2`). */
const PRECISION_BITS = 22
const ONE = 2 ** PRECISION_BITS
const HALF = 2 ** (PRECISION_BITS - 1)

/** Per output position: first source index, tap count, and fixed-point weights (`taps` per row). */
interface Coefficients {
  first: Int32Array
  count: Int32Array
  weights: Float64Array
  taps: number
}

/** Pillow's resampling filters we use (`Image.BILINEAR`, `Image.BICUBIC`, `Image.LANCZOS`). */
export type PilFilter = 'bilinear' | 'bicubic' | 'lanczos'

function triangle(x: number): number {
  const a = Math.abs(x)
  return a < 1 ? 1 - a : 0
}

function sinc(x: number): number {
  if (x === 0) return 1
  const px = x * Math.PI
  return Math.sin(px) / px
}

/** Pillow `lanczos_filter`: sinc windowed by sinc(x/3) on [−3, 3). */
function lanczos(x: number): number {
  return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0
}

/** Pillow `bicubic_filter` (Keys cubic with a = −0.5) on [−2, 2]; ViltImageProcessor resizes with it. */
function bicubic(x: number): number {
  const a = -0.5
  const t = Math.abs(x)
  if (t < 1) return ((a + 2) * t - (a + 3)) * t * t + 1
  if (t < 2) return (((t - 5) * t + 8) * t - 4) * a
  return 0
}

/** Kernel and support (in source pixels at scale 1) of each filter, as Pillow's `filterp`. */
const FILTERS: Record<PilFilter, { kernel: (x: number) => number; support: number }> = {
  bilinear: { kernel: triangle, support: 1 },
  bicubic: { kernel: bicubic, support: 2 },
  lanczos: { kernel: lanczos, support: 3 },
}

/** Pillow `precompute_coeffs` + `normalize_coeffs_8bpc` for one filter. */
export function pilCoefficients(
  inputSize: number,
  outputSize: number,
  filter: PilFilter = 'bilinear',
): Coefficients {
  const { kernel, support: filterSupport } = FILTERS[filter]
  const scale = inputSize / outputSize
  const filterScale = Math.max(scale, 1)
  const support = filterSupport * filterScale
  const taps = Math.ceil(support) * 2 + 1
  const first = new Int32Array(outputSize)
  const count = new Int32Array(outputSize)
  const weights = new Float64Array(outputSize * taps)
  for (let out = 0; out < outputSize; out++) {
    const center = (out + 0.5) * scale
    const xmin = Math.max(0, Math.trunc(center - support + 0.5))
    const xmax = Math.min(inputSize, Math.trunc(center + support + 0.5)) - xmin
    let total = 0
    for (let x = 0; x < xmax; x++) {
      const w = kernel((x + xmin - center + 0.5) / filterScale)
      weights[out * taps + x] = w
      total += w
    }
    for (let x = 0; x < xmax; x++) {
      const w = total !== 0 ? weights[out * taps + x] / total : weights[out * taps + x]
      weights[out * taps + x] = w < 0 ? Math.trunc(-0.5 + w * ONE) : Math.trunc(0.5 + w * ONE)
    }
    first[out] = xmin
    count[out] = xmax
  }
  return { first, count, weights, taps }
}

/** Pillow `clip8`: fixed-point accumulator → 0–255. */
function clip8(accumulator: number): number {
  if (accumulator <= 0) return 0
  const value = Math.floor(accumulator / ONE)
  return value > 255 ? 255 : value
}

/**
 * Resizes an interleaved RGB image with Pillow's bilinear filter. A pass whose size does not change
 * is skipped, as Pillow skips it. Returns a new image; the input is not modified.
 *
 * @param width output width, pixels (> 0)
 * @param height output height, pixels (> 0)
 */
export function resizeRgbBilinearPil(rgb: RgbImage, width: number, height: number): RgbImage {
  return resizeRgbPil(rgb, width, height, 'bilinear')
}

/** {@link resizeRgbBilinearPil} with any of Pillow's filters we reproduce. */
export function resizeRgbPil(
  rgb: RgbImage,
  width: number,
  height: number,
  filter: PilFilter,
): RgbImage {
  if (!(width > 0 && height > 0 && rgb.width > 0 && rgb.height > 0)) {
    throw new RangeError(
      `resizeRgbPil: sizes must be positive (${rgb.width}×${rgb.height} → ${width}×${height})`,
    )
  }
  let current = rgb
  if (width !== rgb.width) current = resizeHorizontal(current, width, filter)
  if (height !== rgb.height) current = resizeVertical(current, height, filter)
  return current === rgb ? { width, height, data: rgb.data.slice() } : current
}

function resizeHorizontal(rgb: RgbImage, width: number, filter: PilFilter): RgbImage {
  const k = pilCoefficients(rgb.width, width, filter)
  const out = new Uint8Array(width * rgb.height * 3)
  const src = rgb.data
  for (let y = 0; y < rgb.height; y++) {
    const rowIn = y * rgb.width * 3
    const rowOut = y * width * 3
    for (let x = 0; x < width; x++) {
      const base = x * k.taps
      const start = rowIn + k.first[x] * 3
      let r = HALF
      let g = HALF
      let b = HALF
      for (let t = 0; t < k.count[x]; t++) {
        const w = k.weights[base + t]
        const i = start + t * 3
        r += src[i] * w
        g += src[i + 1] * w
        b += src[i + 2] * w
      }
      out[rowOut + x * 3] = clip8(r)
      out[rowOut + x * 3 + 1] = clip8(g)
      out[rowOut + x * 3 + 2] = clip8(b)
    }
  }
  return { width, height: rgb.height, data: out }
}

function resizeVertical(rgb: RgbImage, height: number, filter: PilFilter): RgbImage {
  const k = pilCoefficients(rgb.height, height, filter)
  const stride = rgb.width * 3
  const out = new Uint8Array(stride * height)
  const src = rgb.data
  for (let y = 0; y < height; y++) {
    const base = y * k.taps
    const rowOut = y * stride
    for (let i = 0; i < stride; i++) {
      let acc = HALF
      let index = k.first[y] * stride + i
      for (let t = 0; t < k.count[y]; t++, index += stride) acc += src[index] * k.weights[base + t]
      out[rowOut + i] = clip8(acc)
    }
  }
  return { width: rgb.width, height, data: out }
}
