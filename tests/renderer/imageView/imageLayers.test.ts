import { describe, expect, it } from 'vitest'
import { layerRgb } from '../../../renderer/src/imageView/imageLayers'

// 6 × 4: left half black, right half white; one object on the two top-left pixels.
const width = 6
const height = 4
const rgb = new Uint8Array(width * height * 3)
for (let i = 0; i < width * height; i++) if (i % width >= 3) rgb.fill(255, i * 3, i * 3 + 3)
const objectOfPixel = new Int16Array(width * height).fill(-1)
objectOfPixel[0] = 7
objectOfPixel[1] = 7
const image = { width, height, rgb, objectOfPixel }
const column = (layer: Uint8Array, x: number) =>
  Array.from({ length: height }, (_, y) => layer[(y * width + x) * 3])

describe('image view layers', () => {
  it('photo is the image itself', () => {
    expect(layerRgb(image, 'photo')).toBe(rgb)
  })

  it('edges: Canny marks the black/white boundary as white, the flat halves stay black', () => {
    const edges = layerRgb(image, 'edges')
    expect(edges.length).toBe(rgb.length)
    const edgeColumns = [0, 1, 2, 3, 4, 5].filter((x) => column(edges, x).every((v) => v === 255))
    expect(edgeColumns).toHaveLength(1)
    expect([2, 3]).toContain(edgeColumns[0]) // on the boundary between columns 2 and 3
    expect(column(edges, 0).every((v) => v === 0)).toBe(true)
    expect(column(edges, 5).every((v) => v === 0)).toBe(true)
  })

  it('masks: object pixels white, the rest black, grey level in all three channels', () => {
    const masks = layerRgb(image, 'masks')
    expect(Array.from(masks.slice(0, 9))).toEqual([255, 255, 255, 255, 255, 255, 0, 0, 0])
    expect(masks.slice(9).every((v) => v === 0)).toBe(true)
  })
})
