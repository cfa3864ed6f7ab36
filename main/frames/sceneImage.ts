import type { Frame, Scene } from '../engine/types'
import type { SceneImage } from '../contract/sceneSchema'
import { pixelBoundingBox } from '../engine/perception/imageCrop'

/**
 * Longest side of the image sent to the 2D view. Larger frames are downscaled: the view shows the
 * image, it does not measure on it (pixel queries go back to the service at full resolution).
 */
export const MAX_IMAGE_SIDE_PX = 1280

/**
 * The analysed frame's colours and, per pixel, the id of the object whose lifted points cover it
 * (−1 for none), at the frame's size or downscaled by nearest pixel to MAX_IMAGE_SIDE_PX.
 */
export function buildSceneImage(
  frame: Frame,
  scene: Scene,
  maxSidePx = MAX_IMAGE_SIDE_PX,
): SceneImage {
  const { width: sourceWidth, height: sourceHeight, data } = frame.rgb
  const scale = Math.min(1, maxSidePx / Math.max(sourceWidth, sourceHeight))
  const width = Math.max(1, Math.round(sourceWidth * scale))
  const height = Math.max(1, Math.round(sourceHeight * scale))
  const objectOfSourcePixel = objectIdPerPixel(scene, sourceWidth * sourceHeight)
  const rgb = new Uint8Array(width * height * 3)
  const objectOfPixel = new Int16Array(width * height)
  for (let y = 0; y < height; y++) {
    const sourceY = Math.min(sourceHeight - 1, Math.floor(((y + 0.5) * sourceHeight) / height))
    for (let x = 0; x < width; x++) {
      const sourceX = Math.min(sourceWidth - 1, Math.floor(((x + 0.5) * sourceWidth) / width))
      const source = sourceY * sourceWidth + sourceX
      const target = y * width + x
      rgb[target * 3] = data[source * 3]
      rgb[target * 3 + 1] = data[source * 3 + 1]
      rgb[target * 3 + 2] = data[source * 3 + 2]
      objectOfPixel[target] = objectOfSourcePixel[source]
    }
  }
  return { width, height, rgb, objectOfPixel }
}

function objectIdPerPixel(scene: Scene, pixelCount: number): Int16Array {
  const ids = new Int16Array(pixelCount).fill(-1)
  for (const object of scene.objects) {
    for (const pixel of object.pixelIndices) if (pixel < pixelCount) ids[pixel] = object.id
  }
  return ids
}

/**
 * Bounds of an object's pixels as a box of pixel edges [x0, y0, x1, y1] (pixel u spans u…u+1), in
 * an image `width` pixels wide; null when it has none.
 */
export function pixelBounds(
  pixelIndices: Uint32Array,
  width: number,
): [number, number, number, number] | null {
  return pixelBoundingBox(pixelIndices, width) ?? null
}
