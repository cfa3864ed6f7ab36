import { readFileSync } from 'node:fs'
import { encode } from 'fast-png'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodeDepthPng } from '../../main/sources/depthImage'
import { expectSourceError, fixture } from './helpers'

const syntheticDepth = new Uint8Array(
  readFileSync(fixture('synthetic-tabletop/scene_640x480_depth.png')),
)

/** Raw uint16 values through sharp's grey16 path: an independent decoder to check ours against. */
async function rawUint16(png: Uint8Array): Promise<Uint16Array> {
  const { data } = await sharp(png)
    .toColourspace('grey16')
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true })
  return new Uint16Array(data.buffer, data.byteOffset, data.length / 2)
}

describe('decodeDepthPng', () => {
  it('decodes the synthetic 640×480 millimetre depth exactly (value / 1000)', async () => {
    const depth = decodeDepthPng(syntheticDepth, 'scene_640x480_depth.png', 1000)
    expect([depth.width, depth.height, depth.data.length]).toEqual([640, 480, 640 * 480])
    const raw = await rawUint16(syntheticDepth)
    let mismatches = 0
    for (let i = 0; i < raw.length; i++)
      if (depth.data[i] !== Math.fround(raw[i] / 1000)) mismatches++
    expect(mismatches).toBe(0)
    // A few pixels by hand: the principal point looks at the table 1.30 m away (PROVENANCE), with 0.5 % noise.
    const centre = depth.data[240 * 640 + 320]
    expect(centre).toBeGreaterThan(1.25)
    expect(centre).toBeLessThan(1.35)
    expect(depth.data[240 * 640 + 320]).toBe(Math.fround(raw[240 * 640 + 320] / 1000))
    expect(depth.data[479 * 640]).toBe(Math.fround(raw[479 * 640] / 1000))
    // About 15 % invalid pixels (gt.json: 44809 of 307200), and invalid stays exactly 0.
    const invalid = depth.data.reduce((n: number, z: number) => (z === 0 ? n + 1 : n), 0)
    expect(invalid).toBe(44809)
  })

  it('applies TUM depthScale 5000 (range 1.46–9.33 m, 19 % zeros per PROVENANCE)', () => {
    const depth = decodeDepthPng(
      new Uint8Array(readFileSync(fixture('tum-open3d/TUM_depth.png'))),
      'TUM_depth.png',
      5000,
    )
    let min = Infinity
    let max = 0
    let zeros = 0
    for (const z of depth.data) {
      if (z === 0) zeros++
      else {
        min = Math.min(min, z)
        max = Math.max(max, z)
      }
    }
    expect(min).toBeCloseTo(1.46, 2)
    expect(max).toBeCloseTo(9.33, 2)
    expect(zeros / depth.data.length).toBeCloseTo(0.19, 2)
  })

  it('rejects an 8-bit depth PNG', async () => {
    const eightBit = encode({
      width: 4,
      height: 2,
      data: new Uint8Array(8).fill(100),
      channels: 1,
      depth: 8,
    })
    await expectSourceError(
      () => decodeDepthPng(eightBit, 'vis.png', 1000),
      /vis\.png is 8-bit/,
      /must be 16-bit single-channel/,
    )
  })

  it('rejects a multi-channel 16-bit PNG', async () => {
    const rgb16 = encode({
      width: 2,
      height: 2,
      data: new Uint16Array(12).fill(1000),
      channels: 3,
      depth: 16,
    })
    await expectSourceError(
      () => decodeDepthPng(rgb16, 'rgb16.png', 1000),
      /rgb16\.png has 3 channels/,
      /single-channel/,
    )
  })

  it('rejects a colour PNG given as depth', async () => {
    const colour = new Uint8Array(
      readFileSync(fixture('synthetic-tabletop/scene_320x240_color.png')),
    )
    await expectSourceError(() => decodeDepthPng(colour, 'color.png', 1000), /color\.png is 8-bit/)
  })

  it('rejects corrupt, truncated, empty and non-PNG files', async () => {
    await expectSourceError(
      () => decodeDepthPng(syntheticDepth.subarray(0, 5000), 'cut.png', 1000),
      /depth image cut\.png is not a readable PNG \(corrupt or not a PNG\): the file is truncated/,
    )
    const flipped = syntheticDepth.slice()
    flipped[2000] ^= 0xff // inside IDAT: the CRC check catches it
    await expectSourceError(
      () => decodeDepthPng(flipped, 'flipped.png', 1000),
      /flipped\.png is not a readable PNG/,
    )
    await expectSourceError(
      () => decodeDepthPng(new Uint8Array(0), 'empty.png', 1000),
      /empty\.png is empty/,
    )
    const jpeg = new Uint8Array(readFileSync(fixture('nyu-metric3d/rgb/rgb_00000.jpg')))
    await expectSourceError(
      () => decodeDepthPng(jpeg, 'rgb.jpg', 1000),
      /rgb\.jpg is not a readable PNG/,
    )
  })

  it('rejects depthScale ≤ 0 or not finite', async () => {
    for (const scale of [0, -1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expectSourceError(
        () => decodeDepthPng(syntheticDepth, 'd.png', scale),
        /depthScale for d\.png must be a finite number between/,
      )
    }
  })
})
