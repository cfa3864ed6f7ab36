import { describe, expect, it } from 'vitest'
import { bilinearTaps, imageToTensor } from '../../main/engine/perception/imageTensor'
import { letterboxTransform, stretchTransform } from '../../main/engine/perception/resizeTransform'
import type { RgbImage } from '../../main/engine/types'

const IDENTITY = { channelOrder: 'rgb', mean: [0, 0, 0], std: [1, 1, 1] } as const

/** An image whose red channel is `red` (rows of equal length), green = 1, blue = 2. */
function image(red: number[][]): RgbImage {
  const height = red.length
  const width = red[0].length
  const data = new Uint8Array(width * height * 3)
  red.flat().forEach((value, i) => data.set([value, 1, 2], i * 3))
  return { width, height, data }
}

/** Channel c of a [1, 3, H, W] tensor as rows. */
function channel(tensor: { data: Float32Array; dims: number[] }, c: number): number[][] {
  const [, , height, width] = tensor.dims
  return Array.from({ length: height }, (_, v) =>
    Array.from(
      tensor.data.subarray(c * width * height + v * width, c * width * height + (v + 1) * width),
    ),
  )
}

describe('imageToTensor', () => {
  const wide = image([
    [10, 20, 30, 40],
    [50, 60, 70, 80],
  ])

  it('letterboxes a 4×2 image into 4×4: one black row above and below, pixels copied exactly', () => {
    const tensor = imageToTensor(wide, letterboxTransform(4, 2, 4, 4), IDENTITY)
    expect(tensor.dims).toEqual([1, 3, 4, 4])
    expect(channel(tensor, 0)).toEqual([
      [0, 0, 0, 0],
      [10, 20, 30, 40],
      [50, 60, 70, 80],
      [0, 0, 0, 0],
    ])
    expect(channel(tensor, 1)[1]).toEqual([1, 1, 1, 1])
  })

  it('letterboxes 4×2 into 2×2: scale 0.5, pad 0.5 rows, so row 0 reads the border and row 1 samples source row 1', () => {
    // Row v = 1 → source y = (1 − 0.5) / 0.5 = 1; columns u → source x = 2u.
    expect(channel(imageToTensor(wide, letterboxTransform(4, 2, 2, 2), IDENTITY), 0)).toEqual([
      [0, 0],
      [50, 70],
    ])
  })

  it('interpolates bilinearly between source pixels', () => {
    // Stretch 4 → 3 columns: u = 1 → x = 4/3 → 2/3 · 30 + 1/3 · 90 = 50; u = 2 → x = 8/3 → 1/3 · 90 + 2/3 · 0 = 30.
    const tensor = imageToTensor(image([[0, 30, 90, 0]]), stretchTransform(4, 1, 3, 1), IDENTITY)
    channel(tensor, 0)[0].forEach((value, i) => expect(value).toBeCloseTo([0, 50, 30][i], 4))
  })

  it('blends with the black border past the last pixel, as OpenCV warpPerspective does', () => {
    // Upscale 2 → 4: x = 0, 0.5, 1, 1.5; at 1.5 the right neighbour is outside → 0.5 · 200.
    const tensor = imageToTensor(image([[100, 200]]), stretchTransform(2, 1, 4, 1), IDENTITY)
    expect(channel(tensor, 0)[0]).toEqual([100, 150, 200, 100])
  })

  it('orders channels BGR and normalises with NanoDet mean/std; padding becomes (0 − mean) / std', () => {
    const rgb: RgbImage = { width: 1, height: 1, data: Uint8Array.from([200, 100, 50]) }
    const nanodet = {
      channelOrder: 'bgr',
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
    } as const
    // 1×1 → 1×3: scale 1, padY 1: rows 0 and 2 are border.
    const tensor = imageToTensor(rgb, letterboxTransform(1, 1, 1, 3), nanodet)
    const expected = [
      [-1.8044444, -0.9329847, -1.8044444], // B: (0 − 103.53) / 57.375, (50 − 103.53) / 57.375
      [-2.0357143, -0.285014, -2.0357143], // G: (100 − 116.28) / 57.12
      [-2.1179039, 1.3070468, -2.1179039], // R: (200 − 123.675) / 58.395
    ]
    expected.forEach((values, c) =>
      values.forEach((value, v) => expect(tensor.data[c * 3 + v]).toBeCloseTo(value, 5)),
    )
  })

  it('rejects an image that does not match the transform', () => {
    expect(() => imageToTensor(wide, letterboxTransform(8, 2, 4, 4), IDENTITY)).toThrow(/4×2.*8×2/)
  })
})

describe('bilinearTaps', () => {
  it('gives each output position its two source neighbours and weights', () => {
    const taps = bilinearTaps(3, 0, 0.75, 4)
    expect(Array.from(taps.index0)).toEqual([0, 1, 2])
    expect(Array.from(taps.index1)).toEqual([1, 2, 3])
    expect(taps.weight0[1]).toBeCloseTo(2 / 3, 6)
    expect(taps.weight1[1]).toBeCloseTo(1 / 3, 6)
  })
})
