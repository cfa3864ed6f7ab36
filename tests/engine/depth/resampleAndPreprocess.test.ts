import { describe, expect, it } from 'vitest'
import {
  openCvTaps,
  resizeRgbPlanar,
  resizePlaneBilinear,
  torchBilinearTaps,
} from '../../../main/engine/depth/resample'
import { preprocessDepthAnything, preprocessMetric3d } from '../../../main/engine/depth/preprocess'
import type { RgbImage } from '../../../main/engine/types'

function uniformImage(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3)
  return { width, height, data }
}

/** A 4×1 image whose red channel is 0, 10, 20, 30. */
const ramp: RgbImage = {
  width: 4,
  height: 1,
  data: Uint8Array.from([0, 0, 0, 10, 0, 0, 20, 0, 0, 30, 0, 0]),
}

describe('cv2.resize INTER_CUBIC (A = −0.75, half-pixel centres, replicated border)', () => {
  it('4 → 8 px: output 3 samples source 1.25 with weights −0.1055, 0.8789, 0.2617, −0.0352', () => {
    // fx = (3 + 0.5)·4/8 − 0.5 = 1.25 → taps 0..3, t = 0.25:
    // w0 = ((A(t+1) − 5A)(t+1) + 8A)(t+1) − 4A = −0.10546875, w1 = ((A+2)t − (A+3))t² + 1 = 0.87890625,
    // w2 = ((A+2)(1−t) − (A+3))(1−t)² + 1 = 0.26171875, w3 = 1 − w0 − w1 − w2 = −0.03515625
    // → 10·0.87890625 + 20·0.26171875 − 30·0.03515625 = 12.96875 (a = −0.75 does not reproduce lines).
    const red = resizeRgbPlanar(ramp, 8, 1, 'cubic').subarray(0, 8)
    expect(red[3]).toBeCloseTo(12.96875, 10)
    // Output 0 samples −0.25: taps −2..1 clamp to 0,0,0,1 and keep t = 0.75, whose weights are
    // those of t = 0.25 reversed, so the last tap (value 10) weighs w0(0.25) = −0.10546875.
    expect(red[0]).toBeCloseTo(-1.0546875, 10)
  })

  it('keeps a uniform image uniform and the weights sum to 1', () => {
    const taps = openCvTaps(37, 91, 'cubic')
    for (let d = 0; d < 91; d++) {
      const sum = taps.weight.subarray(d * 4, d * 4 + 4).reduce((a, b) => a + b, 0)
      expect(sum).toBeCloseTo(1, 12)
    }
    const planes = resizeRgbPlanar(uniformImage(5, 3, [7, 8, 9]), 11, 6, 'cubic')
    expect(Math.max(...planes.subarray(0, 66))).toBeCloseTo(7, 10)
    expect(Math.min(...planes.subarray(132, 198))).toBeCloseTo(9, 10)
  })
})

describe('cv2.resize INTER_LINEAR on uint8', () => {
  it('clamps position and fraction at the borders and rounds to integers', () => {
    const red = resizeRgbPlanar(ramp, 8, 1, 'linear').subarray(0, 8)
    // positions −0.25 (→ 0), 0.25, 0.75, 1.25, …, 3.25 (→ 3)
    expect(Array.from(red)).toEqual([0, 3, 8, 13, 18, 23, 28, 30])
  })
})

describe('PyTorch bilinear interpolate', () => {
  it('align_corners=True maps ends to ends (Depth Anything V2)', () => {
    const out = resizePlaneBilinear(Float32Array.of(0, 10), 2, 1, 3, 1, { alignCorners: true })
    expect(Array.from(out)).toEqual([0, 5, 10])
  })

  it('align_corners=False uses half-pixel centres, clamping below 0 (Metric3D)', () => {
    const out = resizePlaneBilinear(Float32Array.of(0, 10), 2, 1, 4, 1, { alignCorners: false })
    expect(Array.from(out)).toEqual([0, 2.5, 7.5, 10])
    const taps = torchBilinearTaps(2, 4, false)
    expect(Array.from(taps.index)).toEqual([0, 1, 0, 1, 0, 1, 1, 1])
  })

  it('resamples only the given window (unpadding)', () => {
    // 4×1 plane [99, 1, 3, 99]: the window x 1..2 holds the prediction, the 99s are padding.
    const out = resizePlaneBilinear(Float32Array.of(99, 1, 3, 99), 4, 1, 3, 1, {
      alignCorners: true,
      window: { x: 1, y: 0, width: 2, height: 1 },
    })
    expect(Array.from(out)).toEqual([1, 2, 3])
    expect(() =>
      resizePlaneBilinear(new Float32Array(4), 4, 1, 3, 1, {
        alignCorners: true,
        window: { x: 3, y: 0, width: 2, height: 1 },
      }),
    ).toThrow(RangeError)
  })
})

describe('preprocessDepthAnything', () => {
  it('640×480 → [1, 3, 518, 686], (v/255 − ImageNet mean)/std per RGB channel', () => {
    const input = preprocessDepthAnything(uniformImage(640, 480, [255, 0, 124]))
    expect(input.tensor.dims).toEqual([1, 3, 518, 686])
    const plane = 518 * 686
    const at = (c: number, i: number) => input.tensor.data[c * plane + i]
    for (const i of [0, 1234, plane - 1]) {
      expect(at(0, i)).toBeCloseTo((1 - 0.485) / 0.229, 5) // 2.2489
      expect(at(1, i)).toBeCloseTo((0 - 0.456) / 0.224, 5) // −2.0357
      expect(at(2, i)).toBeCloseTo((124 / 255 - 0.406) / 0.225, 5) // 0.3567
    }
    expect(input.transform).toMatchObject({
      inputWidth: 686,
      inputHeight: 518,
      originalWidth: 640,
      originalHeight: 480,
    })
    expect(input.transform.scaleX).toBeCloseTo(686 / 640, 12)
  })

  it('follows the chosen resize rule', () => {
    const input = preprocessDepthAnything(uniformImage(320, 240, [0, 0, 0]), {
      resizeMethod: 'minimal',
    })
    expect(input.tensor.dims).toEqual([1, 3, 392, 518])
  })
})

describe('preprocessMetric3d', () => {
  const image = uniformImage(640, 480, [200, 10, 10])
  const plane = 616 * 1064
  const row = 300 * 1064

  it('raw 0–255 RGB in 1064×616, the 821 px wide image centred, padding = the mean colour', () => {
    const input = preprocessMetric3d(image)
    expect(input.tensor.dims).toEqual([1, 3, 616, 1064])
    const red = (x: number) => input.tensor.data[row + x]
    const blue = (x: number) => input.tensor.data[2 * plane + row + x]
    expect(red(120)).toBeCloseTo(123.675, 4)
    expect(red(121)).toBe(200)
    expect(red(941)).toBe(200)
    expect(red(942)).toBeCloseTo(123.675, 4)
    expect(blue(500)).toBe(10)
    expect(blue(0)).toBeCloseTo(103.53, 4)
    expect(input.layout).toMatchObject({ padLeft: 121, padRight: 122, resizedWidth: 821 })
  })

  it('normalize: (v − mean)/std inside, exactly 0 in the padding', () => {
    const input = preprocessMetric3d(image, { normalize: true })
    expect(input.tensor.data[row + 500]).toBeCloseTo((200 - 123.675) / 58.395, 5)
    expect(input.tensor.data[plane + row + 500]).toBeCloseTo((10 - 116.28) / 57.12, 5)
    expect(input.tensor.data[row + 10]).toBeCloseTo(0, 6)
  })
})
