import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findKeptPixels } from '../../../main/engine/scene/flyingPixels'
import { decodeDepthPng } from '../../../main/sources/depthImage'
import { tumGolden } from '../../helpers/goldenCloud'

// Golden values: a vectorized NumPy version of the flying-pixel rule on the TUM RGB-D depth frame
// (tests/fixtures/golden/make_golden.py, flyingPixels).

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))

describe('findKeptPixels against NumPy', () => {
  const depth = decodeDepthPng(
    new Uint8Array(readFileSync(fixture('tum-open3d/TUM_depth.png'))),
    'TUM_depth.png',
    5000,
  )
  const golden = tumGolden.flyingPixels
  const kept = findKeptPixels(depth, golden.noise)

  it('keeps the same pixels', () => {
    // Same float32 depths and tolerance on both sides: the count is exact.
    expect(kept.reduce((a, b) => a + b, 0)).toBe(golden.keptCount)
    for (const pixel of golden.keptPixelSamples) expect(kept[pixel]).toBe(1)
  })

  it('drops the image border and invalid depth', () => {
    const { width, height, data } = depth
    for (let u = 0; u < width; u++) expect(kept[u] + kept[(height - 1) * width + u]).toBe(0)
    for (let v = 0; v < height; v++) expect(kept[v * width] + kept[v * width + width - 1]).toBe(0)
    for (let i = 0; i < data.length; i++) if (!(data[i] > 0)) expect(kept[i]).toBe(0)
  })

  it('drops a pixel floating between a near and a far surface (hand-built)', () => {
    // 3×3 around a 2 m pixel: three neighbours at 1 m and five at 3 m, none within 1 % + 2 mm of it.
    const data = Float32Array.from([1, 1, 1, 3, 2, 3, 3, 3, 3])
    const floating = findKeptPixels({ width: 3, height: 3, data }, golden.noise)
    expect(floating[4]).toBe(0)
    data[3] = 2.01 // three neighbours within 0.01·2 + 0.002 = 22 mm: kept
    data[5] = 1.995
    data[7] = 2.005
    expect(findKeptPixels({ width: 3, height: 3, data }, golden.noise)[4]).toBe(1)
  })
})
