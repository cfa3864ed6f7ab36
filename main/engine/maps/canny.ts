/**
 * Canny edges (Spatial-ViLT's edge map), written out so the engine needs no OpenCV: Gaussian blur, 3 × 3 Sobel,
 * non-maximum suppression along the gradient direction, hysteresis. After the blur it follows OpenCV's
 * `cv::Canny(image, low, high)` (imgproc/src/canny.cpp) step for step, so thresholds mean the same as there and
 * the edges match it exactly on the same 8-bit input (tests compare with a committed OpenCV reference):
 * - Sobel with BORDER_REPLICATE, gradient magnitude |gx| + |gy| (OpenCV's default, L2gradient = false);
 * - direction in four sectors split at 22.5° and 67.5° (tan 22.5° in 15-bit fixed point, as OpenCV);
 *   a pixel survives if its magnitude is > low, > the neighbour behind it and ≥ the one ahead
 *   (diagonals: > both); magnitudes outside the image count as 0;
 * - pixels > high seed edges; survivors 8-connected to a seed join them.
 * Pure; images are row-major, one byte per pixel.
 */

import { gaussianBlur } from './gaussianBlur'

export interface CannyOptions {
  /** Hysteresis thresholds on |gx| + |gy| of the 8-bit Sobel (OpenCV's units); low ≤ high. */
  low: number
  high: number
  /** Gaussian sigma in pixels before the gradient; 0 = no blur (as `cv::Canny` alone). Default 1.4. */
  sigma?: number
}

/** Luma of interleaved RGB as OpenCV's COLOR_RGB2GRAY: (4899 R + 9617 G + 1868 B + 8192) >> 14. */
export function rgbToGray(rgb: Uint8Array, width: number, height: number): Uint8Array {
  if (rgb.length !== width * height * 3)
    throw new RangeError(`rgbToGray: ${rgb.length} bytes for ${width}×${height} RGB`)
  const out = new Uint8Array(width * height)
  for (let i = 0; i < out.length; i++) {
    out[i] = (rgb[i * 3] * 4899 + rgb[i * 3 + 1] * 9617 + rgb[i * 3 + 2] * 1868 + 8192) >> 14
  }
  return out
}

/** 3 × 3 Sobel derivatives (x right, y down) with replicated borders. */
export function sobel(
  gray: Uint8Array,
  width: number,
  height: number,
): { gx: Int32Array; gy: Int32Array } {
  const gx = new Int32Array(width * height)
  const gy = new Int32Array(width * height)
  const at = (x: number, y: number) =>
    gray[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = at(x - 1, y - 1)
      const b = at(x, y - 1)
      const c = at(x + 1, y - 1)
      const d = at(x - 1, y)
      const f = at(x + 1, y)
      const g = at(x - 1, y + 1)
      const h = at(x, y + 1)
      const k = at(x + 1, y + 1)
      gx[y * width + x] = c + 2 * f + k - (a + 2 * d + g)
      gy[y * width + x] = g + 2 * h + k - (a + 2 * b + c)
    }
  }
  return { gx, gy }
}

/** tan(22.5°) · 2^15, rounded as OpenCV's `TG22`. */
const TG22 = 13573

/** 0 not an edge, 1 candidate (survived NMS, > low), 2 strong (> high). */
export function nonMaximumSuppression(
  gx: Int32Array,
  gy: Int32Array,
  width: number,
  height: number,
  low: number,
  high: number,
): Uint8Array {
  const mag = new Int32Array(width * height)
  for (let i = 0; i < mag.length; i++) mag[i] = Math.abs(gx[i]) + Math.abs(gy[i])
  const m = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : mag[y * width + x]
  const state = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      const v = mag[i]
      if (v <= low) continue
      const dx = gx[i]
      const dy = gy[i]
      const tg22x = Math.abs(dx) * TG22
      const yy = Math.abs(dy) * 32768
      let isMax: boolean
      if (yy < tg22x) isMax = v > m(x - 1, y) && v >= m(x + 1, y)
      else if (yy > tg22x + Math.abs(dx) * 65536) isMax = v > m(x, y - 1) && v >= m(x, y + 1)
      else {
        const s = dx < 0 !== dy < 0 ? -1 : 1
        isMax = v > m(x - s, y - 1) && v > m(x + s, y + 1)
      }
      if (isMax) state[i] = v > high ? 2 : 1
    }
  }
  return state
}

/** Strong pixels and the candidates 8-connected to them: 255 edge, 0 not. */
export function hysteresis(state: Uint8Array, width: number, height: number): Uint8Array {
  const edges = new Uint8Array(width * height)
  const stack: number[] = []
  for (let i = 0; i < state.length; i++) {
    if (state[i] === 2) {
      edges[i] = 255
      stack.push(i)
    }
  }
  while (stack.length > 0) {
    const i = stack.pop()!
    const x = i % width
    const y = (i - x) / width
    for (let ny = y - 1; ny <= y + 1; ny++) {
      for (let nx = x - 1; nx <= x + 1; nx++) {
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
        const j = ny * width + nx
        if (state[j] === 1 && edges[j] === 0) {
          edges[j] = 255
          stack.push(j)
        }
      }
    }
  }
  return edges
}

/** Canny edge map of a one-channel 8-bit image: 255 on edges, 0 elsewhere. */
export function canny(
  gray: Uint8Array,
  width: number,
  height: number,
  options: CannyOptions,
): Uint8Array {
  const { low, high } = options
  if (!(low >= 0 && high >= low))
    throw new RangeError(`canny: need 0 ≤ low ≤ high, got low ${low}, high ${high}`)
  if (gray.length !== width * height || width < 1 || height < 1) {
    throw new RangeError(`canny: ${gray.length} bytes for a ${width}×${height} image`)
  }
  const sigma = options.sigma ?? 1.4
  const smoothed = sigma > 0 ? gaussianBlur(gray, width, height, sigma) : gray
  const { gx, gy } = sobel(smoothed, width, height)
  return hysteresis(nonMaximumSuppression(gx, gy, width, height, low, high), width, height)
}
