import { describe, expect, it } from 'vitest'
import { wrapYaw } from '../../../main/engine/geometry/yaw'

describe('wrapYaw (hand-computed)', () => {
  it('wraps into (−π/2, π/2]: a box turned by π is the same box', () => {
    const cases: [number, number][] = [
      [0, 0],
      [Math.PI / 2, Math.PI / 2],
      [-Math.PI / 2, Math.PI / 2],
      [Math.PI, 0],
      [(3 * Math.PI) / 4, -Math.PI / 4],
      [(-3 * Math.PI) / 4, Math.PI / 4],
      [0.3 + 4 * Math.PI, 0.3],
    ]
    for (const [input, expected] of cases) expect(wrapYaw(input)).toBeCloseTo(expected, 12)
  })
})
