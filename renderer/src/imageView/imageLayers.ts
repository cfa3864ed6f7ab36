import type { SceneImage } from '../../../main/contract/sceneSchema'
import { canny, rgbToGray } from '../../../main/engine/maps/canny'
import { DEFAULT_CANNY } from '../../../main/engine/maps/auxiliaryMaps'

/**
 * What the image view paints under the overlay: the photo, or one of Spatial-ViLT's auxiliary maps the renderer
 * can make from what it holds (Canny edges of the photo; object masks from `objectOfPixel`). Depth and the 3D
 * coordinate map live in the main process: `spatial-lens maps` exports them.
 */
export type ImageLayer = 'photo' | 'edges' | 'masks'

export const IMAGE_LAYERS: ReadonlyArray<{ id: ImageLayer; label: string }> = [
  { id: 'photo', label: 'Photo' },
  { id: 'edges', label: 'Map: Canny edges' },
  { id: 'masks', label: 'Map: object masks' },
]

/**
 * The layer as interleaved RGB of the image's size: the photo itself, white edges on black (the engine's Canny,
 * same thresholds as the export), or white object pixels on black.
 */
export function layerRgb(image: SceneImage, layer: ImageLayer): Uint8Array<ArrayBuffer> {
  if (layer === 'photo') return image.rgb
  const { width, height } = image
  const value =
    layer === 'edges'
      ? canny(rgbToGray(image.rgb, width, height), width, height, DEFAULT_CANNY)
      : Uint8Array.from(image.objectOfPixel, (id) => (id >= 0 ? 255 : 0))
  const rgb = new Uint8Array(width * height * 3)
  for (let i = 0; i < value.length; i++) rgb.fill(value[i], i * 3, i * 3 + 3)
  return rgb
}
