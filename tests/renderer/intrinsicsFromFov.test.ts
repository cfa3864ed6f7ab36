import { describe, expect, it } from 'vitest'
import { intrinsicsFromHorizontalFov } from '../../renderer/src/sources/intrinsicsFromFov'

describe('intrinsicsFromHorizontalFov (webcam intrinsics from a field of view)', () => {
  it('puts the image edge at half the field of view from the optical axis', () => {
    const k = intrinsicsFromHorizontalFov(640, 480, 60)
    // A ray through the left edge of the leftmost pixel makes 30° with the axis.
    expect(Math.atan((k.cx + 0.5) / k.fx) * (180 / Math.PI)).toBeCloseTo(30, 10)
    expect(k.fx).toBeCloseTo(320 / Math.tan(Math.PI / 6), 10) // 554.26 px
    expect(k.fy).toBe(k.fx)
    expect([k.width, k.height, k.cx, k.cy]).toEqual([640, 480, 319.5, 239.5])
  })

  it('matches a 90° lens exactly (fx = half the width) and scales with the resolution', () => {
    expect(intrinsicsFromHorizontalFov(1280, 720, 90).fx).toBeCloseTo(640, 10)
    const small = intrinsicsFromHorizontalFov(320, 240, 70)
    const large = intrinsicsFromHorizontalFov(1280, 960, 70)
    expect(large.fx / small.fx).toBeCloseTo(4, 10)
  })

  it('refuses sizes and fields of view that make no camera', () => {
    expect(() => intrinsicsFromHorizontalFov(0, 480, 60)).toThrow(RangeError)
    expect(() => intrinsicsFromHorizontalFov(640.5, 480, 60)).toThrow(/whole pixels/)
    expect(() => intrinsicsFromHorizontalFov(640, 480, 180)).toThrow(/between 20° and 150°/)
    expect(() => intrinsicsFromHorizontalFov(640, 480, Number.NaN)).toThrow(RangeError)
  })
})
