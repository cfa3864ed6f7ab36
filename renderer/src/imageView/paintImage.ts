import type { SceneImage } from '../../../main/contract/sceneSchema'

/** Draws the scene image's RGB bytes into a canvas of the image's own size. */
export function paintRgb(canvas: HTMLCanvasElement, image: SceneImage): void {
  canvas.width = image.width
  canvas.height = image.height
  const context = canvas.getContext('2d')
  if (!context) return
  const pixels = context.createImageData(image.width, image.height)
  const { rgb } = image
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    pixels.data[j] = rgb[i]
    pixels.data[j + 1] = rgb[i + 1]
    pixels.data[j + 2] = rgb[i + 2]
    pixels.data[j + 3] = 255
  }
  context.putImageData(pixels, 0, 0)
}

const MASK_ALPHA = 70
const EMPHASIS_ALPHA = 150

/**
 * Tints each object's pixels with its colour (transparent elsewhere) into a canvas of the image's
 * size, laid over the image; the emphasised object is tinted stronger.
 */
export function paintMasks(
  canvas: HTMLCanvasElement,
  image: SceneImage,
  colorOfId: ReadonlyMap<number, readonly [number, number, number]>,
  emphasisedId: number | null,
): void {
  canvas.width = image.width
  canvas.height = image.height
  const context = canvas.getContext('2d')
  if (!context) return
  const pixels = context.createImageData(image.width, image.height)
  const ids = image.objectOfPixel
  for (let i = 0; i < ids.length; i++) {
    const color = ids[i] >= 0 ? colorOfId.get(ids[i]) : undefined
    if (!color) continue
    pixels.data.set(color, i * 4)
    pixels.data[i * 4 + 3] = ids[i] === emphasisedId ? EMPHASIS_ALPHA : MASK_ALPHA
  }
  context.putImageData(pixels, 0, 0)
}

/** '#4cc2ff' → [76, 194, 255]. */
export function rgbOfHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}
