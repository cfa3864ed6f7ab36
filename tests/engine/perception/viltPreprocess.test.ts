import { describe, expect, it } from 'vitest'
import { resizeRgbPil } from '../../../main/engine/perception/pilResample'
import {
  VILT_LONGEST_EDGE,
  viltImageInputs,
  viltResizeSize,
} from '../../../main/engine/perception/viltPreprocess'

// Expected sizes worked by hand from transformers' get_resize_output_image_size (shorter 384, longer 639, divisor 32).
describe('viltResizeSize (ViltImageProcessor rule)', () => {
  it('longer side limit is int(1333 / 800 · 384) = 639', () => {
    expect(VILT_LONGEST_EDGE).toBe(639)
  })

  it.each([
    // [width, height, width out, height out]
    [640, 480, 512, 384], // scale 0.8: 512 × 384, both multiples of 32
    [500, 375, 512, 384], // scale 1.024: 512 × 384
    [256, 256, 384, 384], // square: 384 × 384
    [427, 640, 384, 576], // portrait: height 640 · 384/427 = 575.5 → 576
    [1000, 200, 608, 128], // long: 1920 → 639, height 127.8 → 128; width 639 → 608
    [1333, 800, 608, 352], // width 639.84 > 639 → height 383.5 → 383 → 352 (a 640 limit would give 640 × 384)
  ])('%i × %i → %i × %i', (w, h, ew, eh) => {
    expect(viltResizeSize(w, h)).toEqual({ width: ew, height: eh })
  })

  it('rejects empty and too elongated images', () => {
    expect(() => viltResizeSize(0, 10)).toThrow(/positive/)
    expect(() => viltResizeSize(10000, 10)).toThrow(/too elongated/)
  })
})

describe('Pillow bicubic (the filter ViltImageProcessor resizes with)', () => {
  // Downscale 4 → 2 columns: scale 2, support 4, taps at distances (x + 0.5 − 1)/2 = −0.25, 0.25, 0.75, 1.25 for
  // output 0; Keys cubic (a = −0.5): 0.8671875, 0.8671875, 0.2265625, −0.0703125, sum 1.890625.
  const row = (values: number[]) => ({
    width: values.length,
    height: 1,
    data: Uint8Array.from(values.flatMap((v) => [v, v, v])),
  })
  it('weights a one-pixel impulse as the normalised cubic kernel', () => {
    // 255 · 0.8671875 / 1.890625 = 116.96 → 117; 255 · 0.2265625 / 1.890625 = 30.56 → 31; the negative lobe clips to 0.
    expect(resizeRgbPil(row([255, 0, 0, 0]), 2, 1, 'bicubic').data[0]).toBe(117)
    expect(resizeRgbPil(row([0, 0, 255, 0]), 2, 1, 'bicubic').data[0]).toBe(31)
    expect(resizeRgbPil(row([0, 0, 0, 255]), 2, 1, 'bicubic').data[0]).toBe(0)
    // Bilinear differs (weights 0.75, 0.75, 0.25 / 1.75 → 36), so the filter choice is seen.
    expect(resizeRgbPil(row([0, 0, 255, 0]), 2, 1, 'bilinear').data[0]).toBe(36)
  })
})

describe('viltImageInputs', () => {
  it('gives NCHW (v/255 − 0.5)/0.5 at the ViLT size and an all-ones int64 pixel_mask', () => {
    const width = 100
    const height = 50
    const data = new Uint8Array(width * height * 3)
    for (let i = 0; i < width * height; i++) data.set([255, 0, 51], i * 3)
    const inputs = viltImageInputs({ width, height, data })
    // 100 × 50: 768 × 384, 768 > 639 → 639 × 319.5; int(639.5) = 639 → 608, int(320.0) = 320.
    expect(inputs.pixelDims).toEqual([1, 3, 320, 608])
    expect(inputs.maskDims).toEqual([1, 320, 608])
    const plane = 320 * 608
    expect(inputs.pixelValues[0]).toBeCloseTo(1, 6) // red 255 → 1
    expect(inputs.pixelValues[plane + 5]).toBeCloseTo(-1, 6) // green 0 → −1
    expect(inputs.pixelValues[2 * plane + plane - 1]).toBeCloseTo(51 / 127.5 - 1, 6) // blue 51 → −0.6
    expect(inputs.pixelMask.every((v) => v === 1n)).toBe(true)
    expect(inputs.pixelMask.length).toBe(plane)
  })
})
