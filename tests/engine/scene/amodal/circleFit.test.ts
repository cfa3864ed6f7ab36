import { describe, expect, it } from 'vitest'
import { angularSpan, fitCircle } from '../../../../main/engine/scene/amodal/circleFit'

/** Points on the circle (cx, cy, r) from angle a0 to a1 (degrees), interleaved x, y. */
function arc(cx: number, cy: number, r: number, a0: number, a1: number, count: number): number[] {
  const out: number[] = []
  for (let k = 0; k < count; k++) {
    const a = ((a0 + ((a1 - a0) * k) / (count - 1)) * Math.PI) / 180
    out.push(cx + r * Math.cos(a), cy + r * Math.sin(a))
  }
  return out
}

describe('fitCircle', () => {
  it('recovers an exact 140° arc (centre, radius, span, facing)', () => {
    const fit = fitCircle(Float64Array.from(arc(0.1, 0.2, 0.05, -60, 80, 200)), 0.003)!
    expect(fit.centerX).toBeCloseTo(0.1, 9)
    expect(fit.centerY).toBeCloseTo(0.2, 9)
    expect(fit.radiusM).toBeCloseTo(0.05, 9)
    expect(fit.inlierFraction).toBe(1)
    expect((fit.arcSpanRad * 180) / Math.PI).toBeCloseTo(140, 6)
    // Mean direction of the arc: its middle, at 10°.
    expect((Math.atan2(fit.arcDirection[1], fit.arcDirection[0]) * 180) / Math.PI).toBeCloseTo(
      10,
      6,
    )
  })

  it('ignores a handle: 20 % of the points off the circle move the radius by under 1 mm', () => {
    const wall = arc(0, 0, 0.045, -160, -20, 300)
    // A mug handle at the right end of the visible arc: a loop of 1.2 cm radius just outside the wall.
    const a = (-30 * Math.PI) / 180
    const handle = arc(0.058 * Math.cos(a), 0.058 * Math.sin(a), 0.012, 0, 360, 75)
    const fit = fitCircle(Float64Array.from([...wall, ...handle]), 0.003)!
    expect(Math.abs(fit.radiusM - 0.045)).toBeLessThan(0.001)
    expect(Math.hypot(fit.centerX, fit.centerY)).toBeLessThan(0.001)
    expect(fit.inlierFraction).toBeGreaterThan(0.78)
  })

  it('returns null for collinear points and for fewer than 5', () => {
    const line = Float64Array.from(Array.from({ length: 40 }, (_, k) => [k * 0.01, 0.5]).flat())
    expect(fitCircle(line, 0.003)).toBeNull()
    expect(fitCircle(Float64Array.from(arc(0, 0, 1, 0, 90, 4)), 0.003)).toBeNull()
  })

  it('angularSpan: 2π less the largest gap, across the ±π seam', () => {
    expect(angularSpan([3, -3])).toBeCloseTo(2 * Math.PI - 6, 12)
    expect(angularSpan([0, 1, 2])).toBeCloseTo(2, 12)
    expect(angularSpan([0])).toBe(0)
  })
})
