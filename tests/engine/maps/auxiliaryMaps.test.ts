import { describe, expect, it } from 'vitest'
import {
  auxiliaryMaps,
  coordinateMap,
  depthToMillimetres,
  objectMasks,
} from '../../../main/engine/maps/auxiliaryMaps'
import type { Frame, SceneObject } from '../../../main/engine/types'

const intrinsics = { width: 3, height: 2, fx: 2, fy: 2, cx: 1, cy: 0.5 }
const identity = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
// Camera (x right, y down, z forward) → world (x right, y away, z up), camera 1 m above the origin:
// columns are the camera axes in the world: x → (1, 0, 0), y → (0, 0, −1), z → (0, 1, 0); translation (0, 0, 1).
const upright = Float64Array.from([1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 1, 1])
const depth = { width: 3, height: 2, data: Float32Array.from([0, 2, 2, 2, 2, 4]) }

const object = (name: string, pixels: number[]) =>
  ({ name, label: name, pixelIndices: Uint32Array.from(pixels) }) as unknown as SceneObject

describe('coordinateMap', () => {
  it('back-projects with the pinhole model: pixel (2, 1) at 4 m → camera (2, 1, 4)', () => {
    const map = coordinateMap(depth, intrinsics, identity)
    expect(Array.from(map.slice(15, 18))).toEqual([2, 1, 4]) // x = (2 − 1)/2 · 4, y = (1 − 0.5)/2 · 4
    expect(Array.from(map.slice(3, 6))).toEqual([0, -0.5, 2]) // pixel (1, 0) at 2 m
    expect(map.slice(0, 3).every(Number.isNaN)).toBe(true) // no depth at (0, 0)
  })

  it('applies worldFromCamera: camera (2, 1, 4) → world (2, 4, 0) for a camera 1 m up looking along +y', () => {
    const map = coordinateMap(depth, intrinsics, upright)
    expect(Array.from(map.slice(15, 18))).toEqual([2, 4, 0])
  })

  it('refuses depth and intrinsics of different sizes', () => {
    expect(() => coordinateMap(depth, { ...intrinsics, width: 4 }, identity)).toThrow(
      /3×2 but the intrinsics are for 4×2/,
    )
  })
})

describe('objectMasks', () => {
  it('one 0/255 mask per object and a label image (later objects on top)', () => {
    const { masks, labels } = objectMasks([object('mug', [0, 1]), object('laptop', [1, 5])], 3, 2)
    expect(masks.map((m) => m.name)).toEqual(['mug', 'laptop'])
    expect(Array.from(masks[0].mask)).toEqual([255, 255, 0, 0, 0, 0])
    expect(Array.from(masks[1].mask)).toEqual([0, 255, 0, 0, 0, 255])
    expect(Array.from(labels)).toEqual([1, 2, 0, 0, 0, 2])
  })
  it('refuses a pixel outside the image', () => {
    expect(() => objectMasks([object('mug', [6])], 3, 2)).toThrow(/pixel 6 outside the 3×2 image/)
  })
})

describe('depthToMillimetres', () => {
  it('rounds to mm, 0 for missing, clamps at 65535', () => {
    expect(
      Array.from(depthToMillimetres(Float32Array.from([1.5, 0.0004, 0, Number.NaN, 70, -1]))),
    ).toEqual([1500, 0, 0, 0, 65535, 0])
  })
})

describe('auxiliaryMaps', () => {
  it('gives depth, world coordinates, edges of the colour image and masks; no depth maps without depth', () => {
    // 3 × 2 colour image: left column black, the rest white → a vertical Canny edge.
    const rgb = new Uint8Array(18)
    for (let i = 0; i < 6; i++) if (i % 3 !== 0) rgb.fill(255, i * 3, i * 3 + 3)
    const frame = { rgb: { width: 3, height: 2, data: rgb }, depth, intrinsics } as unknown as Frame
    const scene = { objects: [object('mug', [4])], worldFromCamera: upright, intrinsics }
    const maps = auxiliaryMaps(frame, scene, { low: 100, high: 200, sigma: 0 })
    expect(maps.depth).toBe(depth.data)
    expect(Array.from(maps.coordinatesInWorld!.slice(15, 18))).toEqual([2, 4, 0])
    // Sobel gx per row (replicated border): x = 0: 4·(255 − 0) = 1020; x = 1: 4·(255 − 0) = 1020; x = 2: 0.
    // The first of the two equal maxima is kept (> the one behind, which is outside: 0; ≥ the one ahead).
    expect(Array.from(maps.edges.data)).toEqual([255, 0, 0, 255, 0, 0])
    expect(Array.from(maps.labels)).toEqual([0, 0, 0, 0, 1, 0])
    const noDepth = auxiliaryMaps({ ...frame, depth: undefined }, scene, {
      low: 100,
      high: 200,
      sigma: 0,
    })
    expect(noDepth.depth).toBeUndefined()
    expect(noDepth.coordinatesInWorld).toBeUndefined()
  })
})
