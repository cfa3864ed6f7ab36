/**
 * SmolVLM (Idefics3) image pre-processing for ONE 512 × 512 view, without image splitting.
 *
 * Facts from the model repository and the reference processors:
 * - HuggingFaceTB/SmolVLM-256M-Instruct `preprocessor_config.json`: Idefics3ImageProcessor,
 *   `max_image_size.longest_edge` 512, `resample` 1 (LANCZOS), `rescale_factor` 1/255,
 *   `image_mean` = `image_std` = [0.5, 0.5, 0.5], `do_pad` true; `processor_config.json`:
 *   `image_seq_len` 64 (tokens per 512-px view).
 * - transformers `Idefics3ImageProcessor.preprocess` (and transformers.js
 *   `image_processing_idefics3.js`) with `do_image_splitting=False` "square the images to
 *   max_image_size": the image is resized to 512 × 512 regardless of its aspect ratio (the global
 *   view of the split path is made the same way), then rescaled and normalised; padding a single
 *   512 × 512 image changes nothing, so `pixel_attention_mask` is all ones.
 *
 * `fit: 'stretch'` (default) reproduces that, with Pillow's Lanczos applied once to the original
 * (upstream first resizes the longest edge to `size.longest_edge` 2048 and then squares; the
 * intermediate upscale only changes rounding). `fit: 'pad'` keeps the aspect ratio instead: the
 * longest edge becomes 512, the rest is padded on the bottom/right with 0 after normalisation
 * (as upstream `pad` does) and `pixel_attention_mask` marks only the image, which the vision
 * encoder honours by masking padded patches. Pure; sizes in pixels.
 */

import type { RgbImage } from '../types'
import { resizeRgbPil } from './pilResample'

/** Side of one SmolVLM view (`max_image_size.longest_edge`). */
export const SMOLVLM_IMAGE_SIDE = 512
/** `image_mean`, 0–1 scale, RGB. */
export const SMOLVLM_IMAGE_MEAN = 0.5
/** `image_std`, 0–1 scale, RGB. */
export const SMOLVLM_IMAGE_STD = 0.5

/** How the image is fitted into the square view. */
export type SmolVlmFit = 'stretch' | 'pad'

export interface SmolVlmImageInputs {
  /** float32 [1, 1, 3, side, side] (batch, images, NCHW), `(value / 255 − 0.5) / 0.5`, 0 in padding. */
  pixelValues: Float32Array
  pixelDims: [1, 1, 3, number, number]
  /** bool (0/1) [1, 1, side, side]: 1 where the view shows the image. */
  pixelAttentionMask: Uint8Array
  maskDims: [1, 1, number, number]
  /** Size of the image inside the view (top-left), pixels. */
  contentWidth: number
  contentHeight: number
}

/** Size of the image inside the view: the full square, or the longest edge at `side` (rounded). */
export function smolVlmContentSize(
  width: number,
  height: number,
  fit: SmolVlmFit,
  side: number = SMOLVLM_IMAGE_SIDE,
): { width: number; height: number } {
  if (!(width > 0 && height > 0 && side > 0)) {
    throw new RangeError(
      `smolVlmContentSize: sizes must be positive, got ${width}×${height} → ${side}`,
    )
  }
  if (fit === 'stretch') return { width: side, height: side }
  const scale = side / Math.max(width, height)
  return {
    width: Math.max(1, Math.min(side, Math.round(width * scale))),
    height: Math.max(1, Math.min(side, Math.round(height * scale))),
  }
}

/**
 * The vision encoder's `pixel_values` and `pixel_attention_mask` for one image. The returned
 * buffers are new and owned by the caller; the image is only read.
 */
export function smolVlmImageInputs(
  rgb: RgbImage,
  options: { fit?: SmolVlmFit; side?: number } = {},
): SmolVlmImageInputs {
  const side = options.side ?? SMOLVLM_IMAGE_SIDE
  const content = smolVlmContentSize(rgb.width, rgb.height, options.fit ?? 'stretch', side)
  const resized = resizeRgbPil(rgb, content.width, content.height, 'lanczos')
  const plane = side * side
  const pixelValues = new Float32Array(3 * plane)
  const pixelAttentionMask = new Uint8Array(plane)
  // (v / 255 − mean) / std as one multiply-add per value.
  const scale = 1 / (255 * SMOLVLM_IMAGE_STD)
  const offset = -SMOLVLM_IMAGE_MEAN / SMOLVLM_IMAGE_STD
  const src = resized.data
  for (let y = 0; y < content.height; y++) {
    for (let x = 0; x < content.width; x++) {
      const i = (y * content.width + x) * 3
      const o = y * side + x
      pixelValues[o] = src[i] * scale + offset
      pixelValues[plane + o] = src[i + 1] * scale + offset
      pixelValues[2 * plane + o] = src[i + 2] * scale + offset
      pixelAttentionMask[o] = 1
    }
  }
  return {
    pixelValues,
    pixelDims: [1, 1, 3, side, side],
    pixelAttentionMask,
    maskDims: [1, 1, side, side],
    contentWidth: content.width,
    contentHeight: content.height,
  }
}
