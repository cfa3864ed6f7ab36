import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  canny,
  hysteresis,
  nonMaximumSuppression,
  rgbToGray,
  sobel,
} from '../../../main/engine/maps/canny'
import { gaussianBlur, gaussianKernel, reflect101 } from '../../../main/engine/maps/gaussianBlur'

interface ReferenceCase {
  name: string
  width: number
  height: number
  low: number
  high: number
  gray: number[]
  blurred: number[]
  edges: number[]
  edgesOfBlurred: number[]
}
// Made by tests/fixtures/maps/make_canny_reference.py with OpenCV 4.6 (python3-opencv).
const reference = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/maps/canny_reference.json'), 'utf8'),
) as { opencv: string; cases: ReferenceCase[] }

describe('Gaussian blur', () => {
  it('kernel: σ = 1 → 7 taps exp(−x²/2) / 2.505948 (centre 0.39905, as cv2.getGaussianKernel(7, 1))', () => {
    const k = gaussianKernel(1)
    expect(k.length).toBe(7)
    expect(k[3]).toBeCloseTo(0.39905028, 7)
    expect(k[0]).toBeCloseTo(0.00443305, 7)
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('reflects borders as BORDER_REFLECT_101', () => {
    expect([-2, -1, 0, 4, 5, 6].map((i) => reflect101(i, 5))).toEqual([2, 1, 0, 4, 3, 2])
  })

  it('keeps a flat image flat and matches OpenCV GaussianBlur within 1 grey level', () => {
    expect(gaussianBlur(new Uint8Array(12).fill(77), 4, 3, 1.4).every((v) => v === 77)).toBe(true)
    for (const c of reference.cases) {
      const ours = gaussianBlur(Uint8Array.from(c.gray), c.width, c.height, 1.4)
      const worst = ours.reduce((m, v, i) => Math.max(m, Math.abs(v - c.blurred[i])), 0)
      expect(worst, c.name).toBeLessThanOrEqual(1)
    }
  })
})

describe('Canny steps on hand-computed images', () => {
  // 5 × 5, columns 0–1 = 0, 2–4 = 100: Sobel gx = 0, 400, 400, 0, 0 on every row (replicated borders), gy = 0.
  const step = new Uint8Array(25).map((_, i) => (i % 5 >= 2 ? 100 : 0))

  it('Sobel', () => {
    const { gx, gy } = sobel(step, 5, 5)
    expect(Array.from(gx.slice(10, 15))).toEqual([0, 400, 400, 0, 0])
    expect(gy.every((v) => v === 0)).toBe(true)
  })

  it('non-maximum suppression keeps the first of two equal maxima (> behind, ≥ ahead), as OpenCV', () => {
    const { gx, gy } = sobel(step, 5, 5)
    const state = nonMaximumSuppression(gx, gy, 5, 5, 100, 200)
    expect(Array.from(state.slice(10, 15))).toEqual([0, 2, 0, 0, 0])
  })

  it('hysteresis: weak pixels join only when 8-connected to a strong one', () => {
    expect(Array.from(hysteresis(Uint8Array.from([2, 1, 1, 0, 1]), 5, 1))).toEqual([
      255, 255, 255, 0, 0,
    ])
    // Diagonal neighbours count.
    expect(Array.from(hysteresis(Uint8Array.from([2, 0, 0, 1]), 2, 2))).toEqual([255, 0, 0, 255])
  })

  it('canny: one vertical edge line on the step', () => {
    const edges = canny(step, 5, 5, { low: 100, high: 200, sigma: 0 })
    for (let y = 0; y < 5; y++)
      expect(Array.from(edges.slice(y * 5, y * 5 + 5))).toEqual([0, 255, 0, 0, 0])
  })

  it('rgbToGray is OpenCV COLOR_RGB2GRAY (fixed point)', () => {
    // (4899·255 + 8192) >> 14 = 76; (9617·255 + 8192) >> 14 = 150; (1868·255 + 8192) >> 14 = 29.
    expect(Array.from(rgbToGray(Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]), 3, 1))).toEqual(
      [76, 150, 29],
    )
  })

  it('rejects bad thresholds and sizes', () => {
    expect(() => canny(step, 5, 5, { low: 50, high: 10 })).toThrow(/low ≤ high/)
    expect(() => canny(step, 4, 5, { low: 1, high: 2 })).toThrow(/bytes/)
  })
})

describe(`Canny against OpenCV ${reference.opencv} (committed reference)`, () => {
  for (const c of reference.cases) {
    it(`${c.name}: same edges as cv2.Canny on the same 8-bit input`, () => {
      const edges = canny(Uint8Array.from(c.gray), c.width, c.height, {
        low: c.low,
        high: c.high,
        sigma: 0,
      })
      expect(Array.from(edges)).toEqual(c.edges)
      const ofBlurred = canny(Uint8Array.from(c.blurred), c.width, c.height, {
        low: c.low,
        high: c.high,
        sigma: 0,
      })
      expect(Array.from(ofBlurred)).toEqual(c.edgesOfBlurred)
      expect(c.edges.some((v) => v > 0)).toBe(true)
    })
  }
})
