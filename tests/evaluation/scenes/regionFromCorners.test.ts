import { describe, expect, it } from 'vitest'
import { regionBoxFromCorners } from '../../../main/evaluation/scenes/regionFromCorners'

const K = { fx: 100, fy: 100, cx: 50, cy: 40 }
const cube = (x: [number, number], y: [number, number], z: [number, number]) =>
  x.flatMap((a) => y.flatMap((b) => z.map((c): [number, number, number] => [a, b, c])))

describe('regionBoxFromCorners', () => {
  it('is the bounding rectangle of the projected corners (hand-computed)', () => {
    // u = 100·x/z + 50: x = ±0.1 at z = 1 gives 40…60 (z = 2 gives 45…55, inside); v = 100·y/z + 40: 30…50.
    expect(regionBoxFromCorners(cube([-0.1, 0.1], [-0.1, 0.1], [1, 2]), K, 100, 80)).toEqual([
      40, 30, 60, 50,
    ])
  })

  it('clips to the image and clamps corners behind the camera to 0.1 m', () => {
    // x = −1 at z = 1: u = −50 → 0; x = 0.1 at z = −1 (clamped to 0.1): u = 150 → 100; v = 100·0.5/0.1 + 40 → 80.
    expect(regionBoxFromCorners(cube([-1, 0.1], [0, 0.5], [-1, 1]), K, 100, 80)).toEqual([
      0, 40, 100, 80,
    ])
  })

  it('refuses a box without corners', () => {
    expect(() => regionBoxFromCorners([], K, 100, 80)).toThrow(/needs corners/)
  })
})
