import { describe, expect, it } from 'vitest'
import {
  boxFromDrag,
  enginePixelOf,
  imagePixelIndex,
  imagePointOfEnginePixel,
  objectAtImagePoint,
  pixelAt,
  projectToImage,
} from '../../../renderer/src/imageView/imageGeometry'

const size = { width: 640, height: 480 }

describe('pixel conventions of the image view', () => {
  it('pixel u spans u…u+1 in image coordinates; the engine puts its centre at u', () => {
    expect(pixelAt([12.99, 7.01], size)).toEqual([12, 7])
    expect(pixelAt([640, 10], size)).toBeNull()
    expect(pixelAt([-0.01, 10], size)).toBeNull()
    expect(enginePixelOf([12.5, 7.5])).toEqual([12, 7])
    expect(imagePointOfEnginePixel([12, 7])).toEqual([12.5, 7.5])
  })

  it('indexes a downscaled image at the pixel covering the point', () => {
    const half = { width: 320, height: 240 }
    expect(imagePixelIndex([3.9, 1.5], size, half)).toBe(0 * 320 + 1)
    expect(imagePixelIndex([639.9, 479.9], size, half)).toBe(239 * 320 + 319)
    expect(imagePixelIndex([700, 10], size, half)).toBe(-1)
  })

  it('turns a drag into a whole-pixel box in either direction, clamped to the image', () => {
    expect(boxFromDrag([100.4, 50.6], [20.2, 200.1], size)).toEqual([20, 50, 101, 201])
    expect(boxFromDrag([-30, -5], [10, 10], size)).toEqual([0, 0, 10, 10])
    expect(boxFromDrag([600, 400], [900, 900], size)).toEqual([600, 400, 640, 480])
    expect(boxFromDrag([10, 10], [10.5, 80], size)).toBeNull() // a click, not a box
  })
})

describe('projectToImage', () => {
  // Camera 1 m above the floor looking straight down: camera z = world −z, camera x = world x,
  // camera y = world −y. Columns of worldFromCamera are the camera axes in world coordinates.
  const worldFromCamera = [1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 1, 1]
  const intrinsics = { fx: 500, fy: 500, cx: 319.5, cy: 239.5 }

  it('puts the point under the camera at the principal point, and offsets by f·x/z', () => {
    expect(projectToImage(worldFromCamera, intrinsics, [0, 0, 0])).toEqual([320, 240])
    const [x, y] = projectToImage(worldFromCamera, intrinsics, [0.1, 0.2, 0.5])!
    expect(x).toBeCloseTo(320 + (500 * 0.1) / 0.5, 9)
    expect(y).toBeCloseTo(240 - (500 * 0.2) / 0.5, 9)
  })

  it('gives null for a point behind the camera', () => {
    expect(projectToImage(worldFromCamera, intrinsics, [0, 0, 2])).toBeNull()
  })
})

describe('objectAtImagePoint', () => {
  const mask = {
    width: 4,
    height: 2,
    objectOfPixel: Int16Array.from([-1, 5, -1, -1, -1, -1, -1, -1]),
  }
  const tiny = { width: 4, height: 2 }
  const objects = [
    { id: 5, name: 'mug', boxInImagePx: [1, 0, 2, 1] as const },
    { id: 6, name: 'table', boxInImagePx: [0, 0, 4, 2] as const },
    { id: 7, name: 'shelf', boxInImagePx: [2, 0, 4, 2] as const },
  ]

  it('prefers the object whose pixels cover the point', () => {
    expect(objectAtImagePoint([1.5, 0.5], objects, mask, tiny)).toBe('mug')
  })

  it('else takes the smallest box around it, and nothing outside every box', () => {
    expect(objectAtImagePoint([3.5, 1.5], objects, mask, tiny)).toBe('shelf')
    expect(objectAtImagePoint([0.5, 1.5], objects, mask, tiny)).toBe('table')
    expect(objectAtImagePoint([0.5, 1.5], objects.slice(0, 1), mask, tiny)).toBeNull()
  })
})
