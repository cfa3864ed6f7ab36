import { describe, expect, it } from 'vitest'
import { rawToDepth, rawToRgb, type RawImageFields } from '../../../main/sources/robot/rawImage'
import {
  expectValueOrClearError,
  firstDifference,
  intBetween,
  pick,
  seeded,
  type Random,
} from '../../helpers/fuzz'

// Seeded properties of sensor_msgs/Image decoding: random sizes, row padding and byte order round-trip; hostile
// field values (as a JSON-encoded channel can carry them) give a clear error, never a crash or silent garbage.

/** A 16UC1 image of known millimetres, with random row padding and endianness. */
function depthImage(random: Random): { fields: RawImageFields; mm: Uint16Array } {
  const width = intBetween(1, 40, random)
  const height = intBetween(1, 30, random)
  const step = width * 2 + intBetween(0, 7, random)
  const isBigEndian = random() < 0.5
  const data = new Uint8Array(step * height)
  const view = new DataView(data.buffer)
  const mm = Uint16Array.from({ length: width * height }, () => intBetween(0, 65535, random))
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      view.setUint16(y * step + x * 2, mm[y * width + x], !isBigEndian)
  return { fields: { width, height, encoding: '16UC1', step, isBigEndian, data }, mm }
}

const HOSTILE = [0, -1, 1.5, Number.NaN, Infinity, 2 ** 32, 1e9, 3]

describe('raw image properties (seeded)', () => {
  it('16UC1 with any padding and byte order decodes to millimetres / 1000', () => {
    const random = seeded(51)
    for (let i = 0; i < 200; i++) {
      const { fields, mm } = depthImage(random)
      const depth = rawToDepth(fields)
      expect(depth.data.length).toBe(fields.width * fields.height)
      // Float32 metres of the millimetres: exactly Math.fround(mm / 1000).
      expect(
        firstDifference(
          depth.data,
          Float32Array.from(mm, (value) => value / 1000),
        ),
      ).toBe(-1)
    }
  })

  it('bgr8 / rgba8 / mono8 with padding decode to the same RGB', () => {
    const random = seeded(52)
    for (let i = 0; i < 150; i++) {
      const width = intBetween(1, 20, random)
      const height = intBetween(1, 10, random)
      const rgb = Uint8Array.from({ length: width * height * 3 }, () => intBetween(0, 255, random))
      const encoding = pick(['bgr8', 'rgba8', 'mono8'] as const, random)
      const channels = { bgr8: 3, rgba8: 4, mono8: 1 }[encoding]
      const step = width * channels + intBetween(0, 5, random)
      const data = new Uint8Array(step * height)
      for (let p = 0; p < width * height; p++) {
        const at = Math.floor(p / width) * step + (p % width) * channels
        if (encoding === 'bgr8') data.set([rgb[p * 3 + 2], rgb[p * 3 + 1], rgb[p * 3]], at)
        if (encoding === 'rgba8') data.set([rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2], 255], at)
        if (encoding === 'mono8') data[at] = rgb[p * 3]
      }
      const image = rawToRgb({ width, height, encoding, step, isBigEndian: false, data })
      for (let p = 0; p < width * height; p++) {
        const expected =
          encoding === 'mono8'
            ? [rgb[p * 3], rgb[p * 3], rgb[p * 3]]
            : [...rgb.subarray(p * 3, p * 3 + 3)]
        expect([...image.data.subarray(p * 3, p * 3 + 3)]).toEqual(expected)
      }
    }
  })

  it('hostile width, height, step or data: a consistent image or an "image …" error', () => {
    const random = seeded(53)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 400; i++) {
      const { fields } = depthImage(random)
      const hostile: RawImageFields = {
        ...fields,
        encoding: pick(['16UC1', '32FC1', 'mono16'], random),
      }
      const field = pick(['width', 'height', 'step', 'data'] as const, random)
      if (field === 'data')
        hostile.data = fields.data.subarray(0, intBetween(0, fields.data.length, random))
      else hostile[field] = pick(HOSTILE, random)
      outcomes[
        expectValueOrClearError(
          () => rawToDepth(hostile),
          (depth) => {
            expect(depth.data.length).toBe(depth.width * depth.height)
            expect(Number.isInteger(depth.width) && Number.isInteger(depth.height)).toBe(true)
            for (const v of depth.data) expect(Number.isFinite(v) && v >= 0).toBe(true)
          },
          Error,
          /^image /,
        )
      ]++
    }
    expect(outcomes.error).toBeGreaterThan(100)
    expect(outcomes.value).toBeGreaterThan(10)
  })
})
