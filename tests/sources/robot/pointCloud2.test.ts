import { describe, expect, it } from 'vitest'
import { decodePointCloud2 } from '../../../main/sources/robot/pointCloud2'
import {
  expectValueOrClearError,
  firstDifference,
  intBetween,
  pick,
  seeded,
  type Random,
} from '../../helpers/fuzz'

// Seeded properties of sensor_msgs/PointCloud2 decoding: random layouts round-trip; hostile field values (as a
// JSON-encoded channel can carry them) give a clear error, never a crash or points read from the wrong bytes.

/** A cloud of known points: x y z float32, an rgb uint32 and an intensity uint16, with padding. */
function randomCloud(random: Random) {
  const width = intBetween(1, 30, random)
  const height = intBetween(1, 8, random)
  const pointStep = 20 + intBetween(0, 6, random)
  const rowStep = width * pointStep + intBetween(0, 9, random)
  const isBigEndian = random() < 0.3
  const data = new Uint8Array(rowStep * height)
  const view = new DataView(data.buffer)
  const xyz = Float32Array.from({ length: width * height * 3 }, () => (random() - 0.5) * 10)
  const rgb = Uint32Array.from({ length: width * height }, () => intBetween(0, 0xffffff, random))
  const intensity = Uint16Array.from({ length: width * height }, () => intBetween(0, 65535, random))
  for (let i = 0; i < width * height; i++) {
    const at = Math.floor(i / width) * rowStep + (i % width) * pointStep
    for (let a = 0; a < 3; a++) view.setFloat32(at + a * 4, xyz[i * 3 + a], !isBigEndian)
    view.setUint32(at + 12, rgb[i], !isBigEndian)
    view.setUint16(at + 16, intensity[i], !isBigEndian)
  }
  const fields = [
    { name: 'x', offset: 0, datatype: 7, count: 1 },
    { name: 'y', offset: 4, datatype: 7, count: 1 },
    { name: 'z', offset: 8, datatype: 7, count: 1 },
    { name: 'rgb', offset: 12, datatype: 6, count: 1 },
    { name: 'intensity', offset: 16, datatype: 4, count: 1 },
  ]
  const message: Record<string, unknown> = {
    width,
    height,
    point_step: pointStep,
    row_step: rowStep,
    is_bigendian: isBigEndian,
    fields,
    data,
  }
  return { message, xyz, rgb, intensity }
}

const HOSTILE = [0, -1, 1.5, Number.NaN, Infinity, 2 ** 32, 1e9, 3, undefined, '12']

describe('PointCloud2 properties (seeded)', () => {
  it('any layout, padding and byte order decodes to the points written', () => {
    const random = seeded(61)
    for (let i = 0; i < 200; i++) {
      const { message, xyz, rgb, intensity } = randomCloud(random)
      const cloud = decodePointCloud2(message)
      expect(cloud.pointCount).toBe(xyz.length / 3)
      expect(
        firstDifference(
          cloud.x,
          xyz.filter((_, k) => k % 3 === 0),
        ),
      ).toBe(-1)
      expect(
        firstDifference(
          cloud.y,
          xyz.filter((_, k) => k % 3 === 1),
        ),
      ).toBe(-1)
      expect(
        firstDifference(
          cloud.z,
          xyz.filter((_, k) => k % 3 === 2),
        ),
      ).toBe(-1)
      const bytes = Uint8Array.from(
        { length: rgb.length * 3 },
        (_, k) => (rgb[Math.floor(k / 3)] >> (16 - 8 * (k % 3))) & 255,
      )
      expect(firstDifference(cloud.rgb!, bytes)).toBe(-1)
      expect(firstDifference(cloud.extra.intensity, Float64Array.from(intensity))).toBe(-1)
    }
  })

  it('hostile sizes, steps, fields or data: consistent columns or a "PointCloud2 …" error', () => {
    const random = seeded(62)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 500; i++) {
      const { message } = randomCloud(random)
      const target = pick(
        [
          'width',
          'height',
          'point_step',
          'row_step',
          'data',
          'offset',
          'datatype',
          'count',
          'fields',
        ],
        random,
      )
      const fields = (message.fields as Record<string, unknown>[]).map((f) => ({ ...f }))
      message.fields = fields
      if (target === 'data')
        message.data = (message.data as Uint8Array).subarray(
          0,
          intBetween(0, (message.data as Uint8Array).length, random),
        )
      else if (target === 'fields')
        message.fields = pick([undefined, 'x', [], [{}], [null]], random)
      else if (['offset', 'datatype', 'count'].includes(target))
        pick(fields, random)[target] = pick(HOSTILE, random)
      else message[target] = pick(HOSTILE, random)
      outcomes[
        expectValueOrClearError(
          () => decodePointCloud2(message),
          (cloud) => {
            expect(Number.isSafeInteger(cloud.pointCount) && cloud.pointCount > 0).toBe(true)
            expect(cloud.x.length).toBe(cloud.pointCount)
            expect(cloud.pointCount).toBe(cloud.width * cloud.height)
          },
          Error,
          /^PointCloud2 /,
        )
      ]++
    }
    expect(outcomes.error).toBeGreaterThan(100)
    expect(outcomes.value).toBeGreaterThan(20)
  })
})
