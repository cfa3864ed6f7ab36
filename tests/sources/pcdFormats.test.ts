import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { type PcdField, loadPcdFrame, parsePcd, pcdToFrame } from '../../main/sources/pcd'
import { expectSourceError, fixture, makeTempDir } from './helpers'
import { buildPcd } from './pcdBuilder'

const temp = makeTempDir()
afterAll(() => temp.cleanup())

const xyzRgba: PcdField[] = [
  { name: 'x', type: 'F', size: 4, count: 1 },
  { name: 'y', type: 'F', size: 4, count: 1 },
  { name: 'z', type: 'F', size: 4, count: 1 },
  { name: 'rgba', type: 'U', size: 4, count: 1 },
]
/** A 2×2 organized cloud on the pinhole fx 100, cx 0.5, fy 200, cy 0.5. */
const grid = [0, 1, 2, 3].map((i) => {
  const u = i % 2
  const v = Math.floor(i / 2)
  const z = 2 + i
  return [((u - 0.5) * z) / 100, ((v - 0.5) * z) / 200, z, 0xff000000 + i * 0x010203]
})

describe('parsePcd formats and fields', () => {
  it('reads any field order, padding, extra fields and every type/size, in all three DATA formats', () => {
    const fields: PcdField[] = [
      { name: 'intensity', type: 'U', size: 2, count: 1 },
      { name: 'z', type: 'F', size: 4, count: 1 },
      { name: '_', type: 'U', size: 1, count: 3 },
      { name: 'rgb', type: 'F', size: 4, count: 1 },
      { name: 'x', type: 'F', size: 8, count: 1 },
      { name: 'normal', type: 'F', size: 4, count: 3 },
      { name: 'y', type: 'I', size: 2, count: 1 },
      { name: 'label', type: 'I', size: 8, count: 1 },
      { name: 'ring', type: 'U', size: 8, count: 1 },
      { name: 'flag', type: 'I', size: 1, count: 1 },
    ]
    const bits = new DataView(new ArrayBuffer(4))
    const floatOfBits = (u: number): number => (
      bits.setUint32(0, u, true),
      bits.getFloat32(0, true)
    )
    const rows = [
      [7, 1.5, 0, 0, 0, floatOfBits(0x00102030), 0.25, 0, 0, 1, -3, -9, 5, -1],
      [8, 2.5, 0, 0, 0, floatOfBits(0x00405060), -0.125, 0, 1, 0, 4, 12, 6, 1],
    ]
    for (const format of ['ascii', 'binary', 'binary_compressed'] as const) {
      const cloud = parsePcd(buildPcd(fields, 2, 1, rows, format), `t.${format}.pcd`)
      expect(Array.from(cloud.pointsInCamera)).toEqual([0.25, -3, 1.5, -0.125, 4, 2.5])
      expect(Array.from(cloud.colors!)).toEqual([0x10, 0x20, 0x30, 0x40, 0x50, 0x60])
    }
  })

  it('reads PCL-style ascii colours (decimal uint32 of the bits, also for float rgb) and nan points', () => {
    const file = new TextEncoder().encode(
      'VERSION .7\nFIELDS rgb x y z\nSIZE 4 4 4 4\nTYPE F F F F\nWIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA ascii\n' +
        '4278255360 1 2 3\n\n4294901760 nan nan nan\n',
    )
    const cloud = parsePcd(file, 'pcl.pcd')
    expect(Array.from(cloud.colors!)).toEqual([0, 255, 0, 255, 0, 0])
    expect(cloud.pointsInCamera[0]).toBe(1)
    expect(Number.isNaN(cloud.pointsInCamera[3])).toBe(true)
  })

  it('marks a point invalid when any coordinate is not finite, and has null colours without a colour field', () => {
    const fields = xyzRgba.slice(0, 3)
    const cloud = parsePcd(
      buildPcd(
        fields,
        2,
        1,
        [
          [1, Number.NaN, 2],
          [1, 2, 3],
        ],
        'binary',
      ),
      'p.pcd',
    )
    expect(Array.from(cloud.pointsInCamera).map((v) => (Number.isNaN(v) ? 'nan' : v))).toEqual([
      'nan',
      'nan',
      'nan',
      1,
      2,
      3,
    ])
    expect(cloud.colors).toBeNull()
  })

  it('pcdToFrame fits the pinhole of a small organized cloud exactly and greys a colourless one', () => {
    const frame = pcdToFrame(
      parsePcd(buildPcd(xyzRgba, 2, 2, grid, 'binary'), 'grid.pcd'),
      'grid.pcd',
    )
    expect(frame.intrinsics.fx).toBeCloseTo(100, 3)
    expect(frame.intrinsics.fy).toBeCloseTo(200, 3)
    expect(frame.intrinsics.cx).toBeCloseTo(0.5, 4)
    expect(frame.intrinsics.cy).toBeCloseTo(0.5, 4)
    expect(Array.from(frame.depth!.data)).toEqual([2, 3, 4, 5])
    expect(Array.from(frame.rgb.data.subarray(3, 6))).toEqual([1, 2, 3])
    const plain = pcdToFrame(
      parsePcd(
        buildPcd(
          xyzRgba.slice(0, 3),
          2,
          2,
          grid.map((r) => r.slice(0, 3)),
          'ascii',
        ),
        'g.pcd',
      ),
      'g.pcd',
    )
    expect(Array.from(plain.rgb.data)).toEqual(new Array(12).fill(128))
  })
})

describe('parsePcd / pcdToFrame bad input', () => {
  it('missing file', async () => {
    await expectSourceError(
      () => loadPcdFrame(`${temp.dir}/missing.pcd`),
      /^file not found: .*missing\.pcd/,
    )
  })

  it('truncated files in every DATA format', async () => {
    const office = new Uint8Array(readFileSync(fixture('pcl-kinect/pcd/office1.pcd')))
    await expectSourceError(
      () => parsePcd(office.subarray(0, office.length >> 1), 'half.pcd'),
      /half\.pcd is truncated/,
    )
    const afterHeader =
      Buffer.from(office).indexOf('DATA binary_compressed\n') + 'DATA binary_compressed\n'.length
    await expectSourceError(
      () => parsePcd(office.subarray(0, afterHeader + 4), 'head.pcd'),
      /head\.pcd is truncated: the point data needs 8 bytes but only 4/,
    )
    await expectSourceError(
      () => parsePcd(office.subarray(0, afterHeader - 10), 'cut.pcd'),
      /cut\.pcd has a bad PCD header: no DATA line/,
    )
    const binary = buildPcd(xyzRgba, 2, 2, grid, 'binary')
    await expectSourceError(
      () => parsePcd(binary.subarray(0, binary.length - 5), 'b.pcd'),
      /b\.pcd is truncated: the point data needs 64 bytes but only 59/,
    )
    const ascii = buildPcd(xyzRgba, 2, 2, grid, 'ascii')
    const cut = new TextDecoder().decode(ascii).split('\n').slice(0, -3).join('\n')
    await expectSourceError(
      () => parsePcd(new TextEncoder().encode(cut), 'a.pcd'),
      /a\.pcd is truncated: its ascii data has 2 points but the header says 4/,
    )
    const shortLine = new TextDecoder().decode(ascii).replace(/\n[^\n]*\n$/, '\n1 2\n')
    await expectSourceError(
      () => parsePcd(new TextEncoder().encode(shortLine), 'l.pcd'),
      /l\.pcd has a short line 4/,
    )
  })

  it('bad headers', async () => {
    const good =
      'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA ascii\n1 2 3\n'
    const bad = async (text: string, pattern: RegExp): Promise<void> => {
      await expectSourceError(
        () => parsePcd(new TextEncoder().encode(text), 'h.pcd'),
        /^h\.pcd has a bad PCD header: /,
        pattern,
      )
    }
    expect(parsePcd(new TextEncoder().encode(good), 'ok.pcd').pointsInCamera[2]).toBe(3)
    await bad('hello world\n', /unexpected line "hello world" \(is this a PCD file\?\)/)
    await bad(good.replace('DATA ascii\n', ''), /no DATA line before the point data \("1 2 3"\)/)
    await bad(
      good.replace('DATA ascii\n1 2 3\n', ''),
      /no DATA line \(the file is truncated or not a PCD file\)/,
    )
    await bad(good.replace('FIELDS x y z\n', ''), /missing FIELDS line/)
    await bad(good.replace('SIZE 4 4 4', 'SIZE 4 4'), /SIZE has 2 entries but FIELDS has 3/)
    await bad(good.replace('TYPE F F F', 'TYPE F X F'), /field y has TYPE "X"/)
    await bad(good.replace('SIZE 4 4 4', 'SIZE 4 3 4'), /field y has SIZE 3/)
    await bad(good.replace('COUNT 1 1 1', 'COUNT 1 0 1'), /field y has COUNT "0"/)
    await bad(good.replace('WIDTH 1', 'WIDTH 0'), /WIDTH must be a whole number ≥ 1/)
    await bad(good.replace('POINTS 1', 'POINTS 5'), /POINTS 5 is not WIDTH × HEIGHT = 1/)
    await bad(
      good.replace('DATA ascii', 'DATA zip'),
      /DATA must be ascii, binary or binary_compressed/,
    )
    const png = new Uint8Array(readFileSync(fixture('tum-open3d/TUM_color.png')))
    await expectSourceError(
      () => parsePcd(png, 'photo.png'),
      /photo\.png has a bad PCD header: unexpected line/,
    )
    await expectSourceError(
      () =>
        parsePcd(
          new TextEncoder().encode(good.replace('FIELDS x y z', 'FIELDS x y depth')),
          'n.pcd',
        ),
      /n\.pcd has no "z" field/,
    )
    await expectSourceError(
      () => parsePcd(new TextEncoder().encode(good.replace('1 2 3', '1 two 3')), 'v.pcd'),
      /v\.pcd has a non-number "two" on data line 1/,
    )
  })

  it('corrupt LZF block and wrong uncompressed size', async () => {
    const file = buildPcd(xyzRgba, 2, 2, grid, 'binary_compressed')
    const dataStart =
      Buffer.from(file).indexOf('DATA binary_compressed\n') + 'DATA binary_compressed\n'.length
    const corrupt = file.slice()
    corrupt.set([0x20, 0x05], dataStart + 8) // a back reference before the start of the output
    await expectSourceError(() => parsePcd(corrupt, 'c.pcd'), /c\.pcd: corrupt LZF data/)
    const wrongSize = file.slice()
    new DataView(wrongSize.buffer).setUint32(dataStart + 4, 1000, true)
    await expectSourceError(
      () => parsePcd(wrongSize, 'w.pcd'),
      /w\.pcd is corrupt: its compressed block says 1000 bytes but the header's fields need 64/,
    )
  })

  it('unorganized cloud', async () => {
    const cloud = parsePcd(buildPcd(xyzRgba, 4, 1, grid, 'binary'), 'flat.pcd')
    await expectSourceError(
      () => pcdToFrame(cloud, 'flat.pcd'),
      /flat\.pcd is an unorganized point cloud \(HEIGHT 1, 4 points\)/,
    )
  })

  it('all-NaN cloud', async () => {
    const nan = grid.map((row) => [Number.NaN, Number.NaN, Number.NaN, row[3]])
    const path = temp.write('nan.pcd', buildPcd(xyzRgba, 2, 2, nan, 'binary_compressed'))
    await expectSourceError(() => loadPcdFrame(path), /nan\.pcd has no finite points/)
  })

  it('points that fit no pinhole (a single valid column)', async () => {
    const oneColumn = grid.map((row, i) =>
      i % 2 === 0 ? row : [Number.NaN, Number.NaN, Number.NaN, row[3]],
    )
    const cloud = parsePcd(buildPcd(xyzRgba, 2, 2, oneColumn, 'binary'), 'col.pcd')
    await expectSourceError(
      () => pcdToFrame(cloud, 'col.pcd'),
      /col\.pcd: cannot recover camera intrinsics/,
    )
  })
})
