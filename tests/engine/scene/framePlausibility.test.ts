import { describe, expect, it } from 'vitest'
import {
  framePlausibilityWarnings,
  type FramePlausibilityInput,
} from '../../../main/engine/scene/framePlausibility'

const K = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 }
const plane = (heightM: number) => ({
  normal: [0, -1, 0] as [number, number, number],
  offset: heightM,
})
const input = (extra: Partial<FramePlausibilityInput>): FramePlausibilityInput => ({
  plane: plane(1.2),
  objects: [],
  intrinsics: K,
  depthSource: 'sensor',
  depthScale: 1000,
  ...extra,
})
const labelled = (detectorLabel: string, largestM: number) => ({
  sizeM: { width: largestM, depth: largestM / 2, height: largestM / 2 },
  labelCheck: { detectorLabel, confidence: 0.5, isPlausible: true, hasFewPoints: false },
})

describe('framePlausibilityWarnings', () => {
  it('says nothing for a camera 1.2 m above a table with ordinary intrinsics', () => {
    expect(framePlausibilityWarnings(input({}))).toEqual([])
    expect(framePlausibilityWarnings(input({ plane: null }))).toEqual([])
  })

  it('names depthScale 5000 for a TUM frame read at 1000 (camera 8.70 m above the plane; 8.70 / 5 = 1.74 m)', () => {
    const warnings = framePlausibilityWarnings(input({ plane: plane(8.7) }))
    expect(warnings).toEqual([
      'camera 8.70 m above the support plane: depth looks 5× too far (read with depthScale 1000): if this is a TUM RGB-D ' +
        'frame, use depthScale 5000 (--depth-scale 5000, or the depth scale field when opening the frame)',
    ])
  })

  it('picks the common scale that brings the camera to a plausible height, or says how far off it looks', () => {
    // 20 m · 1000 / 5000 = 4 m is still too high, 20 m · 1000 / 10000 = 2 m is plausible: 10×.
    // 30 m: 6 m and 3 m are both too high, so no common scale fixes it: 30 / 1.2 = 25× from a typical 1.2 m.
    expect(framePlausibilityWarnings(input({ plane: plane(30) }))[0]).toContain(
      'depth looks about 25× too far',
    )
    expect(framePlausibilityWarnings(input({ plane: plane(20) }))[0]).toContain(
      'depth looks 10× too far (read with depthScale 1000)',
    )
  })

  it('asks for metres when a point cloud puts the camera 710 m up (a cloud in millimetres)', () => {
    const [warning] = framePlausibilityWarnings(
      input({ plane: plane(710), depthSource: 'pointcloud', depthScale: undefined }),
    )
    expect(warning).toBe(
      'camera 710.00 m above the support plane: the cloud looks about 592× too large: its points must be in metres ' +
        '(a cloud in millimetres reads 1000× too far)',
    )
  })

  it('asks for a calibration when monocular depth puts the camera metres up', () => {
    const [warning] = framePlausibilityWarnings(
      input({ plane: plane(5), depthSource: 'monocular', depthScale: undefined }),
    )
    expect(warning).toContain('camera 5.00 m above the support plane')
    expect(warning).toContain('spatial-lens calibrate')
  })

  it('warns about fx that is not in pixels (a 3.6 mm focal length gives a 180° field of view)', () => {
    const [warning] = framePlausibilityWarnings(input({ intrinsics: { ...K, fx: 3.6, fy: 3.6 } }))
    expect(warning).toMatch(
      /^intrinsics give a 179° horizontal field of view \(fx 3\.6 for a 640 px wide image\)/,
    )
    // A 60° lens (fx = 320 / tan 30° = 554 px) is fine.
    expect(framePlausibilityWarnings(input({ intrinsics: { ...K, fx: 554 } }))).toEqual([])
  })

  it('warns when most detected objects are far smaller than their classes (depth 5× too near)', () => {
    const objects = [labelled('chair', 0.17), labelled('bottle', 0.03), labelled('bed', 0.4)]
    const [warning] = framePlausibilityWarnings(input({ objects }))
    expect(warning).toMatch(
      /^3 of 3 detected objects are far smaller than their classes usually are/,
    )
  })

  it('does not blame the frame for one wrong label among right ones', () => {
    const objects = [labelled('fire hydrant', 0.12), labelled('cup', 0.1), labelled('laptop', 0.33)]
    expect(framePlausibilityWarnings(input({ objects }))).toEqual([])
  })

  it('warns when most detected objects are far bigger than their classes, unless the camera height already said so', () => {
    const objects = [labelled('bottle', 0.67), labelled('cup', 0.6), labelled('book', 2)]
    expect(framePlausibilityWarnings(input({ objects }))[0]).toMatch(
      /^3 of 3 detected objects are far bigger/,
    )
    expect(framePlausibilityWarnings(input({ objects, plane: plane(8.7) }))).toHaveLength(1)
  })
})
