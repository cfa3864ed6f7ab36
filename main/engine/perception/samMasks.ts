/**
 * SAM mask post-processing, as upstream `SamImageProcessor.post_process_masks` (transformers and
 * transformers.js): the decoder's low-resolution logits (256 × 256 for the 1024 input) are upscaled
 * bilinearly to the padded input, cropped to the resized image, resized bilinearly to the original
 * size and thresholded (`> 0`). Bilinear here is PyTorch's `interpolate(mode='bilinear',
 * align_corners=False)`. Pure; masks are row-major, 1 = object.
 */

import type { SamImageTransform } from './samPreprocess'
import { boxIou, type Box } from './nms'

/** One axis of a half-pixel bilinear resize: source index pair and weight of the second. */
interface AxisTaps {
  index0: Int32Array
  index1: Int32Array
  weight1: Float32Array
}

/**
 * PyTorch `area_pixel_compute_source_index` (align_corners=False, size given): source =
 * (i + 0.5) · in / out − 0.5, clamped at 0; the upper neighbour is clamped to the last index.
 * Only the first `count` output positions are computed (a crop of the full-size output).
 */
function axisTaps(inputSize: number, outputSize: number, count: number): AxisTaps {
  const scale = inputSize / outputSize
  const taps: AxisTaps = {
    index0: new Int32Array(count),
    index1: new Int32Array(count),
    weight1: new Float32Array(count),
  }
  for (let i = 0; i < count; i++) {
    const source = Math.max(0, (i + 0.5) * scale - 0.5)
    const i0 = Math.min(Math.floor(source), inputSize - 1)
    taps.index0[i] = i0
    taps.index1[i] = i0 < inputSize - 1 ? i0 + 1 : i0
    taps.weight1[i] = source - i0
  }
  return taps
}

/**
 * Bilinear resize of one float plane (row-major `sourceWidth × sourceHeight`, read from `offset`) to
 * `outputWidth × outputHeight`, returning only the top-left `cropWidth × cropHeight` of the result
 * (default: all of it) — the same values as resizing, then cropping.
 */
export function resizeBilinearPlane(
  source: Float32Array,
  sourceWidth: number,
  sourceHeight: number,
  outputWidth: number,
  outputHeight: number,
  crop: { width: number; height: number; offset?: number } = {
    width: outputWidth,
    height: outputHeight,
  },
): Float32Array {
  const offset = crop.offset ?? 0
  const columns = axisTaps(sourceWidth, outputWidth, crop.width)
  const rows = axisTaps(sourceHeight, outputHeight, crop.height)
  // Horizontal pass over every source row, then vertical: separable, same result as 2-D bilinear.
  const horizontal = new Float32Array(sourceHeight * crop.width)
  for (let y = 0; y < sourceHeight; y++) {
    const rowIn = offset + y * sourceWidth
    const rowOut = y * crop.width
    for (let x = 0; x < crop.width; x++) {
      const a = source[rowIn + columns.index0[x]]
      const b = source[rowIn + columns.index1[x]]
      horizontal[rowOut + x] = a + (b - a) * columns.weight1[x]
    }
  }
  const out = new Float32Array(crop.width * crop.height)
  for (let y = 0; y < crop.height; y++) {
    const rowA = rows.index0[y] * crop.width
    const rowB = rows.index1[y] * crop.width
    const w = rows.weight1[y]
    for (let x = 0; x < crop.width; x++) {
      const a = horizontal[rowA + x]
      out[y * crop.width + x] = a + (horizontal[rowB + x] - a) * w
    }
  }
  return out
}

/**
 * One low-resolution mask (logits, `maskWidth × maskHeight` read from `offset` in `logits`) → a
 * binary mask at the original resolution (`originalWidth · originalHeight` bytes, 1 where the
 * interpolated logit > `threshold`). The low-res mask covers the whole padded input square.
 */
export function samMaskToOriginal(
  logits: Float32Array,
  offset: number,
  maskWidth: number,
  maskHeight: number,
  transform: SamImageTransform,
  threshold = 0,
): Uint8Array {
  const { inputSize, resizedWidth, resizedHeight, originalWidth, originalHeight } = transform
  const cropped = resizeBilinearPlane(logits, maskWidth, maskHeight, inputSize, inputSize, {
    width: resizedWidth,
    height: resizedHeight,
    offset,
  })
  const full = resizeBilinearPlane(
    cropped,
    resizedWidth,
    resizedHeight,
    originalWidth,
    originalHeight,
  )
  const mask = new Uint8Array(full.length)
  for (let i = 0; i < full.length; i++) mask[i] = full[i] > threshold ? 1 : 0
  return mask
}

/** Index of the highest score among `count` scores starting at `offset` (first wins ties). */
export function bestMaskIndex(
  scores: ArrayLike<number>,
  offset = 0,
  count = scores.length - offset,
): number {
  let best = 0
  for (let i = 1; i < count; i++) if (scores[offset + i] > scores[offset + best]) best = i
  return best
}

/** Bounding box [x0, y0, x1, y1] (x1, y1 exclusive) of a mask's set pixels; null when empty. */
export function maskBoundingBox(mask: Uint8Array, width: number, height: number): Box | null {
  let x0 = width
  let y0 = height
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < height; y++) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      if (!mask[row + x]) continue
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      y1 = y
    }
  }
  return x1 < 0 ? null : [x0, y0, x1 + 1, y1 + 1]
}

/** How well a mask fits a prompt box: IoU of the mask's bounding box with it (0 for an empty mask). */
export function maskBoxFit(mask: Uint8Array, width: number, height: number, box: Box): number {
  const bounds = maskBoundingBox(mask, width, height)
  return bounds ? boxIou(bounds, box) : 0
}

/** Clears mask pixels whose centres lie outside the box (pixel u is inside when x0 ≤ u + 0.5 < x1). In place. */
export function clipMaskToBox(
  mask: Uint8Array,
  width: number,
  height: number,
  box: Box,
): Uint8Array {
  const u0 = Math.max(0, Math.ceil(box[0] - 0.5))
  const u1 = Math.min(width, Math.ceil(box[2] - 0.5))
  const v0 = Math.max(0, Math.ceil(box[1] - 0.5))
  const v1 = Math.min(height, Math.ceil(box[3] - 0.5))
  for (let v = 0; v < height; v++) {
    const row = v * width
    if (v < v0 || v >= v1) {
      mask.fill(0, row, row + width)
      continue
    }
    mask.fill(0, row, row + Math.max(0, u0))
    mask.fill(0, row + Math.max(u0, u1), row + width)
  }
  return mask
}

/** The decoder's candidate masks for one prompt (logits `candidates × maskHeight × maskWidth`). */
export interface SamCandidates {
  logits: Float32Array
  /** Predicted IoU per candidate. */
  scores: ArrayLike<number>
  candidates: number
  maskWidth: number
  maskHeight: number
}

/**
 * The chosen mask at the original resolution and its predicted IoU: the best-scoring candidate, or,
 * when the prompt's box became a centre click (`fallbackBox`, original pixels), the candidate whose
 * extent fits that box best (ties → higher score), clipped to the box.
 */
export function chooseSamMask(
  input: SamCandidates,
  transform: SamImageTransform,
  options: { threshold?: number; fallbackBox?: Box } = {},
): { mask: Uint8Array; score: number } {
  const { logits, scores, candidates, maskWidth, maskHeight } = input
  const { originalWidth: width, originalHeight: height } = transform
  const plane = maskWidth * maskHeight
  const decode = (k: number) =>
    samMaskToOriginal(logits, k * plane, maskWidth, maskHeight, transform, options.threshold ?? 0)
  const box = options.fallbackBox
  if (!box) {
    const k = bestMaskIndex(scores, 0, candidates)
    return { mask: decode(k), score: scores[k] }
  }
  let best = { mask: decode(0), score: scores[0], fit: -1 }
  for (let k = 0; k < candidates; k++) {
    const mask = k === 0 ? best.mask : decode(k)
    const fit = maskBoxFit(mask, width, height, box)
    if (fit > best.fit || (fit === best.fit && scores[k] > best.score)) {
      best = { mask, score: scores[k], fit }
    }
  }
  return { mask: clipMaskToBox(best.mask, width, height, box), score: best.score }
}
