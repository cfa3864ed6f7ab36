import { describe, expect, it } from 'vitest'
import {
  applyCalibration,
  depthAnythingToOriginal,
  metric3dToMetres,
  predictionPlane,
  sanitizeDepth,
  toMetricDepth,
} from '../../../main/engine/depth/postprocess'
import { metric3dLayout } from '../../../main/engine/depth/resizeRules'
import type { DepthCalibration } from '../../../main/engine/depth/types'

const calibration = (
  space: DepthCalibration['space'],
  scale: number,
  shift: number,
): DepthCalibration => ({
  space,
  scale,
  shift,
  method: 'rgbd-frame',
  residualRmsM: 0.01,
  residualRel: 0.01,
  pointCount: 100,
  inlierCount: 100,
})

describe('predictionPlane', () => {
  it('accepts [H, W], [1, H, W] and [1, 1, H, W]; rejects batches and wrong sizes', () => {
    const data = new Float32Array(6)
    expect(predictionPlane({ data, dims: [2, 3] })).toMatchObject({ width: 3, height: 2 })
    expect(predictionPlane({ data, dims: [1, 2, 3] })).toMatchObject({ width: 3, height: 2 })
    expect(predictionPlane({ data, dims: [1, 1, 2, 3] })).toMatchObject({ width: 3, height: 2 })
    expect(() => predictionPlane({ data, dims: [2, 1, 3] })).toThrow(/one H×W map/)
    expect(() => predictionPlane({ data, dims: [1, 2, 4] })).toThrow(RangeError)
  })
})

describe('sanitizeDepth', () => {
  it('turns NaN, ±∞ and non-positive values into 0 and counts the rest', () => {
    const data = Float32Array.of(1.5, Number.NaN, Infinity, -Infinity, -2, 0, 3)
    expect(sanitizeDepth(data)).toBe(2)
    expect(Array.from(data)).toEqual([1.5, 0, 0, 0, 0, 0, 3])
  })
})

describe('depthAnythingToOriginal', () => {
  it('bilinear with aligned corners: a 686 px ramp 0…685 lands on 0…685 at u·685/639', () => {
    const width = 686
    const height = 518
    const data = new Float32Array(width * height)
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = x
    const out = depthAnythingToOriginal({ data, dims: [1, height, width] }, 640, 480)
    expect(out.width).toBe(640)
    expect(out.data[0]).toBe(0) // value 0 is "invalid" and stays 0
    expect(out.data[639]).toBeCloseTo(685, 3)
    expect(out.data[479 * 640 + 320]).toBeCloseTo((320 * 685) / 639, 3)
  })

  it('non-finite predictions become invalid (0)', () => {
    const out = depthAnythingToOriginal(
      { data: Float32Array.of(Number.NaN, 2, 2, 2), dims: [1, 2, 2] },
      2,
      2,
    )
    expect(Array.from(out.data)).toEqual([0, 2, 2, 2])
  })
})

describe('metric3dToMetres', () => {
  const layout = metric3dLayout(640, 480, 1064, 616)
  const fx = 518.8579 // NYU v2 (Metric3D demo data)

  function paddedPrediction(inside: number, padding: number): Float32Array {
    const data = new Float32Array(616 * 1064).fill(padding)
    for (let y = 0; y < 616; y++) data.fill(inside, y * 1064 + 121, y * 1064 + 1064 - 122)
    return data
  }

  it('unpads, resizes and de-canonicalises: depth = canonical · fx · scale / 1000', () => {
    // 2 m canonical · 518.8579 · (616/480) / 1000 = 1.33173 m; the 1000 m padding must not leak in.
    const out = metric3dToMetres(
      { data: paddedPrediction(2, 1000), dims: [1, 1, 616, 1064] },
      layout,
      640,
      480,
      fx,
    )
    const expected = (2 * fx * (616 / 480)) / 1000
    for (const i of [0, 639, 320 + 240 * 640, 640 * 480 - 1])
      expect(out.data[i]).toBeCloseTo(expected, 5)
  })

  it('clamps to 300 m like the reference and maps NaN to invalid', () => {
    const data = paddedPrediction(1e6, 0)
    data[300 * 1064 + 500] = Number.NaN
    const out = metric3dToMetres({ data, dims: [1, 1, 616, 1064] }, layout, 640, 480, fx)
    expect(out.data[0]).toBe(300)
    expect(out.data.some((v) => v === 0)).toBe(true)
  })

  it('handles a prediction at another resolution than the input (padding scaled to it)', () => {
    const data = new Float32Array(308 * 532).fill(1000)
    for (let y = 0; y < 308; y++) data.fill(2, y * 532 + 61, y * 532 + 532 - 61)
    const out = metric3dToMetres({ data, dims: [1, 1, 308, 532] }, layout, 640, 480, fx)
    expect(out.data[0]).toBeCloseTo((2 * fx * (616 / 480)) / 1000, 5)
  })

  it('needs a positive fx', () => {
    expect(() =>
      metric3dToMetres(
        { data: paddedPrediction(2, 0), dims: [1, 1, 616, 1064] },
        layout,
        640,
        480,
        0,
      ),
    ).toThrow(/fx/)
  })
})

describe('relative inverse depth → metres', () => {
  const model = { width: 4, height: 1, data: Float32Array.of(4, 0, 1, -2) }

  it('z = 1 / (scale·d + shift): d = 4, s = 0.5, t = 0.5 → 0.4 m; d = 1 → 1 m', () => {
    const out = applyCalibration(model, calibration('inverse-depth', 0.5, 0.5))
    expect(out.data[0]).toBeCloseTo(0.4, 6)
    expect(out.data[2]).toBeCloseTo(1, 6)
    expect(out.data[1]).toBe(0) // invalid model value stays invalid
    expect(out.data[3]).toBe(0)
  })

  it('a map that sends a pixel behind the camera makes it invalid', () => {
    const out = applyCalibration(model, calibration('inverse-depth', 0.5, -1))
    expect(out.data[0]).toBeCloseTo(1, 6) // 1/(2 − 1)
    expect(out.data[2]).toBe(0) // 1/(0.5 − 1) < 0
  })

  it('metric models: z = s·m + t; no calibration → a sanitised copy', () => {
    const metric = { width: 3, height: 1, data: Float32Array.of(2, Number.NaN, 1) }
    expect(
      Array.from(toMetricDepth(metric, 'metric', calibration('depth', 1.1, -0.1)).data),
    ).toEqual([Math.fround(2.1), 0, Math.fround(1.0)])
    const copy = toMetricDepth(metric, 'metric')
    expect(Array.from(copy.data)).toEqual([2, 0, 1])
    expect(copy.data).not.toBe(metric.data)
  })

  it('refuses relative depth without a calibration, and a calibration of the wrong space', () => {
    expect(() => toMetricDepth(model, 'relative-inverse')).toThrow(
      /needs a scale-and-shift calibration/,
    )
    expect(() => toMetricDepth(model, 'relative-inverse', calibration('depth', 1, 0))).toThrow(
      /recalibrate/,
    )
  })
})
