import { describe, expect, it } from 'vitest'
import {
  bestMaskIndex,
  chooseSamMask,
  clipMaskToBox,
  maskBoundingBox,
  maskBoxFit,
  resizeBilinearPlane,
  samMaskToOriginal,
} from '../../../main/engine/perception/samMasks'
import { samTransform } from '../../../main/engine/perception/samPreprocess'
import { isExactRectangle, rectangleLogits } from '../../helpers/samFixtures'

describe('bilinear resize as torch interpolate(align_corners=False)', () => {
  it('upsamples [[0,1],[2,3]] to 4×4 with half-pixel centres and edge clamping', () => {
    const out = resizeBilinearPlane(Float32Array.of(0, 1, 2, 3), 2, 2, 4, 4)
    expect(Array.from(out)).toEqual([
      0, 0.25, 0.75, 1, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2, 2.25, 2.75, 3,
    ])
  })

  it('returns the top-left crop of the full-size result', () => {
    const full = resizeBilinearPlane(Float32Array.of(0, 1, 2, 3), 2, 2, 4, 4)
    const crop = resizeBilinearPlane(Float32Array.of(0, 1, 2, 3), 2, 2, 4, 4, {
      width: 3,
      height: 2,
    })
    expect(Array.from(crop)).toEqual([full[0], full[1], full[2], full[4], full[5], full[6]])
  })
})

describe('SAM low-res mask → original resolution', () => {
  it('maps a 256² logit rectangle to the exact original pixels for 640×480', () => {
    // Low-res rows 40–79, cols 60–119 → 1024² rows [160, 320), cols [240, 480) (zero crossings at the
    // half-way points) → cropped to 1024×768 → ÷1.6 → rows [100, 200), cols [150, 300) of 640×480.
    // The corners round off: at (150, 100) the interpolated logit is ≈ −0.10 (two −5/+5 steps meet).
    const mask = samMaskToOriginal(
      rectangleLogits(40, 80, 60, 120),
      0,
      256,
      256,
      samTransform(640, 480),
    )
    expect(mask).toHaveLength(640 * 480)
    expect(isExactRectangle(mask, 640, [150, 100, 300, 200], true)).toBe(true)
    expect(mask.reduce((n, v) => n + v, 0)).toBe(150 * 100 - 4)
  })

  it('crops the padding: logits below the resized content never reach the image', () => {
    // Rows 192–255 of the 256² map lie under rows 768–1023 of the input: the padding.
    const mask = samMaskToOriginal(
      rectangleLogits(200, 256, 0, 256),
      0,
      256,
      256,
      samTransform(640, 480),
    )
    expect(mask.every((v) => v === 0)).toBe(true)
  })

  it('reads the candidate at its offset and thresholds at the given logit', () => {
    const stacked = new Float32Array(2 * 256 * 256)
    stacked.set(rectangleLogits(40, 80, 60, 120), 256 * 256)
    const t = samTransform(640, 480)
    expect(
      isExactRectangle(
        samMaskToOriginal(stacked, 256 * 256, 256, 256, t),
        640,
        [150, 100, 300, 200],
        true,
      ),
    ).toBe(true)
    expect(samMaskToOriginal(stacked, 256 * 256, 256, 256, t, 5).every((v) => v === 0)).toBe(true)
  })

  it('picks the best of the three candidates by predicted IoU', () => {
    expect(bestMaskIndex(Float32Array.of(0.2, 0.9, 0.5))).toBe(1)
    expect(bestMaskIndex([0.7, 0.7, 0.1])).toBe(0)
    expect(bestMaskIndex([9, 0.1, 0.3, 0.2], 1, 3)).toBe(1)
  })
})

describe('choosing among the decoder candidates', () => {
  const plane = 256 * 256
  const logits = new Float32Array(2 * plane)
  logits.set(rectangleLogits(40, 80, 60, 120))
  logits.set(rectangleLogits(0, 150, 0, 200), plane)
  const candidates = { logits, scores: [0.9, 0.4], candidates: 2, maskWidth: 256, maskHeight: 256 }
  const t = samTransform(640, 480)

  it('takes the best predicted IoU for clicks', () => {
    const chosen = chooseSamMask(candidates, t)
    expect(chosen.score).toBe(0.9)
    expect(maskBoundingBox(chosen.mask, 640, 480)).toEqual([150, 100, 300, 200])
  })

  it('takes the candidate that fits a fallback box, clipped to it', () => {
    const chosen = chooseSamMask(candidates, t, { fallbackBox: [0, 0, 450, 400] })
    expect(chosen.score).toBe(0.4)
    expect(maskBoundingBox(chosen.mask, 640, 480)).toEqual([0, 0, 450, 375])
  })
})

describe('mask boxes', () => {
  const mask = new Uint8Array(8 * 6)
  for (let y = 1; y < 4; y++) mask.fill(1, y * 8 + 2, y * 8 + 7)

  it('bounds a mask with an exclusive box and scores its fit to a prompt box', () => {
    expect(maskBoundingBox(mask, 8, 6)).toEqual([2, 1, 7, 4])
    expect(maskBoundingBox(new Uint8Array(4), 2, 2)).toBeNull()
    expect(maskBoxFit(mask, 8, 6, [2, 1, 7, 4])).toBe(1)
    expect(maskBoxFit(mask, 8, 6, [2, 1, 7, 7])).toBeCloseTo(15 / 30)
  })

  it('clears pixels whose centres are outside the box', () => {
    const clipped = clipMaskToBox(mask.slice(), 8, 6, [3, 2, 5.4, 6])
    expect(maskBoundingBox(clipped, 8, 6)).toEqual([3, 2, 5, 4])
  })
})
