import type { ResizeTransform } from './types'

/**
 * The keep-ratio resize of NanoDet's upstream pipeline (RangiLyu/nanodet `data/transform/warp.py`,
 * `get_resize_matrix(keep_ratio=True)`, the val pipeline of nanodet-m): the image is scaled by one
 * factor so it fits inside the model input and is centred, the padding split evenly on both sides
 * (so it may be fractional). Coordinates are pixel indices on both sides:
 * `model = scale · original + pad`, `original = (model − pad) / scale`.
 *
 * @param originalWidth image width, pixels
 * @param originalHeight image height, pixels
 * @param inputWidth model input width, pixels
 * @param inputHeight model input height, pixels
 */
export function letterboxTransform(
  originalWidth: number,
  originalHeight: number,
  inputWidth: number,
  inputHeight: number,
): ResizeTransform {
  assertSizes(originalWidth, originalHeight, inputWidth, inputHeight)
  const scale =
    originalWidth / originalHeight < inputWidth / inputHeight
      ? inputHeight / originalHeight
      : inputWidth / originalWidth
  return {
    scaleX: scale,
    scaleY: scale,
    padX: inputWidth / 2 - (scale * originalWidth) / 2,
    padY: inputHeight / 2 - (scale * originalHeight) / 2,
    inputWidth,
    inputHeight,
    originalWidth,
    originalHeight,
  }
}

/** The plain stretch (upstream `keep_ratio=False`): each axis scaled on its own, no padding. */
export function stretchTransform(
  originalWidth: number,
  originalHeight: number,
  inputWidth: number,
  inputHeight: number,
): ResizeTransform {
  assertSizes(originalWidth, originalHeight, inputWidth, inputHeight)
  return {
    scaleX: inputWidth / originalWidth,
    scaleY: inputHeight / originalHeight,
    padX: 0,
    padY: 0,
    inputWidth,
    inputHeight,
    originalWidth,
    originalHeight,
  }
}

/**
 * A box in model-input pixels → original-image pixels, clipped to the image
 * (`[0, originalWidth] × [0, originalHeight]`, as upstream `warp_boxes` clips). Boxes are
 * [x0, y0, x1, y1].
 */
export function boxToOriginal(
  box: readonly [number, number, number, number],
  transform: ResizeTransform,
): [number, number, number, number] {
  const { scaleX, scaleY, padX, padY, originalWidth, originalHeight } = transform
  const clip = (value: number, max: number) => Math.min(max, Math.max(0, value))
  return [
    clip((box[0] - padX) / scaleX, originalWidth),
    clip((box[1] - padY) / scaleY, originalHeight),
    clip((box[2] - padX) / scaleX, originalWidth),
    clip((box[3] - padY) / scaleY, originalHeight),
  ]
}

function assertSizes(...sizes: number[]): void {
  if (!sizes.every((size) => Number.isFinite(size) && size > 0)) {
    throw new RangeError(`resize: image and model sizes must be positive, got ${sizes.join(', ')}`)
  }
}
