import { describe, expect, it } from 'vitest'
import { resizeRgbPil } from '../../../main/engine/perception/pilResample'
import {
  smolVlmContentSize,
  smolVlmImageInputs,
} from '../../../main/engine/perception/smolVlmPreprocess'
import {
  cropRgb,
  expandBox,
  objectImageRegion,
  pixelBoundingBox,
} from '../../../main/engine/perception/imageCrop'
import type { RgbImage } from '../../../main/engine/types'
import { solidImage } from '../../helpers/paintedScene'

const reds = (image: RgbImage) =>
  Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 3])
const greyRow = (values: number[]): RgbImage => ({
  width: values.length,
  height: 1,
  data: Uint8Array.from(values.flatMap((v) => [v, v, v])),
})

const solid = solidImage

describe('Pillow Lanczos resize (Idefics3ImageProcessor resample=1)', () => {
  it('upscales 2 → 4 with the 3-lobe sinc window, overshooting at the ends: [0, 100] → [0, 23, 77, 118]', () => {
    // out1: centre 0.75, taps at −0.25 and 0.75 → lanczos 0.89007, 0.27019 → weight of 100 = 0.2329.
    // out3: centre 1.75, taps −1.25, −0.25 → −0.13287, 0.89007 → 100 · 1.1755 = 117.5 (ringing);
    // out0 mirrors it to −17.5, clipped to 0.
    expect(reds(resizeRgbPil(greyRow([0, 100]), 4, 1, 'lanczos'))).toEqual([0, 23, 77, 118])
  })

  it('downscales 4 → 2 with a support widened to 6: [0, 100, 200, 255] → [57, 225]', () => {
    // out0: centre 1, taps (x − 0.5) / 2 = −0.25, 0.25, 0.75, 1.25 → .4642, .4642, .1409, −.0693.
    expect(reds(resizeRgbPil(greyRow([0, 100, 200, 255]), 2, 1, 'lanczos'))).toEqual([57, 225])
  })

  it('keeps a uniform image uniform', () => {
    const out = resizeRgbPil(solid(37, 23, [10, 200, 90]), 512, 512, 'lanczos')
    expect(new Set(reds(out))).toEqual(new Set([10]))
  })
})

describe('SmolVLM pixel inputs (one 512 × 512 view, no splitting)', () => {
  it('stretches to the square by default, normalises (v/255 − 0.5)/0.5 per channel and marks every pixel', () => {
    const inputs = smolVlmImageInputs(solid(64, 32, [255, 0, 51]))
    expect(inputs.pixelDims).toEqual([1, 1, 3, 512, 512])
    expect(inputs.maskDims).toEqual([1, 1, 512, 512])
    expect(inputs.pixelValues.length).toBe(3 * 512 * 512)
    const plane = 512 * 512
    // 255 → 1, 0 → −1, 51 → 0.2 · 2 − 1 = −0.6, at a corner and in the middle.
    for (const o of [0, 256 * 512 + 300, plane - 1]) {
      expect(inputs.pixelValues[o]).toBeCloseTo(1, 6)
      expect(inputs.pixelValues[plane + o]).toBeCloseTo(-1, 6)
      expect(inputs.pixelValues[2 * plane + o]).toBeCloseTo(-0.6, 6)
    }
    expect(inputs.pixelAttentionMask.every((v) => v === 1)).toBe(true)
    expect([inputs.contentWidth, inputs.contentHeight]).toEqual([512, 512])
  })

  it("'pad' keeps the aspect ratio: content at the top-left, 0 and mask 0 in the padding", () => {
    const inputs = smolVlmImageInputs(solid(64, 32, [255, 255, 255]), { fit: 'pad' })
    expect([inputs.contentWidth, inputs.contentHeight]).toEqual([512, 256])
    const plane = 512 * 512
    expect(inputs.pixelAttentionMask[255 * 512 + 511]).toBe(1)
    expect(inputs.pixelAttentionMask[256 * 512]).toBe(0)
    expect(inputs.pixelValues[255 * 512 + 511]).toBeCloseTo(1, 6)
    expect(inputs.pixelValues[2 * plane + 256 * 512 + 10]).toBe(0)
    const valid = inputs.pixelAttentionMask.reduce((n, v) => n + v, 0)
    expect(valid).toBe(512 * 256)
  })

  it('sizes the padded content by the longest edge, never below one pixel', () => {
    expect(smolVlmContentSize(480, 640, 'pad')).toEqual({ width: 384, height: 512 })
    expect(smolVlmContentSize(2000, 1, 'pad')).toEqual({ width: 512, height: 1 })
    expect(smolVlmContentSize(10, 10, 'stretch', 64)).toEqual({ width: 64, height: 64 })
    expect(() => smolVlmContentSize(0, 10, 'pad')).toThrow(RangeError)
  })
})

describe('image regions of objects', () => {
  it('boxes the pixels of an object (x1/y1 exclusive) and crops them', () => {
    const width = 10
    const pixels = Uint32Array.of(2 * width + 3, 4 * width + 6, 3 * width + 5)
    expect(pixelBoundingBox(pixels, width)).toEqual([3, 2, 7, 5])
    expect(pixelBoundingBox(new Uint32Array(0), width)).toBeUndefined()
    const image: RgbImage = {
      width: 4,
      height: 3,
      data: Uint8Array.from({ length: 36 }, (_, i) => i),
    }
    const crop = cropRgb(image, [1, 1, 3, 3])
    expect([crop.width, crop.height]).toEqual([2, 2])
    // Pixel (1, 1) starts at byte (1 · 4 + 1) · 3 = 15; (1, 2) at 27.
    expect(Array.from(crop.data)).toEqual([15, 16, 17, 18, 19, 20, 27, 28, 29, 30, 31, 32])
    expect(() => cropRgb(image, [5, 5, 9, 9])).toThrow(/outside/)
  })

  it('adds context around the box, at least the minimum side, clipped to the image', () => {
    // 20 px wide box, 15 % margin = 3 px each side.
    expect(expandBox([40, 40, 60, 50], 100, 100, { minSidePx: 0 })).toEqual([37, 37, 63, 53])
    // Default minimum 32 px: 26 → 32 wide (3 more each side), 16 → 32 tall (8 more each side).
    expect(expandBox([40, 40, 60, 50], 100, 100)).toEqual([34, 29, 66, 61])
    // A 4 px box grows to the 32 px minimum; at the image corner it is clipped.
    expect(expandBox([0, 0, 4, 4], 100, 100, { minSidePx: 32 })).toEqual([0, 0, 18, 18])
    expect(objectImageRegion({ pixelIndices: new Uint32Array(0) }, 100, 100)).toBeUndefined()
  })
})
