import { describe, expect, it } from 'vitest'
import { encode as encodePng } from 'fast-png'
import { decodeCompressedDepth } from '../../../main/sources/robot/compressedImage'
import { encodeRvl } from '../../../main/sources/robot/rvl'
import {
  expectValueOrClearError,
  firstDifference,
  intBetween,
  mutate,
  pick,
  seeded,
  type Random,
} from '../../helpers/fuzz'

// Seeded properties of compressed_depth_image_transport messages (PNG and RVL bodies after the 12-byte header).

interface Case {
  format: string
  data: Uint8Array
  width: number
  height: number
  values: Uint16Array
}

/** A compressedDepth message of random 16-bit values, as PNG or RVL, 16UC1 (mm) or 32FC1 (quantised). */
function randomMessage(random: Random): Case {
  const width = intBetween(1, 24, random)
  const height = intBetween(1, 16, random)
  const values = Uint16Array.from({ length: width * height }, () =>
    random() < 0.2 ? 0 : intBetween(1, 65535, random),
  )
  const encoding = pick(['16UC1', '32FC1'], random)
  const isRvl = random() < 0.5
  let body: Uint8Array
  if (isRvl) {
    const rvl = encodeRvl(values)
    body = new Uint8Array(8 + rvl.length)
    new DataView(body.buffer).setUint32(0, width, true)
    new DataView(body.buffer).setUint32(4, height, true)
    body.set(rvl, 8)
  } else {
    body = encodePng({ width, height, data: values, channels: 1, depth: 16 })
  }
  const data = new Uint8Array(12 + body.length)
  const header = new DataView(data.buffer)
  header.setInt32(0, isRvl ? 1 : 0, true)
  header.setFloat32(4, 100, true) // depthQuantA
  header.setFloat32(8, 10, true) // depthQuantB
  data.set(body, 12)
  return {
    format: `${encoding}; compressedDepth ${isRvl ? 'rvl' : 'png'}`,
    data,
    width,
    height,
    values,
  }
}

/** Metres as the transport defines them: mm / 1000 for 16UC1, A / (q − B) for 32FC1; 0 = no depth. */
function expectedDepth(c: Case): Float32Array {
  const is16 = c.format.startsWith('16UC1')
  return Float32Array.from(c.values, (v) => {
    if (v === 0) return 0
    const metres = is16 ? v / 1000 : 100 / (v - 10)
    return metres > 0 && Number.isFinite(metres) ? metres : 0
  })
}

describe('compressedDepth properties (seeded)', () => {
  it('PNG and RVL bodies of random values decode to the transport’s metres', () => {
    const random = seeded(71)
    for (let i = 0; i < 200; i++) {
      const c = randomMessage(random)
      const depth = decodeCompressedDepth(c.format, c.data)
      expect([depth.width, depth.height]).toEqual([c.width, c.height])
      expect(firstDifference(depth.data, expectedDepth(c))).toBe(-1)
    }
  })

  it('damaged bytes or formats give a consistent depth image or a compressedDepth/RVL error', () => {
    const random = seeded(72)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 400; i++) {
      const c = randomMessage(random)
      const format =
        random() < 0.15
          ? pick(['', '8UC1; compressedDepth', '16UC1', 'rvl', '32FC1;;'], random)
          : c.format
      const data = mutate(c.data, random)
      outcomes[
        expectValueOrClearError(
          () => decodeCompressedDepth(format, data, 1_000_000),
          (depth) => {
            expect(depth.data.length).toBe(depth.width * depth.height)
            for (const v of depth.data) expect(Number.isFinite(v) && v >= 0).toBe(true)
          },
          Error,
          /^(compressedDepth|RVL) /,
        )
      ]++
    }
    expect(outcomes.error).toBeGreaterThan(100)
    // PNG mutations mostly break its CRC; some bit flips in RVL data still decode.
    expect(outcomes.value).toBeGreaterThan(5)
  })

  it('refuses a declared size over the pixel limit before decoding (RVL and PNG)', () => {
    const rvl = new Uint8Array(12 + 8 + 4)
    const view = new DataView(rvl.buffer)
    view.setInt32(0, 1, true)
    view.setUint32(12, 20000, true)
    view.setUint32(16, 20000, true) // 4e8 pixels declared in a 24-byte message
    expect(() => decodeCompressedDepth('16UC1; compressedDepth rvl', rvl, 1_000_000)).toThrow(
      /declares 20000×20000 pixels, over the limit of 1000000/,
    )
    const png = encodePng({
      width: 2000,
      height: 1000,
      data: new Uint16Array(2e6),
      channels: 1,
      depth: 16,
    })
    const data = new Uint8Array(12 + png.length)
    data.set(png, 12)
    expect(() => decodeCompressedDepth('16UC1; compressedDepth png', data, 1_000_000)).toThrow(
      /PNG declares 2000×1000 pixels/,
    )
  })
})
