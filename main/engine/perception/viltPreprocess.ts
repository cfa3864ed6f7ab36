/**
 * ViLT image pre-processing, as Hugging Face's `ViltImageProcessor` does it for one image
 * (transformers `src/transformers/models/vilt/image_processing_vilt.py`, read through the code search):
 * - `size = {"shortest_edge": 384}`, `longer = int(1333 / 800 · 384)` = 639 (not 640: `int` truncates),
 *   `size_divisor` 32, `resample` BICUBIC, `rescale_factor` 1/255, `image_mean` = `image_std` =
 *   IMAGENET_STANDARD_MEAN/STD = [0.5, 0.5, 0.5], `do_pad` true;
 * - `get_resize_output_image_size`: scale the shorter side to 384; if the longer side then exceeds 639,
 *   scale both down so it is 639; round each side (`int(x + 0.5)`), then floor it to a multiple of 32;
 * - `pad` pads a batch bottom/right with 0 to its largest image and `make_pixel_mask` returns int64 with 1 on
 *   the image: for one image nothing is padded and `pixel_mask` is all ones.
 * The resize runs on the uint8 image through Pillow (transformers' `resize` converts to PIL), reproduced
 * by {@link resizeRgbPil} with Pillow's bicubic filter. Pure; sizes in pixels.
 */

import type { RgbImage } from '../types'
import { resizeRgbPil } from './pilResample'

/** `size["shortest_edge"]` of the dandelin ViLT checkpoints' preprocessor_config.json. */
export const VILT_SHORTEST_EDGE = 384
/** `int(1333 / 800 * 384)`. */
export const VILT_LONGEST_EDGE = Math.trunc((1333 / 800) * VILT_SHORTEST_EDGE)
export const VILT_SIZE_DIVISOR = 32
/** `image_mean` = `image_std` (0–1 scale, every channel). */
export const VILT_MEAN = 0.5
export const VILT_STD = 0.5

export interface ViltImageInputs {
  /** float32 [1, 3, height, width] NCHW, RGB, `(value / 255 − 0.5) / 0.5`. */
  pixelValues: Float32Array
  pixelDims: [1, 3, number, number]
  /** int64 [1, height, width]: 1 on real pixels (all of them for one image). */
  pixelMask: BigInt64Array
  maskDims: [1, number, number]
}

/** The resized size of a `width` × `height` image, as `get_resize_output_image_size` computes it. */
export function viltResizeSize(
  width: number,
  height: number,
  shorter: number = VILT_SHORTEST_EDGE,
  longer: number = VILT_LONGEST_EDGE,
  divisor: number = VILT_SIZE_DIVISOR,
): { width: number; height: number } {
  if (!(width > 0 && height > 0)) {
    throw new RangeError(`viltResizeSize: image size must be positive, got ${width}×${height}`)
  }
  const scale = shorter / Math.min(width, height)
  let newHeight = height < width ? shorter : scale * height
  let newWidth = height < width ? scale * width : shorter
  const longest = Math.max(newHeight, newWidth)
  if (longest > longer) {
    newHeight *= longer / longest
    newWidth *= longer / longest
  }
  const snap = (side: number) => Math.floor(Math.trunc(side + 0.5) / divisor) * divisor
  const out = { width: snap(newWidth), height: snap(newHeight) }
  if (out.width === 0 || out.height === 0) {
    throw new RangeError(
      `viltResizeSize: a ${width}×${height} image is too elongated for ViLT (resizes to ${out.width}×${out.height})`,
    )
  }
  return out
}

/** `pixel_values` and `pixel_mask` of one image, ready for a ViLT graph. */
export function viltImageInputs(image: RgbImage): ViltImageInputs {
  const size = viltResizeSize(image.width, image.height)
  const resized = resizeRgbPil(image, size.width, size.height, 'bicubic')
  const plane = size.width * size.height
  const pixelValues = new Float32Array(3 * plane)
  const src = resized.data
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) {
      pixelValues[c * plane + i] = (src[i * 3 + c] / 255 - VILT_MEAN) / VILT_STD
    }
  }
  return {
    pixelValues,
    pixelDims: [1, 3, size.height, size.width],
    pixelMask: new BigInt64Array(plane).fill(1n),
    maskDims: [1, size.height, size.width],
  }
}
