import { describe, expect, it } from 'vitest'
import { gapBetween } from '../../main/engine/answers'
import {
  convertLength,
  moveObject,
  moveToward,
  objectAtPixel,
  parseLengthUnit,
  pointAtPixel,
  transformPoint,
  wrapYaw,
} from '../../main/engine/reasoning'
import type { DepthImage, Intrinsics } from '../../main/engine/types'
import { sceneWithBoxes } from '../engine/answers/sceneFromGroundTruth'

describe('unit conversion', () => {
  it('converts between m, cm, mm, in and ft (hand-worked)', () => {
    expect(convertLength(20, 'cm', 'm')).toBeCloseTo(0.2, 12)
    expect(convertLength(1, 'ft', 'in')).toBeCloseTo(12, 12)
    expect(convertLength(1, 'in', 'mm')).toBeCloseTo(25.4, 12)
    expect(convertLength(0.5, 'm', 'ft')).toBeCloseTo(1.6404199, 6)
    expect(convertLength(7, 'mm', 'mm')).toBe(7)
  })
  it('reads unit words', () => {
    expect(parseLengthUnit('inches')).toBe('in')
    expect(parseLengthUnit('Centimetres')).toBe('cm')
    expect(parseLengthUnit('feet')).toBe('ft')
    expect(parseLengthUnit('metre')).toBe('m')
    expect(parseLengthUnit('kg')).toBeNull()
  })
})

describe('what-if moves', () => {
  const scene = sceneWithBoxes([
    { name: 'a', c: [0, 0, 0.05], s: [0.1, 0.1, 0.1] },
    { name: 'b', c: [0.5, 0, 0.05], s: [0.1, 0.1, 0.1] },
  ])
  const [a, b] = scene.objects

  it('translates one box and leaves the input scene untouched', () => {
    const m = moveObject(scene, a, { dxM: 0.1, dzM: 0.02 })
    expect(m.moved.centerInWorld).toEqual([0.1, 0, 0.07])
    expect(a.centerInWorld).toEqual([0, 0, 0.05])
    expect(scene.objects[0]).toBe(a)
    expect(m.scene.objects[1]).toBe(b)
    // The camera-frame centre follows: worldFromCamera · centerInCamera = centerInWorld.
    const back = transformPoint(scene.worldFromCamera, m.moved.centerInCamera)
    back.forEach((v, i) => expect(v).toBeCloseTo(m.moved.centerInWorld[i], 9))
  })

  it('pushes toward another object: gap 0.4 m − 0.2 m = 0.2 m', () => {
    expect(gapBetween(scene, a, b).value).toBeCloseTo(0.4, 9)
    const m = moveToward(scene, a, b, 0.2)
    expect(m.deltaInWorld[0]).toBeCloseTo(0.2, 12)
    expect(m.deltaInWorld[1]).toBeCloseTo(0, 12)
    expect(gapBetween(m.scene, m.moved, m.scene.objects[1]).value).toBeCloseTo(0.2, 9)
  })

  it('rotates about the centre: a 10 cm cube turned 45° reaches √2·5 cm', () => {
    const m = moveToward(scene, a, b, 0.2, Math.PI / 4)
    expect(m.moved.yawRad).toBeCloseTo(Math.PI / 4, 12)
    // 0.5 − 0.2 − 0.05·√2 − 0.05 = 0.17929
    expect(gapBetween(m.scene, m.moved, m.scene.objects[1]).value).toBeCloseTo(
      0.5 - 0.2 - 0.05 * Math.SQRT2 - 0.05,
      9,
    )
  })

  it('wraps yaw into (−π/2, π/2] and rejects bad input', () => {
    expect(wrapYaw((3 * Math.PI) / 4)).toBeCloseTo(-Math.PI / 4, 12)
    expect(wrapYaw(Math.PI / 2)).toBeCloseTo(Math.PI / 2, 12)
    expect(() => moveObject(scene, a, { dxM: NaN })).toThrow(/finite/)
    expect(() => moveToward(scene, a, a, 0.1)).toThrow(/same xy/)
    const other = sceneWithBoxes([{ name: 'zzz', c: [0, 0, 0], s: [1, 1, 1] }]).objects[0]
    expect(() => moveObject(scene, other, { dxM: 1 })).toThrow(/not an object/)
  })
})

describe('point queries', () => {
  const K: Intrinsics = { width: 640, height: 480, fx: 500, fy: 500, cx: 319.5, cy: 239.5 }
  const identity = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
  const flat = (w: number, h: number, z: number): DepthImage => ({
    width: w,
    height: h,
    data: new Float32Array(w * h).fill(z),
  })

  it('back-projects a pixel (hand-worked: 50 px right of centre at 2 m → x = 0.2 m)', () => {
    const p = pointAtPixel(flat(640, 480, 2), K, identity, 369.5, 239.5)
    expect(p).not.toBeNull()
    expect(p!.depthM).toBe(2)
    expect(p!.pointInCamera[0]).toBeCloseTo(0.2, 12)
    expect(p!.pointInCamera[1]).toBeCloseTo(0, 12)
    expect(p!.pointInWorld).toEqual(p!.pointInCamera)
  })

  it('applies worldFromCamera (camera 1 m above the plane looking forward)', () => {
    // world = (x, z_cam, 1 − y_cam): columns of R are the images of the camera axes.
    const m = new Float64Array([1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 1, 1])
    const p = pointAtPixel(flat(640, 480, 2), K, m, 319.5, 239.5 + 100)!
    // y_cam = 100/500·2 = 0.4 → world z = 1 − 0.4 = 0.6, world y = 2
    expect(p.pointInWorld[0]).toBeCloseTo(0, 12)
    expect(p.pointInWorld[1]).toBeCloseTo(2, 12)
    expect(p.pointInWorld[2]).toBeCloseTo(0.6, 12)
  })

  it('uses the nearest valid depth, scales a half-resolution depth, and says no outside the image', () => {
    const d = flat(640, 480, 1.5)
    d.data[100 * 640 + 100] = 0
    const p = pointAtPixel(d, K, identity, 100, 100)!
    expect(p.depthM).toBe(1.5)
    expect(p.depthPixel).not.toEqual([100, 100])
    const half = pointAtPixel(flat(320, 240, 3), K, identity, 319.5, 239.5)!
    expect(half.depthM).toBe(3)
    expect(pointAtPixel(d, K, identity, 700, 10)).toBeNull()
    expect(pointAtPixel(flat(640, 480, 0), K, identity, 10, 10)).toBeNull()
  })

  it('finds the object covering a pixel', () => {
    const scene = sceneWithBoxes([{ name: 'mug', c: [0, 1, 0.05], s: [0.1, 0.1, 0.1] }])
    scene.objects[0].pixelIndices = new Uint32Array([10 * scene.intrinsics.width + 20])
    expect(objectAtPixel(scene, 20, 10)?.name).toBe('mug')
    expect(objectAtPixel(scene, 21, 10)).toBeNull()
  })
})
