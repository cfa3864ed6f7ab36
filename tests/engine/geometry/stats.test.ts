import { describe, expect, it } from 'vitest'
import { median, quantile, quantileSorted } from '../../../main/engine/geometry/stats'
import { mugCloudPoints, mugGolden } from '../../helpers/goldenCloud'

// Golden values: numpy.quantile (linear interpolation) of real depths (make_golden.py).

describe('quantile', () => {
  it('equals numpy.quantile on 1001 real depths', () => {
    const points = mugCloudPoints()
    const z = Float64Array.from({ length: 1001 }, (_, i) => points[i * 3 + 2])
    const golden = mugGolden.quantiles
    golden.q.forEach((q: number, k: number) =>
      expect(quantile(z, q)).toBeCloseTo(golden.values[k], 12),
    )
  })

  it('interpolates between neighbours and is NaN when empty (hand-computed)', () => {
    expect(quantileSorted([1, 2, 4], 0.75)).toBe(3)
    expect(median([5, 1, 3, 2])).toBe(2.5)
    expect(quantile([], 0.5)).toBeNaN()
  })
})
