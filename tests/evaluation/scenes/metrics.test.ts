import { describe, expect, it } from 'vitest'
import {
  compareBox,
  distanceM,
  errorStats,
  footprintOf,
  matchByCentre,
} from '../../../main/evaluation/scenes/metrics'

describe('distanceM', () => {
  it('is the Euclidean distance (3-4-12-13 triangle)', () => {
    expect(distanceM([0, 0, 0], [3, 4, 12])).toBeCloseTo(13, 12)
    expect(distanceM([1, 1, 1], [1, 1, 1])).toBe(0)
  })
})

describe('footprintOf', () => {
  it('orders the horizontal sides longer first, whatever the yaw put in width or depth', () => {
    expect(footprintOf({ width: 0.2, depth: 0.5, height: 1 })).toEqual([0.5, 0.2])
    expect(footprintOf({ width: 0.5, depth: 0.2, height: 1 })).toEqual([0.5, 0.2])
  })
})

describe('compareBox', () => {
  it('gives centre, signed side and height errors (hand-computed)', () => {
    // Centres 0.5 m apart along z; sides 0.5/0.3 vs 0.4/0.3 (+0.1, 0), height 0.9 vs 1.0 (−0.1).
    const errors = compareBox(
      { centerInCamera: [1, 2, 3], sizeM: { width: 0.3, depth: 0.5, height: 0.9 } },
      { centerInCamera: [1, 2, 3.5], footprintM: [0.4, 0.3], heightM: 1 },
    )
    expect(errors.centreErrorM).toBeCloseTo(0.5, 12)
    expect(errors.footprintErrorM[0]).toBeCloseTo(0.1, 12)
    expect(errors.footprintErrorM[1]).toBeCloseTo(0, 12)
    expect(errors.heightErrorM).toBeCloseTo(-0.1, 12)
    expect(errors.sizeErrorM).toBeCloseTo(0.2 / 3, 12)
    expect(errors.heightErrorRel).toBeCloseTo(0.1, 12)
  })
})

describe('matchByCentre', () => {
  it('pairs each truth with its nearest box and leaves far ones unmatched', () => {
    const measured: [number, number, number][] = [
      [0, 0, 0],
      [1, 0, 0],
      [5, 0, 0],
    ]
    const truth: [number, number, number][] = [
      [0.9, 0, 0],
      [0.05, 0, 0],
      [3, 0, 0],
    ]
    expect(matchByCentre(measured, truth, 0.5)).toEqual([1, 0, null])
  })

  it('gives a contested box to the closer truth only (one to one)', () => {
    expect(
      matchByCentre(
        [[0, 0, 0]],
        [
          [0.1, 0, 0],
          [0.05, 0, 0],
        ],
        1,
      ),
    ).toEqual([null, 0])
  })

  it('matches nothing when there are no boxes', () => {
    expect(matchByCentre([], [[0, 0, 0]], 1)).toEqual([null])
  })
})

describe('errorStats', () => {
  it('mean, median (middle two averaged) and max', () => {
    expect(errorStats([3, 1, 2, 10])).toEqual({ count: 4, mean: 4, median: 2.5, max: 10 })
    expect(errorStats([5, 1, 3])).toEqual({ count: 3, mean: 3, median: 3, max: 5 })
  })

  it('is null for no values', () => {
    expect(errorStats([])).toBeNull()
  })
})
