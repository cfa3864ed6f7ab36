import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  OWL_IMAGE_MEAN,
  OWL_IMAGE_STD,
  gaussianFilterMirror,
  mirrorCoordinate,
  mirrorIndex,
  owlPixelValues,
  owlTransform,
} from '../../../main/engine/perception/owlPreprocess'

interface GoldenCase {
  width: number
  height: number
  inputSize: number
  padValue: number
  rgb: number[]
  pixelValues: number[]
}

// Made by fixtures/owlPreprocessGolden.py (scipy, the steps of transformers' Owlv2ImageProcessor).
const golden = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'owlPreprocessGolden.json'), 'utf8'),
) as {
  cases: GoldenCase[]
}

describe('OWLv2 image pre-processing', () => {
  it('pads to the longest side and maps boxes with that one scale', () => {
    expect(owlTransform(640, 480)).toEqual({
      originalWidth: 640,
      originalHeight: 480,
      paddedSize: 640,
      inputSize: 960,
    })
    expect(owlTransform(480, 640).paddedSize).toBe(640)
  })

  it('hand-worked 2×1 image → 4×4: pad row, mirrored half-pixel linear zoom, CLIP normalisation', () => {
    // Red plane [[0, 1], [pad 0, pad 0]]; zoom 2 → 4 samples −0.25, 0.25, 0.75, 1.25, mirrored to
    // 0.25, 0.25, 0.75, 0.75: row 0 → [.25, .25, .75, .75] · .75 (row 1 is 0) = [.1875, .1875, .5625, .5625].
    const rgb = { width: 2, height: 1, data: Uint8Array.of(0, 0, 0, 255, 0, 0) }
    const { tensor, transform } = owlPixelValues(rgb, { inputSize: 4 })
    expect(tensor.dims).toEqual([1, 3, 4, 4])
    expect(transform.paddedSize).toBe(2)
    const red = Array.from(
      tensor.data.subarray(0, 16),
      (v) => v * OWL_IMAGE_STD[0] + OWL_IMAGE_MEAN[0],
    )
    const expected = [0.1875, 0.1875, 0.5625, 0.5625, 0.1875, 0.1875, 0.5625, 0.5625]
    expected.push(0.0625, 0.0625, 0.1875, 0.1875, 0.0625, 0.0625, 0.1875, 0.1875)
    red.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6))
  })

  it('pads with grey 0.5 when asked (OWL-ViT v1 / older transformers)', () => {
    const rgb = { width: 1, height: 2, data: Uint8Array.of(255, 255, 255, 255, 255, 255) }
    const { tensor } = owlPixelValues(rgb, { inputSize: 2, padValue: 0.5 })
    const green = Array.from(
      tensor.data.subarray(4, 8),
      (v) => v * OWL_IMAGE_STD[1] + OWL_IMAGE_MEAN[1],
    )
    ;[1, 0.5, 1, 0.5].forEach((v, i) => expect(green[i]).toBeCloseTo(v, 6))
  })

  it.each(
    golden.cases.map(
      (c) => [`${c.width}×${c.height} → ${c.inputSize} (pad ${c.padValue})`, c] as const,
    ),
  )('matches scipy for %s', (_name, c) => {
    const rgb = { width: c.width, height: c.height, data: Uint8Array.from(c.rgb) }
    const { tensor } = owlPixelValues(rgb, { inputSize: c.inputSize, padValue: c.padValue })
    expect(tensor.dims).toEqual([1, 3, c.inputSize, c.inputSize])
    let maxError = 0
    c.pixelValues.forEach((v, i) => (maxError = Math.max(maxError, Math.abs(tensor.data[i] - v))))
    expect(maxError).toBeLessThan(1e-5)
  })
})

describe('scipy.ndimage helpers', () => {
  it('mirrors indices and coordinates without repeating the edge', () => {
    expect([-2, -1, 0, 4, 5, 6, -9].map((i) => mirrorIndex(i, 5))).toEqual([2, 1, 0, 4, 3, 2, 1])
    expect(mirrorCoordinate(-0.25, 4)).toBe(0.25)
    expect(mirrorCoordinate(3.25, 4)).toBe(2.75)
    expect(mirrorIndex(7, 1)).toBe(0)
  })

  it('gaussian_filter σ = 0.5 (truncate 4 → radius 2) of an impulse', () => {
    const impulse = new Float32Array(7)
    impulse[3] = 1
    const out = gaussianFilterMirror(impulse, 7, 1, 0.5)
    // exp(−2k²) normalised: 0.78657, 0.10645, 0.00026 (scipy.ndimage.gaussian_filter1d).
    ;[0, 0.000264, 0.106451, 0.786571, 0.106451, 0.000264, 0].forEach((v, i) =>
      expect(out[i]).toBeCloseTo(v, 5),
    )
    const edge = new Float32Array(5)
    edge[0] = 1
    // 'mirror' reflects about the edge pixel: the impulse does not count twice.
    expect(gaussianFilterMirror(edge, 5, 1, 0.5)[0]).toBeCloseTo(0.786571, 5)
  })
})
