import { describe, expect, it } from 'vitest'
import {
  SAM_IMAGE_MEAN,
  SAM_IMAGE_STD,
  samBoxToInput,
  samPixelValues,
  samPointToInput,
  samTransform,
} from '../../../main/engine/perception/samPreprocess'
import { resizeRgbBilinearPil } from '../../../main/engine/perception/pilResample'
import { samDecoderPrompt } from '../../../main/engine/perception/samPrompts'

/** A one-row grey image (R = G = B) from the given values. */
function greyRow(values: number[]) {
  return {
    width: values.length,
    height: 1,
    data: Uint8Array.from(values.flatMap((v) => [v, v, v])),
  }
}
const reds = (image: { data: Uint8Array }) => Array.from(image.data.filter((_, i) => i % 3 === 0))

describe('SAM longest-side resize and padding', () => {
  it('puts 640×480 as 1024×768 content in the 1024² input', () => {
    expect(samTransform(640, 480)).toEqual({
      originalWidth: 640,
      originalHeight: 480,
      resizedWidth: 1024,
      resizedHeight: 768,
      inputSize: 1024,
    })
    expect(samTransform(480, 640)).toMatchObject({ resizedWidth: 768, resizedHeight: 1024 })
    // int(333 · 1024/1000 + 0.5) = int(341.49) = 341, as upstream _get_preprocess_shape.
    expect(samTransform(1000, 333)).toMatchObject({ resizedWidth: 1024, resizedHeight: 341 })
  })

  it('normalises the content with ImageNet mean/std (×255) and leaves the padding at 0', () => {
    const width = 640
    const height = 480
    const data = new Uint8Array(width * height * 3)
    for (let i = 0; i < width * height; i++) data.set([255, 0, 128], i * 3)
    const tensor = samPixelValues({ width, height, data })
    expect(tensor.dims).toEqual([1, 3, 1024, 1024])
    const plane = 1024 * 1024
    const at = (c: number, y: number, x: number) => tensor.data[c * plane + y * 1024 + x]
    const expected = [255, 0, 128].map((v, c) => (v / 255 - SAM_IMAGE_MEAN[c]) / SAM_IMAGE_STD[c])
    for (const [y, x] of [
      [0, 0],
      [767, 1023],
      [400, 512],
    ]) {
      for (let c = 0; c < 3; c++) expect(at(c, y, x)).toBeCloseTo(expected[c], 5)
    }
    // Rows 768… are padding (upstream pads with zeros after normalising).
    for (let c = 0; c < 3; c++) {
      expect(at(c, 768, 0)).toBe(0)
      expect(at(c, 1023, 1023)).toBe(0)
    }
  })
})

describe('Pillow bilinear resize (SamImageProcessor.resize)', () => {
  it('upscales 2 → 4 with half-pixel centres: [0, 100] → [0, 25, 75, 100]', () => {
    expect(reds(resizeRgbBilinearPil(greyRow([0, 100]), 4, 1))).toEqual([0, 25, 75, 100])
  })

  it('downscales 4 → 2 with a widened (antialiasing) triangle: [0, 100, 200, 255] → [71, 209]', () => {
    // out0: centre 1, support 2 → taps 0,1,2 weights .75,.75,.25 / 1.75 → 71.4; out1 → 209.3.
    expect(reds(resizeRgbBilinearPil(greyRow([0, 100, 200, 255]), 2, 1))).toEqual([71, 209])
  })

  it('resizes rows and columns alike (vertical pass)', () => {
    const column = { width: 1, height: 2, data: Uint8Array.of(0, 0, 0, 100, 100, 100) }
    expect(reds(resizeRgbBilinearPil(column, 1, 4))).toEqual([0, 25, 75, 100])
  })
})

describe('SAM prompt coordinates', () => {
  const t = samTransform(640, 480)

  it('scales points and boxes into the 1024 frame (×1.6 for 640×480)', () => {
    expect(samPointToInput(320, 240, t)).toEqual([512, 384])
    expect(samBoxToInput([100, 50, 300, 200], t)).toEqual([160, 80, 480, 320])
  })

  it('builds input_points [1,1,N,2] and int64 labels 1/0 for clicks', () => {
    const prompt = samDecoderPrompt(
      {
        points: [
          { u: 10, v: 20, isPositive: true },
          { u: 100, v: 200, isPositive: false },
        ],
      },
      t,
      { acceptsBoxes: false },
    )
    expect(prompt.pointCount).toBe(2)
    expect(Array.from(prompt.points)).toEqual([16, 32, 160, 320])
    expect(prompt.labels).toEqual(BigInt64Array.of(1n, 0n))
    expect(prompt.box).toBeUndefined()
    expect(prompt.fallbackBox).toBeUndefined()
  })

  it('turns a box into a centre click + fallback box when the decoder has no input_boxes', () => {
    const prompt = samDecoderPrompt({ box: [100, 50, 300, 200] }, t, { acceptsBoxes: false })
    expect(Array.from(prompt.points)).toEqual([320, 200])
    expect(prompt.labels).toEqual(BigInt64Array.of(1n))
    expect(prompt.fallbackBox).toEqual([100, 50, 300, 200])
  })

  it('feeds the box to input_boxes, with one padding point (−10) when the prompt has no clicks', () => {
    const prompt = samDecoderPrompt({ box: [100, 50, 300, 200] }, t, { acceptsBoxes: true })
    expect(Array.from(prompt.box!)).toEqual([160, 80, 480, 320])
    expect(prompt.labels).toEqual(BigInt64Array.of(-10n))
    expect(prompt.fallbackBox).toBeUndefined()
  })

  it('pads to a fixed point count and rejects what it cannot express', () => {
    const padded = samDecoderPrompt({ points: [{ u: 0, v: 0, isPositive: true }] }, t, {
      acceptsBoxes: false,
      fixedPointCount: 3,
    })
    expect(padded.labels).toEqual(BigInt64Array.of(1n, -10n, -10n))
    expect(padded.points).toHaveLength(6)
    expect(() => samDecoderPrompt({}, t, { acceptsBoxes: false })).toThrow(
      /box or at least one point/,
    )
    expect(() =>
      samDecoderPrompt({ points: [{ u: 0, v: 0, isPositive: true }] }, t, { acceptsBoxes: true }),
    ).toThrow(/add a box/)
    const two = {
      points: [
        { u: 0, v: 0, isPositive: true },
        { u: 1, v: 1, isPositive: true },
      ],
    }
    expect(() => samDecoderPrompt(two, t, { acceptsBoxes: false, fixedPointCount: 1 })).toThrow(
      /at most 1/,
    )
  })
})
