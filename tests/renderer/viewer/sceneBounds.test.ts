import { describe, expect, it } from 'vitest'
import { boxesBounds } from '../../../renderer/src/viewer/sceneBounds'

describe('boxesBounds', () => {
  it('bounds yawed boxes by their corners (hand-computed)', () => {
    const bounds = boxesBounds([
      { centerInWorld: [0, 0, 0.5], sizeM: { width: 2, depth: 1, height: 1 }, yawRad: 0 },
      // A 1 × 1 box turned 45°: its corners reach √2/2 from its centre along x and y.
      {
        centerInWorld: [3, 1, 0.25],
        sizeM: { width: 1, depth: 1, height: 0.5 },
        yawRad: Math.PI / 4,
      },
    ])!
    const r = Math.SQRT2 / 2
    const expected = { min: [-1, -0.5, 0], max: [3 + r, 1 + r, 1] }
    bounds.min.forEach((v, i) => expect(v).toBeCloseTo(expected.min[i], 12))
    bounds.max.forEach((v, i) => expect(v).toBeCloseTo(expected.max[i], 12))
    expect(bounds.min[1]).toBeCloseTo(-0.5, 12) // the second box's 1 − √2/2 ≈ 0.29 is not the minimum
  })

  it('is null without boxes', () => {
    expect(boxesBounds([])).toBeNull()
  })
})
