import { describe, expect, it } from 'vitest'
import { buildSceneImage, pixelBounds } from '../../main/frames/sceneImage'
import type { Frame, Scene, SceneObject } from '../../main/engine/types'

function frameOf(width: number, height: number): Frame {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.set([i % 256, (i * 7) % 256, 200], i * 3)
  const intrinsics = { width, height, fx: 500, fy: 500, cx: width / 2, cy: height / 2 }
  return {
    cameraId: 't',
    timestampNs: 0n,
    rgb: { width, height, data },
    intrinsics,
    depthSource: 'sensor',
  }
}

function sceneWith(objects: Array<{ id: number; pixels: number[] }>): Scene {
  return {
    objects: objects.map(
      (o) => ({ id: o.id, pixelIndices: Uint32Array.from(o.pixels) }) as SceneObject,
    ),
  } as Scene
}

describe('buildSceneImage', () => {
  it('keeps a small frame at its size, with each object id on its pixels', () => {
    const image = buildSceneImage(
      frameOf(4, 3),
      sceneWith([
        { id: 2, pixels: [5, 6] },
        { id: 0, pixels: [11] },
      ]),
    )
    expect([image.width, image.height]).toEqual([4, 3])
    expect(Array.from(image.objectOfPixel)).toEqual([-1, -1, -1, -1, -1, 2, 2, -1, -1, -1, -1, 0])
    expect(Array.from(image.rgb.subarray(15, 18))).toEqual([5, 35, 200])
  })

  it('downscales a large frame by nearest pixel so its longest side fits', () => {
    const frame = frameOf(8, 4)
    const image = buildSceneImage(frame, sceneWith([{ id: 1, pixels: [8 + 5] }]), 4)
    expect([image.width, image.height]).toEqual([4, 2])
    // Target (x, y) samples source (2x + 1, 2y + 1): target (2, 0) is source (5, 1) = pixel 13.
    expect(image.objectOfPixel[2]).toBe(1)
    expect(Array.from(image.rgb.subarray(6, 9))).toEqual(
      Array.from(frame.rgb.data.subarray(13 * 3, 13 * 3 + 3)),
    )
    expect(Array.from(image.objectOfPixel).filter((id) => id === 1)).toHaveLength(1)
  })
})

describe('pixelBounds', () => {
  it('bounds pixels by their edges: pixel u spans u…u+1', () => {
    expect(pixelBounds(Uint32Array.from([10 * 3 + 4, 10 * 5 + 7, 10 * 4 + 2]), 10)).toEqual([
      2, 3, 8, 6,
    ])
    expect(pixelBounds(new Uint32Array(0), 10)).toBeNull()
  })
})
