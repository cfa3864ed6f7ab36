import { readFileSync } from 'node:fs'
import { encode } from 'fast-png'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodeColorImage } from '../../main/sources/colorImage'
import { expectSourceError, fixture } from './helpers'

const syntheticPng = new Uint8Array(
  readFileSync(fixture('synthetic-tabletop/scene_640x480_color.png')),
)
const nyuJpeg = new Uint8Array(readFileSync(fixture('nyu-metric3d/rgb/rgb_00000.jpg')))

describe('decodeColorImage', () => {
  it('decodes an 8-bit RGB PNG to interleaved RGB', async () => {
    const image = await decodeColorImage(syntheticPng, 'scene.png')
    expect(image.width).toBe(640)
    expect(image.height).toBe(480)
    expect(image.data).toBeInstanceOf(Uint8Array)
    expect(image.data.length).toBe(640 * 480 * 3)
    // Same pixels as an independent decoder (fast-png) reports.
    const reference = (await import('fast-png')).decode(syntheticPng)
    expect(reference.channels).toBe(3)
    expect(Buffer.from(image.data).equals(Buffer.from(reference.data as Uint8Array))).toBe(true)
  })

  it('decodes JPEG (NYU 640×480, SUN RGB-D 730×530)', async () => {
    const nyu = await decodeColorImage(nyuJpeg, 'rgb_00000.jpg')
    expect([nyu.width, nyu.height, nyu.data.length]).toEqual([640, 480, 640 * 480 * 3])
    const sun = await decodeColorImage(
      new Uint8Array(readFileSync(fixture('sunrgbd-mmdet3d/image/000001.jpg'))),
      '000001.jpg',
    )
    expect([sun.width, sun.height, sun.data.length]).toEqual([730, 530, 730 * 530 * 3])
  })

  it('expands greyscale to three equal channels', async () => {
    const grey = encode({
      width: 3,
      height: 2,
      data: new Uint8Array([0, 50, 100, 150, 200, 255]),
      channels: 1,
      depth: 8,
    })
    const image = await decodeColorImage(grey, 'grey.png')
    expect(Array.from(image.data)).toEqual([
      0, 0, 0, 50, 50, 50, 100, 100, 100, 150, 150, 150, 200, 200, 200, 255, 255, 255,
    ])
  })

  it('drops alpha', async () => {
    const rgba = encode({
      width: 2,
      height: 1,
      data: new Uint8Array([10, 20, 30, 0, 40, 50, 60, 255]),
      channels: 4,
      depth: 8,
    })
    const image = await decodeColorImage(rgba, 'alpha.png')
    expect(Array.from(image.data)).toEqual([10, 20, 30, 40, 50, 60])
  })

  it('reduces 16-bit colour to 8 bits', async () => {
    const deep = await sharp(Buffer.from([255, 0, 128, 0, 0, 255]), {
      raw: { width: 2, height: 1, channels: 3 },
    })
      .toColourspace('rgb16')
      .png()
      .toBuffer()
    const image = await decodeColorImage(new Uint8Array(deep), 'deep.png')
    expect(Array.from(image.data)).toEqual([255, 0, 128, 0, 0, 255])
  })

  it('rejects empty, truncated and non-image bytes with a SourceError', async () => {
    await expectSourceError(
      () => decodeColorImage(new Uint8Array(0), 'empty.png'),
      /empty\.png is not a readable image/,
      /empty/,
    )
    await expectSourceError(
      () => decodeColorImage(syntheticPng.subarray(0, syntheticPng.length >> 1), 'half.png'),
      /half\.png is not a readable image \(corrupt or unsupported\)/,
    )
    await expectSourceError(
      () => decodeColorImage(nyuJpeg.subarray(0, nyuJpeg.length >> 1), 'half.jpg'),
      /half\.jpg is not a readable image \(corrupt or unsupported\)/,
    )
    await expectSourceError(
      () => decodeColorImage(new TextEncoder().encode('hello, not an image'), 'notes.txt'),
      /notes\.txt is not a readable image/,
    )
  })
})
