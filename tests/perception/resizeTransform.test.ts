import { describe, expect, it } from 'vitest'
import {
  boxToOriginal,
  letterboxTransform,
  stretchTransform,
} from '../../main/engine/perception/resizeTransform'

describe('letterboxTransform (NanoDet keep-ratio rule, centred)', () => {
  it('fits a 640×480 landscape image to 416×416 with the padding split top and bottom', () => {
    // scale = 416 / 640 = 0.65; scaled height 312; pad = (416 − 312) / 2 = 52.
    expect(letterboxTransform(640, 480, 416, 416)).toEqual({
      scaleX: 0.65,
      scaleY: 0.65,
      padX: 0,
      padY: 52,
      inputWidth: 416,
      inputHeight: 416,
      originalWidth: 640,
      originalHeight: 480,
    })
  })

  it('fits a portrait image by its height, padding left and right (fractional pad kept)', () => {
    // 300×600 → 416: scale 416 / 600; scaled width 208; padX = 208 − 104 = 104.
    const t = letterboxTransform(300, 600, 416, 416)
    expect(t.scaleX).toBeCloseTo(416 / 600, 12)
    expect(t.padX).toBeCloseTo(104, 12)
    expect(t.padY).toBeCloseTo(0, 12)
    // 5×3 → 4×4: scale 0.8, scaled height 2.4, padY 0.8 (upstream does not round the pad).
    const odd = letterboxTransform(5, 3, 4, 4)
    expect(odd.scaleY).toBeCloseTo(0.8, 12)
    expect(odd.padY).toBeCloseTo(0.8, 12)
  })

  it('rejects empty sizes', () => {
    expect(() => letterboxTransform(0, 480, 416, 416)).toThrow(/positive/)
  })
})

describe('stretchTransform', () => {
  it('scales each axis on its own without padding', () => {
    const t = stretchTransform(640, 480, 320, 320)
    expect([t.scaleX, t.scaleY, t.padX, t.padY]).toEqual([0.5, 320 / 480, 0, 0])
  })
})

describe('boxToOriginal', () => {
  it('undoes scale and pad: original = (model − pad) / scale', () => {
    const t = letterboxTransform(640, 480, 416, 416)
    // x: 65 / 0.65 = 100, 130 / 0.65 = 200; y: (117 − 52) / 0.65 = 100, (182 − 52) / 0.65 = 200.
    const box = boxToOriginal([65, 117, 130, 182], t)
    box.forEach((value, i) => expect(value).toBeCloseTo([100, 100, 200, 200][i], 9))
  })

  it('clips to the image, so boxes reaching into the padding stop at the border', () => {
    const t = letterboxTransform(640, 480, 416, 416)
    expect(boxToOriginal([-10, 10, 500, 400], t)).toEqual([0, 0, 640, 480])
  })
})
