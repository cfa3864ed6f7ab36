/**
 * SAM-family image pre-processing, as Hugging Face's `SamImageProcessor` (transformers
 * `models/sam/image_processing_sam.py`; transformers.js `models/sam/image_processing_sam.js`) does it
 * for SAM, SlimSAM and the other `SamModel` exports: resize so the longest side is 1024 (Pillow
 * bilinear), rescale by 1/255, normalise with the ImageNet mean/std, then pad with zeros on the
 * bottom and right to 1024 × 1024. Pure; all sizes in pixels.
 */

import type { RgbImage } from '../types'
import type { FloatTensor } from './types'
import { resizeRgbBilinearPil } from './pilResample'

/** Side of SAM's square input (`pad_size` {1024, 1024}, `size.longest_edge` 1024). */
export const SAM_INPUT_SIZE = 1024
/** ImageNet mean (`IMAGENET_DEFAULT_MEAN`), 0–1 scale, RGB. */
export const SAM_IMAGE_MEAN = [0.485, 0.456, 0.406] as const
/** ImageNet std (`IMAGENET_DEFAULT_STD`), 0–1 scale, RGB. */
export const SAM_IMAGE_STD = [0.229, 0.224, 0.225] as const

/**
 * Where the image sits in SAM's input: resized to `resizedWidth × resizedHeight` (upstream
 * `reshaped_input_sizes`) at the top-left of an `inputSize` square; the rest is padding.
 * `model = original · resized / original` per axis, no offset.
 */
export interface SamImageTransform {
  originalWidth: number
  originalHeight: number
  resizedWidth: number
  resizedHeight: number
  inputSize: number
}

/**
 * The longest-side resize (upstream `_get_preprocess_shape`): scale = longest / max(h, w), each side
 * `int(side · scale + 0.5)`. 640 × 480 → 1024 × 768.
 */
export function samTransform(
  originalWidth: number,
  originalHeight: number,
  inputSize: number = SAM_INPUT_SIZE,
): SamImageTransform {
  if (!(originalWidth > 0 && originalHeight > 0 && inputSize > 0)) {
    throw new RangeError(
      `samTransform: sizes must be positive, got ${originalWidth}×${originalHeight} → ${inputSize}`,
    )
  }
  const scale = inputSize / Math.max(originalWidth, originalHeight)
  return {
    originalWidth,
    originalHeight,
    resizedWidth: Math.floor(originalWidth * scale + 0.5),
    resizedHeight: Math.floor(originalHeight * scale + 0.5),
    inputSize,
  }
}

/**
 * The encoder's `pixel_values`: float32 [1, 3, inputSize, inputSize], NCHW, RGB,
 * `(value / 255 − mean) / std` in the resized content and 0 in the padding (upstream pads after
 * normalising). The returned buffer is new and owned by the caller.
 */
export function samPixelValues(
  rgb: RgbImage,
  transform: SamImageTransform = samTransform(rgb.width, rgb.height),
): FloatTensor {
  if (rgb.width !== transform.originalWidth || rgb.height !== transform.originalHeight) {
    throw new RangeError(
      `samPixelValues: image is ${rgb.width}×${rgb.height} but the transform is for ` +
        `${transform.originalWidth}×${transform.originalHeight}`,
    )
  }
  const { resizedWidth: width, resizedHeight: height, inputSize: side } = transform
  const resized = resizeRgbBilinearPil(rgb, width, height)
  const plane = side * side
  const data = new Float32Array(3 * plane)
  const scale = SAM_IMAGE_STD.map((s) => 1 / (255 * s))
  const offset = SAM_IMAGE_MEAN.map((m, c) => -m / SAM_IMAGE_STD[c])
  const src = resized.data
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      const o = y * side + x
      data[o] = src[i] * scale[0] + offset[0]
      data[plane + o] = src[i + 1] * scale[1] + offset[1]
      data[2 * plane + o] = src[i + 2] * scale[2] + offset[2]
    }
  }
  return { data, dims: [1, 3, side, side] }
}

/**
 * A point in original-image pixels → SAM input pixels (upstream `SamProcessor._normalize_coordinates`:
 * x · resizedWidth / originalWidth, y · resizedHeight / originalHeight; the prompt encoder adds the
 * half-pixel itself).
 */
export function samPointToInput(
  u: number,
  v: number,
  transform: SamImageTransform,
): [number, number] {
  return [
    (u * transform.resizedWidth) / transform.originalWidth,
    (v * transform.resizedHeight) / transform.originalHeight,
  ]
}

/** A box [x0, y0, x1, y1] in original-image pixels → SAM input pixels (both corners as points). */
export function samBoxToInput(
  box: readonly [number, number, number, number],
  transform: SamImageTransform,
): [number, number, number, number] {
  const [x0, y0] = samPointToInput(box[0], box[1], transform)
  const [x1, y1] = samPointToInput(box[2], box[3], transform)
  return [x0, y0, x1, y1]
}
