import { describe, expect, it } from 'vitest'
import { TfTree } from '../../../main/engine/tf/tfTree'
import { fixedFromWorld, tfFramesInWorld } from '../../../main/engine/tf/framesInWorld'
import type { Quat } from '../../../main/engine/tf/types'

/** 90° about z: [0, 0, sin 45°, cos 45°]. */
const Z90: Quat = [0, 0, Math.SQRT1_2, Math.SQRT1_2]
const T = 1_000n

function tree(): TfTree {
  const t = new TfTree()
  // The camera sits 1 m above base_link; the tool is 0.2 m along base_link's x, turned 90° about z.
  t.add({
    parentFrameId: 'base_link',
    childFrameId: 'camera',
    timeNs: T,
    translationM: [0, 0, 1],
    rotation: [0, 0, 0, 1],
    isStatic: true,
  })
  t.add({
    parentFrameId: 'base_link',
    childFrameId: 'tool0',
    timeNs: T,
    translationM: [0.2, 0, 0],
    rotation: Z90,
    isStatic: true,
  })
  return t
}

/** worldFromCamera: the world is the camera frame shifted 2 m along x (column-major). */
const WORLD_FROM_CAMERA = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1])

describe('tfFramesInWorld', () => {
  it('places each frame origin and its axes through the camera (hand-computed)', () => {
    const { frames, warnings } = tfFramesInWorld(WORLD_FROM_CAMERA, tree(), 'camera', T)
    expect(warnings).toEqual([])
    const tool = frames.find((f) => f.frameId === 'tool0')!
    // tool0 in the camera: (0.2, 0, −1); in the world: +2 m along x.
    ;[2.2, 0, -1].forEach((v, i) => expect(tool.originInWorld[i]).toBeCloseTo(v, 12))
    // Turned 90° about z: its x axis points along +y, its y axis along −x.
    ;[0, 1, 0].forEach((v, i) => expect(tool.xAxisInWorld[i]).toBeCloseTo(v, 12))
    ;[-1, 0, 0].forEach((v, i) => expect(tool.yAxisInWorld[i]).toBeCloseTo(v, 12))
    ;[0, 0, 1].forEach((v, i) => expect(tool.zAxisInWorld[i]).toBeCloseTo(v, 12))
    expect(frames.map((f) => f.frameId).sort()).toEqual(['base_link', 'camera', 'tool0'])
  })

  it('says so when the camera frame is not in the tree, and places nothing', () => {
    const { frames, warnings } = tfFramesInWorld(WORLD_FROM_CAMERA, tree(), 'optical', T)
    expect(frames).toEqual([])
    expect(warnings[0]).toMatch(/camera frame "optical" is not in the TF tree/)
  })

  it('caps the number of frames drawn', () => {
    expect(tfFramesInWorld(WORLD_FROM_CAMERA, tree(), 'camera', T, 2).frames).toHaveLength(2)
  })
})

describe('fixedFromWorld', () => {
  it('maps world points into the fixed frame: the world origin (camera at x = −2) lands at (−2, 0, 1)', () => {
    const m = fixedFromWorld(WORLD_FROM_CAMERA, tree(), 'camera', 'base_link', T)
    // world origin = camera point (−2, 0, 0) → base_link (−2, 0, 1).
    expect([m[12], m[13], m[14]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-2, 0, 1])
    expect(Array.from(m.slice(0, 11))).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
  })

  it('throws a lookup error for a frame TF does not know', () => {
    expect(() => fixedFromWorld(WORLD_FROM_CAMERA, tree(), 'camera', 'map', T)).toThrow(
      /"map" is not in the TF tree/,
    )
  })
})
