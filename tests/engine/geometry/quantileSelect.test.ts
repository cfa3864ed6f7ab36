import { describe, expect, it } from 'vitest'
import { quantileInPlace } from '../../../main/engine/geometry/quantileSelect'

/** Reference: sort a copy and interpolate between the order statistics around q·(n−1). */
function sortedQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const position = q * (sorted.length - 1)
  const lower = Math.floor(position)
  const upper = Math.min(sorted.length - 1, lower + 1)
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower)
}

/** Deterministic pseudo-random values (a linear congruential generator), with repeats. */
function values(n: number, seed: number): number[] {
  let state = seed
  return Array.from({ length: n }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return Math.floor(state / 2 ** 20) / 64
  })
}

describe('quantileInPlace', () => {
  it('gives the hand-computed median of odd and even counts', () => {
    expect(quantileInPlace(Float64Array.from([5, 1, 3]), 0.5)).toBe(3)
    expect(quantileInPlace(Float64Array.from([4, 1, 3, 2]), 0.5)).toBe(2.5)
    expect(quantileInPlace(Float64Array.from([10, 0]), 0.75)).toBe(7.5)
    expect(quantileInPlace(Float64Array.from([7]), 0.5)).toBe(7)
  })

  it('is NaN for an empty array', () => {
    expect(quantileInPlace(new Float64Array(0), 0.5)).toBeNaN()
  })

  it('equals the sorted quantile on random data with ties, for both array types', () => {
    for (const n of [2, 3, 10, 101, 1000, 4096]) {
      for (const q of [0, 0.005, 0.25, 0.5, 0.75, 0.995, 1]) {
        const data = values(n, n * 31 + Math.round(q * 1000))
        const expected = sortedQuantile(data, q)
        expect(quantileInPlace(Float64Array.from(data), q)).toBeCloseTo(expected, 12)
        expect(quantileInPlace(Float32Array.from(data), q)).toBeCloseTo(expected, 4)
      }
    }
  })

  it('handles sorted, reversed and constant inputs (quickselect worst cases)', () => {
    const ascending = Array.from({ length: 999 }, (_, i) => i)
    expect(quantileInPlace(Float64Array.from(ascending), 0.5)).toBe(499)
    expect(quantileInPlace(Float64Array.from(ascending.reverse()), 0.5)).toBe(499)
    expect(quantileInPlace(new Float64Array(500).fill(2), 0.3)).toBe(2)
  })
})
