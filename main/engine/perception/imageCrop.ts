/**
 * Image regions for region-level vision questions: the 2D box of an object's pixels, a context
 * margin around it, and the crop. Boxes are [x0, y0, x1, y1] in pixels, 0-based, x1/y1 exclusive.
 * Pure.
 */

import type { RgbImage, SceneObject } from '../types'

export type PixelBox = [number, number, number, number]

/**
 * The smallest box holding every pixel of `pixelIndices` (row-major indices into an image
 * `imageWidth` wide), or undefined when there are none.
 */
export function pixelBoundingBox(
  pixelIndices: ArrayLike<number>,
  imageWidth: number,
): PixelBox | undefined {
  if (pixelIndices.length === 0) return undefined
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let k = 0; k < pixelIndices.length; k++) {
    const index = pixelIndices[k]
    const y = Math.floor(index / imageWidth)
    const x = index - y * imageWidth
    if (x < x0) x0 = x
    if (x > x1) x1 = x
    if (y < y0) y0 = y
    if (y > y1) y1 = y
  }
  return [x0, y0, x1 + 1, y1 + 1]
}

/**
 * The box grown by `marginFraction` of its larger side on every side (context helps a small model
 * recognise an object), at least `minSidePx` wide and tall where the image allows, clipped to the
 * image and rounded outward to whole pixels.
 */
export function expandBox(
  box: PixelBox,
  imageWidth: number,
  imageHeight: number,
  options: { marginFraction?: number; minSidePx?: number } = {},
): PixelBox {
  const margin = (options.marginFraction ?? 0.15) * Math.max(box[2] - box[0], box[3] - box[1])
  const minSide = options.minSidePx ?? 32
  const grow = (lo: number, hi: number, limit: number): [number, number] => {
    let a = lo - margin
    let b = hi + margin
    const missing = minSide - (b - a)
    if (missing > 0) {
      a -= missing / 2
      b += missing / 2
    }
    return [Math.max(0, Math.floor(a)), Math.min(limit, Math.ceil(b))]
  }
  const [x0, x1] = grow(box[0], box[2], imageWidth)
  const [y0, y1] = grow(box[1], box[3], imageHeight)
  return [x0, y0, x1, y1]
}

/**
 * `box` of an image `fromWidth` × `fromHeight` in the pixels of a resized copy `toWidth` × `toHeight`
 * (the 2D view's downscaled frame), rounded outward and clipped.
 */
export function scaleBox(box: PixelBox, from: Size, to: Size): PixelBox {
  const sx = to.width / from.width
  const sy = to.height / from.height
  return [
    Math.max(0, Math.floor(box[0] * sx)),
    Math.max(0, Math.floor(box[1] * sy)),
    Math.min(to.width, Math.ceil(box[2] * sx)),
    Math.min(to.height, Math.ceil(box[3] * sy)),
  ]
}

/** Whether `image` is `frame` resized without changing its aspect ratio (to within a pixel's rounding). */
export function isResizedCopyOf(image: Size, frame: Size): boolean {
  return (
    Math.abs(image.width * frame.height - image.height * frame.width) <=
    Math.max(frame.width, frame.height)
  )
}

interface Size {
  width: number
  height: number
}

/**
 * The pixels of `box` (rounded outward, clipped to the image) as a new image. Throws a RangeError
 * when nothing of the box lies inside the image.
 */
export function cropRgb(rgb: RgbImage, box: PixelBox): RgbImage {
  const x0 = Math.max(0, Math.floor(box[0]))
  const y0 = Math.max(0, Math.floor(box[1]))
  const x1 = Math.min(rgb.width, Math.ceil(box[2]))
  const y1 = Math.min(rgb.height, Math.ceil(box[3]))
  if (!(x1 > x0 && y1 > y0)) {
    throw new RangeError(
      `cropRgb: box [${box.join(', ')}] is outside the ${rgb.width}×${rgb.height} image`,
    )
  }
  const width = x1 - x0
  const height = y1 - y0
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * rgb.width + x0) * 3
    data.set(rgb.data.subarray(from, from + width * 3), y * width * 3)
  }
  return { width, height, data }
}

/**
 * The image region of a scene object: the box of its pixels with context around it (see
 * expandBox), or undefined when the object has no pixels in this frame (e.g. a scene built from
 * boxes rather than an image).
 */
export function objectImageRegion(
  object: Pick<SceneObject, 'pixelIndices'>,
  imageWidth: number,
  imageHeight: number,
): PixelBox | undefined {
  const box = pixelBoundingBox(object.pixelIndices, imageWidth)
  return box && expandBox(box, imageWidth, imageHeight)
}
