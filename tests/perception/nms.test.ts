import { describe, expect, it } from 'vitest'
import { boxArea, boxIou, classwiseNms, intersectionArea } from '../../main/engine/perception/nms'

describe('box overlap', () => {
  it('computes areas and IoU by hand', () => {
    expect(boxArea([0, 0, 10, 5])).toBe(50)
    expect(boxArea([5, 5, 0, 0])).toBe(0)
    expect(intersectionArea([0, 0, 2, 2], [1, 1, 3, 3])).toBe(1)
    expect(boxIou([0, 0, 2, 2], [1, 1, 3, 3])).toBeCloseTo(1 / 7, 12)
    expect(boxIou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1)
    // Touching edges do not overlap.
    expect(boxIou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0)
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0)
  })
})

describe('classwiseNms', () => {
  const a = { name: 'A', box: [0, 0, 10, 10], classId: 0, score: 0.9 } as const
  // IoU(A, B) = 81 / 119 = 0.68 > 0.6 → suppressed.
  const b = { name: 'B', box: [1, 1, 11, 11], classId: 0, score: 0.8 } as const
  // IoU(A, C) = 50 / 150 = 0.33 → kept.
  const c = { name: 'C', box: [5, 0, 15, 10], classId: 0, score: 0.7 } as const
  // Same box as A but another class → kept.
  const d = { name: 'D', box: [0, 0, 10, 10], classId: 1, score: 0.6 } as const
  const e = { name: 'E', box: [20, 20, 30, 30], classId: 0, score: 0.5 } as const

  it('suppresses same-class overlaps above the threshold, best first, regardless of input order', () => {
    expect(classwiseNms([e, d, c, b, a], 0.6, 100).map((x) => x.name)).toEqual(['A', 'C', 'D', 'E'])
  })

  it('keeps a box whose IoU equals the threshold exactly (suppression needs IoU > threshold)', () => {
    // IoU(A, C) = 1/3.
    expect(classwiseNms([a, c], 1 / 3, 100).map((x) => x.name)).toEqual(['A', 'C'])
    expect(classwiseNms([a, c], 0.3, 100).map((x) => x.name)).toEqual(['A'])
  })

  it('stops at maxDetections and does not mutate its input', () => {
    const input = [e, d, c, b, a]
    expect(classwiseNms(input, 0.6, 2).map((x) => x.name)).toEqual(['A', 'C'])
    expect(input.map((x) => x.name)).toEqual(['E', 'D', 'C', 'B', 'A'])
  })
})
