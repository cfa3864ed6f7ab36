import type { RgbImage, Scene } from '../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'

export const WIDTH = 640
export const HEIGHT = 480

export type Patches = Record<string, { x: number; y: number; rgb: [number, number, number] }>

/** White under the mug, black under the laptop, red under the bottle; the other objects have no pixels. */
export const DEFAULT_PATCHES: Patches = {
  mug: { x: 100, y: 100, rgb: [255, 255, 255] },
  laptop: { x: 300, y: 100, rgb: [0, 0, 0] },
  bottle: { x: 500, y: 300, rgb: [255, 0, 0] },
}

/**
 * The synthetic tabletop's ground-truth scene (640×480) with a grey frame in which the named
 * objects own a 60 × 60 patch of one colour (their pixels), so image regions and crops are known.
 */
export function paintedScene(patches: Patches = DEFAULT_PATCHES): {
  scene: Scene
  image: RgbImage
} {
  const base = sceneFromGroundTruth(loadGroundTruth())
  const data = new Uint8Array(WIDTH * HEIGHT * 3).fill(128)
  const objects = base.objects.map((object) => {
    const patch = patches[object.name]
    if (!patch) return object
    const pixels: number[] = []
    for (let y = patch.y; y < patch.y + 60; y++) {
      for (let x = patch.x; x < patch.x + 60; x++) {
        pixels.push(y * WIDTH + x)
        data.set(patch.rgb, (y * WIDTH + x) * 3)
      }
    }
    return { ...object, pixelIndices: Uint32Array.from(pixels) }
  })
  return { scene: { ...base, objects }, image: { width: WIDTH, height: HEIGHT, data } }
}

/** An image filled with one colour. */
export function solidImage(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3)
  return { width, height, data }
}
