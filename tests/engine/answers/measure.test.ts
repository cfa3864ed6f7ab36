import { describe, expect, it } from 'vitest'
import { measureBetween } from '../../../main/engine/answers'
import type { Scene, SceneObject, Vec3 } from '../../../main/engine/types'
import { sceneWithBoxes } from './sceneFromGroundTruth'

// Hand-made boxes with distances worked out on paper (world frame, z up, metres).
const scene = sceneWithBoxes([
  { name: 'left box', c: [0, 1, 0.1], s: [0.2, 0.2, 0.2] },
  { name: 'right box', c: [0.5, 1, 0.1], s: [0.2, 0.2, 0.2] },
  { name: 'turned box', c: [0, 2, 0.05], s: [0.4, 0.2, 0.1], yawDeg: 90 },
])
const object = (s: Scene, name: string): SceneObject => s.objects.find((o) => o.name === name)!

describe('measureBetween (click-to-measure)', () => {
  it('two objects: the closest-surface gap, drawn between the facing sides, and the centre distance', () => {
    const m = measureBetween(
      scene,
      { object: object(scene, 'left box') },
      { object: object(scene, 'right box') },
    )
    expect(m.kind).toBe('objects')
    expect(m.valueM).toBeCloseTo(0.3, 9) // 0.5 between centres − 2 × 0.1 half-widths
    expect(m.centerDistanceM).toBeCloseTo(0.5, 9)
    expect(m.fromInWorld[0]).toBeCloseTo(0.1, 9)
    expect(m.toInWorld[0]).toBeCloseTo(0.4, 9)
    expect(m.label).toBe('30 cm gap')
    expect(m.text).toMatch(/gap between the left box and the right box is 30 cm/)
    expect(m.text).toMatch(/centres are 50 cm apart/)
    expect(m.objects.map((o) => o.name)).toEqual(['left box', 'right box'])
  })

  it('two objects that overlap: no gap, still the centre distance', () => {
    const s = sceneWithBoxes([
      { name: 'a', c: [0, 1, 0.1], s: [0.2, 0.2, 0.2] },
      { name: 'b', c: [0.15, 1, 0.1], s: [0.2, 0.2, 0.2] },
    ])
    const m = measureBetween(s, { object: object(s, 'a') }, { object: object(s, 'b') })
    expect(m.valueM).toBe(0)
    expect(m.label).toBe('touching')
    expect(m.centerDistanceM).toBeCloseTo(0.15, 9)
  })

  it('two points: the straight line between them', () => {
    const m = measureBetween(scene, { pointInWorld: [0, 0, 0] }, { pointInWorld: [0.3, 0.4, 1.2] })
    expect(m.kind).toBe('points')
    expect(m.valueM).toBeCloseTo(1.3, 12)
    expect(m.centerDistanceM).toBeNull()
    expect(m.objects).toEqual([])
    expect(m.label).toBe('1.3 m')
  })

  it('a point and a yawed box: the exact distance to the nearest face, in either order', () => {
    // The turned box is 0.4 long along world y (yaw 90°), 0.2 along x, 0.1 tall, centred at (0, 2, 0.05).
    const point: Vec3 = [0.4, 2.1, 0.05] // 0.3 beyond its x face (x = 0.1), inside its y span
    const turned = { object: object(scene, 'turned box') }
    const m = measureBetween(scene, { pointInWorld: point }, turned)
    expect(m.kind).toBe('point-object')
    expect(m.valueM).toBeCloseTo(0.3, 9)
    expect(m.centerDistanceM).toBeCloseTo(Math.hypot(0.4, 0.1), 9)
    expect(m.fromInWorld).toEqual(point)
    expect(m.toInWorld[0]).toBeCloseTo(0.1, 9)
    const reversed = measureBetween(scene, turned, { pointInWorld: point })
    expect(reversed.valueM).toBeCloseTo(0.3, 9)
    expect(reversed.toInWorld).toEqual(point)
    // Above the box: only the height counts.
    const above = measureBetween(scene, { pointInWorld: [0, 2.15, 0.35] }, turned)
    expect(above.valueM).toBeCloseTo(0.25, 9)
  })

  it('a point inside an object box is at distance 0', () => {
    const m = measureBetween(
      scene,
      { pointInWorld: [0.02, 1.01, 0.05] },
      { object: object(scene, 'left box') },
    )
    expect(m.valueM).toBe(0)
    expect(m.text).toMatch(/inside the left box's box/)
  })
})
