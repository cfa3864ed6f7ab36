import type { ResizeTransform } from '../perception/types'

/**
 * The input-size rules of the depth models, transcribed from their reference code so the tensor
 * matches what the weights were trained and evaluated with. Sizes are pixels.
 */

/** Python's `round` / `np.round`: halves go to the even neighbour (36.5 → 36, 37.5 → 38). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value)
  const fraction = value - floor
  if (fraction > 0.5) return floor + 1
  if (fraction < 0.5) return floor
  return floor % 2 === 0 ? floor : floor + 1
}

/**
 * `Resize.constrain_to_multiple_of` of Depth-Anything-V2 `depth_anything_v2/util/transform.py`:
 * round to a multiple, floor when above `maxValue`, ceil when below `minValue`.
 */
export function constrainToMultipleOf(
  value: number,
  multiple: number,
  minValue = 0,
  maxValue?: number,
): number {
  let result = roundHalfEven(value / multiple) * multiple
  if (maxValue !== undefined && result > maxValue) result = Math.floor(value / multiple) * multiple
  if (result < minValue) result = Math.ceil(value / multiple) * multiple
  return result
}

/**
 * - `lower_bound`: Depth-Anything-V2 `infer_image` (both sides ≥ the target, the reference).
 * - `minimal`: transformers' `DPTImageProcessor` with `keep_aspect_ratio` (scale as little as
 *   possible, no bound), which the ONNX exports' preprocessor_config.json select.
 */
export type KeepAspectMethod = 'lower_bound' | 'minimal'

export interface KeepAspectOptions {
  /** Target side, pixels (518 for Depth Anything V2). */
  target: number
  /** Sides are multiples of this (ViT patch size 14). */
  multiple: number
  method: KeepAspectMethod
}

/**
 * Model input size of Depth Anything V2 for an image: `Resize(width=target, height=target,
 * keep_aspect_ratio=True, ensure_multiple_of=multiple, resize_method=method).get_size`.
 * E.g. 640×480 → 686×518 with either method; 320×240 → 686×518 (lower_bound), 518×392 (minimal).
 */
export function keepAspectMultipleSize(
  width: number,
  height: number,
  options: KeepAspectOptions,
): { width: number; height: number } {
  assertPositive(width, height)
  const { target, multiple, method } = options
  let scaleHeight = target / height
  let scaleWidth = target / width
  if (method === 'lower_bound') {
    if (scaleWidth > scaleHeight) scaleHeight = scaleWidth
    else scaleWidth = scaleHeight
    return {
      width: constrainToMultipleOf(scaleWidth * width, multiple, target),
      height: constrainToMultipleOf(scaleHeight * height, multiple, target),
    }
  }
  if (Math.abs(1 - scaleWidth) < Math.abs(1 - scaleHeight)) scaleHeight = scaleWidth
  else scaleWidth = scaleHeight
  return {
    width: constrainToMultipleOf(scaleWidth * width, multiple),
    height: constrainToMultipleOf(scaleHeight * height, multiple),
  }
}

/** Where the resized image sits inside a padded model input, pixels. */
export interface PaddedLayout {
  /** The single resize factor applied to the image (and to fx, for Metric3D's de-canonical step). */
  scale: number
  resizedWidth: number
  resizedHeight: number
  padTop: number
  padBottom: number
  padLeft: number
  padRight: number
  inputWidth: number
  inputHeight: number
}

/**
 * Metric3D's keep-ratio resize and centred padding (YvanYin/Metric3D `hubconf.py` demo,
 * `onnx/test.onnx.py`): `scale = min(H_in / h, W_in / w)`, resized to `(int(w·scale),
 * int(h·scale))`, padded with `pad // 2` on the top/left and the rest on the bottom/right.
 * E.g. 640×480 into 1064×616: scale 1.2833, 821×616, pad left 121, right 122.
 */
export function metric3dLayout(
  width: number,
  height: number,
  inputWidth: number,
  inputHeight: number,
): PaddedLayout {
  assertPositive(width, height, inputWidth, inputHeight)
  const scale = Math.min(inputHeight / height, inputWidth / width)
  const resizedWidth = Math.trunc(width * scale)
  const resizedHeight = Math.trunc(height * scale)
  const padH = inputHeight - resizedHeight
  const padW = inputWidth - resizedWidth
  return {
    scale,
    resizedWidth,
    resizedHeight,
    padTop: Math.floor(padH / 2),
    padBottom: padH - Math.floor(padH / 2),
    padLeft: Math.floor(padW / 2),
    padRight: padW - Math.floor(padW / 2),
    inputWidth,
    inputHeight,
  }
}

/**
 * The pixel-index transform (`original = (model − pad) / scale`) of a half-pixel-centred resize
 * (OpenCV `cv2.resize`: `src = (dst + 0.5) · srcSize / dstSize − 0.5`) placed at an integer offset.
 */
export function halfPixelTransform(
  originalWidth: number,
  originalHeight: number,
  resizedWidth: number,
  resizedHeight: number,
  offset: { left: number; top: number; inputWidth: number; inputHeight: number },
): ResizeTransform {
  const scaleX = resizedWidth / originalWidth
  const scaleY = resizedHeight / originalHeight
  return {
    scaleX,
    scaleY,
    padX: (scaleX - 1) / 2 + offset.left,
    padY: (scaleY - 1) / 2 + offset.top,
    inputWidth: offset.inputWidth,
    inputHeight: offset.inputHeight,
    originalWidth,
    originalHeight,
  }
}

function assertPositive(...sizes: number[]): void {
  if (!sizes.every((size) => Number.isInteger(size) && size > 0)) {
    throw new RangeError(`depth resize: sizes must be positive integers, got ${sizes.join(', ')}`)
  }
}
