import { describe, expect, it } from 'vitest'
import { emptyTimeSplitSums, liveTimeSplit } from '../../main/live/timeSplit'

describe('liveTimeSplit', () => {
  it('splits scene stages into lifting and objects and averages per frame (hand-computed)', () => {
    const sums = {
      ...emptyTimeSplitSums(),
      frames: 4,
      analyses: 2,
      decodeMs: 40,
      detectionMs: 50,
      geometryMs: 130,
      trackingMs: 8,
      watchMs: 2,
      detectionAgeFrames: 3,
    }
    const split = liveTimeSplit(sums, { noise: 10, plane: 20, segment: 10, cluster: 60, boxes: 20 })
    expect(split).toEqual({
      decode: 10,
      detection: 25,
      lifting: 20, // (10 + 20 + 10) / 2
      objects: 40, // (60 + 20) / 2
      otherGeometry: 5, // (130 − 40 − 80) / 2
      tracking: 2,
      watch: 0.5,
      detectionAgeFrames: 1.5,
    })
  })

  it('gives zeros, not NaN, before any frame', () => {
    const split = liveTimeSplit(emptyTimeSplitSums(), {})
    expect(Object.values(split).every((x) => x === 0)).toBe(true)
  })
})
