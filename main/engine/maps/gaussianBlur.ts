/**
 * Separable Gaussian blur of a one-channel 8-bit image, the smoothing step before Canny. Same kernel and border
 * as OpenCV's `GaussianBlur(src, (0, 0), sigma)` on 8-bit images: size `round(6σ + 1) | 1`, taps
 * `exp(−x² / 2σ²)` normalised to sum 1, border BORDER_REFLECT_101 (`…cb|abcd|cb…`). The result is rounded to
 * 0–255 after both passes (OpenCV rounds in fixed point, so its output can differ by 1). Pure.
 */

/** Normalised 1D Gaussian taps, centre at index `radius`. */
export function gaussianKernel(sigma: number): Float64Array {
  if (!(sigma > 0 && Number.isFinite(sigma)))
    throw new RangeError(`gaussianKernel: sigma must be > 0, got ${sigma}`)
  const size = Math.round(sigma * 6 + 1) | 1
  const radius = (size - 1) / 2
  const taps = new Float64Array(size)
  let sum = 0
  for (let i = 0; i < size; i++) {
    const x = i - radius
    taps[i] = Math.exp(-(x * x) / (2 * sigma * sigma))
    sum += taps[i]
  }
  for (let i = 0; i < size; i++) taps[i] /= sum
  return taps
}

/** Index inside [0, n) for BORDER_REFLECT_101. */
export function reflect101(i: number, n: number): number {
  if (n === 1) return 0
  let j = i
  while (j < 0 || j >= n) j = j < 0 ? -j : 2 * (n - 1) - j
  return j
}

/** Blurs `gray` (width·height bytes, row-major); sigma in pixels. Returns a new image. */
export function gaussianBlur(
  gray: Uint8Array,
  width: number,
  height: number,
  sigma: number,
): Uint8Array {
  if (gray.length !== width * height) {
    throw new RangeError(`gaussianBlur: ${gray.length} bytes for a ${width}×${height} image`)
  }
  const taps = gaussianKernel(sigma)
  const radius = (taps.length - 1) / 2
  const rows = new Float64Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0
      for (let k = -radius; k <= radius; k++)
        acc += taps[k + radius] * gray[y * width + reflect101(x + k, width)]
      rows[y * width + x] = acc
    }
  }
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0
      for (let k = -radius; k <= radius; k++)
        acc += taps[k + radius] * rows[reflect101(y + k, height) * width + x]
      out[y * width + x] = Math.min(255, Math.max(0, Math.round(acc)))
    }
  }
  return out
}
