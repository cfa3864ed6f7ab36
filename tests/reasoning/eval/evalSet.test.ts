import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildEvalSet } from '../../../main/reasoning/eval/buildEvalSet.js'
import { loadEvalScenes } from '../../../main/reasoning/eval/evalScenes.js'
import { footprintGap } from '../../../main/reasoning/eval/evalGeometry.js'
import { EVAL_KINDS, type EvalItem } from '../../../main/reasoning/eval/evalTypes.js'

const root = process.cwd()
const setPath = join(root, 'main/reasoning/eval/evalSet.json')
const fixtures = join(root, 'tests/fixtures')
const built = buildEvalSet(loadEvalScenes(fixtures))
const byId = (id: string) => built.find((i) => i.id === id) as EvalItem

describe('evaluation set', () => {
  it('is exactly what buildEvalSet computes from the ground truth (UPDATE_EVAL_SET=1 rewrites it)', () => {
    const text = JSON.stringify(built, null, 2) + '\n'
    if (process.env.UPDATE_EVAL_SET === '1') writeFileSync(setPath, text)
    expect(JSON.parse(readFileSync(setPath, 'utf8'))).toEqual(built)
  })

  it('has ≥ 30 questions, unique ids, every kind, valid scenes and positive values', () => {
    expect(built.length).toBeGreaterThanOrEqual(30)
    expect(new Set(built.map((i) => i.id)).size).toBe(built.length)
    expect(new Set(built.map((i) => `${i.scene} ${i.question}`)).size).toBe(built.length)
    for (const kind of EVAL_KINDS)
      expect(built.filter((i) => i.kind === kind).length).toBeGreaterThanOrEqual(2)
    for (const item of built) {
      expect(item.scene).toMatch(/^(synthetic-640x480|sunrgbd-00000[1-4])$/)
      expect(item.expected.value).toBeGreaterThan(0)
      if (item.expected.unit === 'count') expect(Number.isInteger(item.expected.value)).toBe(true)
    }
    expect(built.filter((i) => i.scene.startsWith('sunrgbd')).length).toBeGreaterThanOrEqual(10)
  })

  it('agrees with values worked by hand from the tabletop GT', () => {
    // GT pairwise table: mug|box_small 0.22561, bottle|can 0.388748.
    expect(byId('synthetic-640x480-14').expected).toEqual({
      value: 0.2256,
      unit: 'm',
      label: 'small box',
    })
    expect(byId('synthetic-640x480-15').expected).toEqual({
      value: 0.3887,
      unit: 'm',
      label: 'bottle',
    })
    // Laptop 0.30 m long; can 0.066 m wide: floor(4.55) = 4.
    expect(byId('synthetic-640x480-11').expected.value).toBe(4)
    // Laptop 0.04 + small box 0.10 + mug 0.10.
    expect(byId('synthetic-640x480-24').expected.value).toBeCloseTo(0.24, 10)
    // Mug (-0.08, 0.95) and bottle (0.05, 1.30): 0.37336 apart; minus 0.10 moved, minus radii 0.045 + 0.035.
    expect(byId('synthetic-640x480-05').expected.value).toBeCloseTo(
      Math.hypot(0.13, 0.35) - 0.1 - 0.08,
      4,
    )
    // Same pair: 0.35 m clear needs 0.35 − (0.37336 − 0.08) more.
    expect(byId('synthetic-640x480-09').expected.value).toBeCloseTo(
      0.35 - (Math.hypot(0.13, 0.35) - 0.08),
      4,
    )
    // Mug moved 0.20 m toward the laptop along the horizontal line; heights differ by 0.03 m.
    const horizontal = Math.hypot(-0.25 + 0.08, 1.42 - 0.95) - 0.2
    expect(byId('synthetic-640x480-01').expected.value).toBeCloseTo(Math.hypot(horizontal, 0.03), 4)
    // Bottle 0.25 m tall, laptop 0.04 m.
    expect(byId('synthetic-640x480-27').expected.value).toBe(6.25)
  })

  it('agrees with values worked by hand from the SUN RGB-D boxes', () => {
    // Frame 000002: night stand 0.787948 + bed 1.586666 tall.
    expect(byId('sunrgbd-000002-01').expected.value).toBeCloseTo(0.787948 + 1.586666, 4)
    // Frame 000001: bed 2.30207 long, night stand 0.585172 narrow: floor(3.93) = 3.
    expect(byId('sunrgbd-000001-04').expected.value).toBe(3)
  })

  it('measures footprint gaps of discs and rotated rectangles', () => {
    const square = (cx: number, yaw: number) => {
      const c = Math.cos(yaw)
      const s = Math.sin(yaw)
      const corners = [
        [0.5, 0.5],
        [-0.5, 0.5],
        [-0.5, -0.5],
        [0.5, -0.5],
      ].map(([u, v]): [number, number] => [cx + c * u - s * v, s * u + c * v])
      return { kind: 'polygon' as const, corners }
    }
    expect(footprintGap(square(0, 0), square(3, 0))).toBeCloseTo(2, 12)
    expect(footprintGap(square(0, 0), square(3, Math.PI / 4))).toBeCloseTo(2.5 - Math.SQRT1_2, 12)
    expect(footprintGap(square(0, 0), square(0.9, 0.3))).toBe(0)
    expect(footprintGap({ kind: 'circle', centre: [2, 0], radius: 0.5 }, square(0, 0))).toBeCloseTo(
      1,
      12,
    )
    expect(
      footprintGap(
        { kind: 'circle', centre: [0, 0], radius: 1 },
        { kind: 'circle', centre: [0, 3], radius: 0.5 },
      ),
    ).toBeCloseTo(1.5, 12)
  })
})
