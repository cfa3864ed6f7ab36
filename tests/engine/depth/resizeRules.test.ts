import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  constrainToMultipleOf,
  halfPixelTransform,
  keepAspectMultipleSize,
  metric3dLayout,
  roundHalfEven,
} from '../../../main/engine/depth/resizeRules'

interface GoldenRow {
  width: number
  height: number
  lowerBound: [number, number]
  minimal: [number, number]
  metric3d: Record<string, number>
}

// Made by tests/engine/depth/reference/resize_rules.py (numpy, from the reference repositories' rules).
const golden: GoldenRow[] = JSON.parse(
  readFileSync(join(__dirname, 'reference', 'resize_rules.json'), 'utf8'),
)

describe('Depth Anything V2 input size (keep aspect, multiple of 14, 518)', () => {
  it('640×480 → 686×518: scale 518/480 = 1.0792 fits the height, 690.67 px wide rounds to 49·14', () => {
    for (const method of ['lower_bound', 'minimal'] as const) {
      expect(keepAspectMultipleSize(640, 480, { target: 518, multiple: 14, method })).toEqual({
        width: 686,
        height: 518,
      })
    }
  })

  it('320×240: lower_bound keeps both sides ≥ 518 (686×518); minimal scales least (518×392)', () => {
    // minimal: |1 − 518/320| = 0.62 < |1 − 518/240| = 1.16 → fit width; 240·1.619 = 388.5 → 28·14.
    expect(
      keepAspectMultipleSize(320, 240, { target: 518, multiple: 14, method: 'lower_bound' }),
    ).toEqual({ width: 686, height: 518 })
    expect(
      keepAspectMultipleSize(320, 240, { target: 518, multiple: 14, method: 'minimal' }),
    ).toEqual({ width: 518, height: 392 })
  })

  it('rounds halves to even like numpy (539 px → 38.5·14 → 532, not 546)', () => {
    expect(roundHalfEven(38.5)).toBe(38)
    expect(roundHalfEven(37.5)).toBe(38)
    expect(roundHalfEven(36.5)).toBe(36)
    expect(roundHalfEven(36.51)).toBe(37)
    expect(constrainToMultipleOf(539, 14, 518)).toBe(532)
    expect(constrainToMultipleOf(511, 14, 518)).toBe(518) // 36.5 → 36 → 504 < 518 → ceil → 518
    expect(constrainToMultipleOf(511, 14)).toBe(504)
  })

  it.each(golden)('matches the numpy reference for $width×$height', (row) => {
    const lower = keepAspectMultipleSize(row.width, row.height, {
      target: 518,
      multiple: 14,
      method: 'lower_bound',
    })
    const minimal = keepAspectMultipleSize(row.width, row.height, {
      target: 518,
      multiple: 14,
      method: 'minimal',
    })
    expect([lower.width, lower.height]).toEqual(row.lowerBound)
    expect([minimal.width, minimal.height]).toEqual(row.minimal)
  })
})

describe('Metric3D v2 layout (keep ratio into 1064×616, centred padding)', () => {
  it('640×480 → scale 616/480, 821×616, 243 px of padding split 121 left / 122 right', () => {
    const layout = metric3dLayout(640, 480, 1064, 616)
    expect(layout.scale).toBeCloseTo(1.283333333, 9)
    expect(layout).toMatchObject({
      resizedWidth: 821,
      resizedHeight: 616,
      padLeft: 121,
      padRight: 122,
      padTop: 0,
      padBottom: 0,
    })
  })

  it.each(golden)('matches the numpy reference for $width×$height', (row) => {
    const layout = metric3dLayout(row.width, row.height, 1064, 616)
    expect(layout).toMatchObject({ ...row.metric3d, inputWidth: 1064, inputHeight: 616 })
  })
})

describe('halfPixelTransform', () => {
  it('maps model pixel centres back the way cv2.resize samples them', () => {
    // 640 → 686: original = (model + 0.5)·640/686 − 0.5; plus a 121 px left pad for Metric3D.
    const t = halfPixelTransform(640, 480, 686, 518, {
      left: 0,
      top: 0,
      inputWidth: 686,
      inputHeight: 518,
    })
    for (const model of [0, 10, 685]) {
      expect((model - t.padX) / t.scaleX).toBeCloseTo(((model + 0.5) * 640) / 686 - 0.5, 10)
    }
    const padded = halfPixelTransform(640, 480, 821, 616, {
      left: 121,
      top: 0,
      inputWidth: 1064,
      inputHeight: 616,
    })
    expect((121 - padded.padX) / padded.scaleX).toBeCloseTo((0.5 * 640) / 821 - 0.5, 10)
  })

  it('rejects sizes that are not positive integers', () => {
    expect(() =>
      keepAspectMultipleSize(0, 480, { target: 518, multiple: 14, method: 'minimal' }),
    ).toThrow(RangeError)
    expect(() => metric3dLayout(640, 480.5, 1064, 616)).toThrow(RangeError)
  })
})
