import { describe, expect, it } from 'vitest'
import { boxIou } from '../../../main/engine/tracking/boxOverlap'
import { kalmanPredict, kalmanStart, kalmanUpdate } from '../../../main/engine/tracking/kalman1d'
import type { ObjectBox, Vec3 } from '../../../main/engine/types'

function box(c: Vec3, s: [number, number, number], yawDeg = 0): ObjectBox {
  return {
    centerInWorld: c,
    centerInCamera: [0, 0, 1],
    sizeM: { width: s[0], depth: s[1], height: s[2] },
    yawRad: (yawDeg * Math.PI) / 180,
  }
}

describe('boxIou', () => {
  it('is 1 for identical boxes and 0 for separated ones', () => {
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([0, 0, 0.5], [1, 1, 1]))).toBeCloseTo(1, 9)
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([2, 0, 0.5], [1, 1, 1]))).toBe(0)
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([0, 0, 2], [1, 1, 1]))).toBe(0)
  })

  it('matches hand-computed overlaps: half-shifted cubes and a square turned by 45°', () => {
    // Shifted by half a side: intersection 0.5, union 1.5.
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([0.5, 0, 0.5], [1, 1, 1]))).toBeCloseTo(1 / 3, 9)
    // Unit square and the same square turned 45° about its centre overlap in a regular octagon of area
    // 2(√2 − 1); heights equal, so IoU = A / (2 − A).
    const octagon = 2 * (Math.SQRT2 - 1)
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([0, 0, 0.5], [1, 1, 1], 45))).toBeCloseTo(
      octagon / (2 - octagon),
      9,
    )
  })

  it('uses the height overlap: a box half as tall inside another', () => {
    expect(boxIou(box([0, 0, 0.5], [1, 1, 1]), box([0, 0, 0.25], [1, 1, 0.5]))).toBeCloseTo(0.5, 9)
  })
})

describe('kalman1d', () => {
  it('averages equal-variance estimates and shrinks the variance', () => {
    const s = kalmanUpdate(kalmanStart(0, 1), 2, 1)
    expect(s.value).toBeCloseTo(1, 12)
    expect(s.variance).toBeCloseTo(0.5, 12)
  })

  it('grows the variance by the process variance on predict and keeps the value', () => {
    const s = kalmanPredict({ value: 3, variance: 0.5 }, 0.25)
    expect(s).toEqual({ value: 3, variance: 0.75 })
  })
})
