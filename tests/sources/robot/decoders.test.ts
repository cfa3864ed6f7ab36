import { describe, expect, it } from 'vitest'
import { decodeRvl, encodeRvl } from '../../../main/sources/robot/rvl'
import { decodeCompressedDepth } from '../../../main/sources/robot/compressedImage'
import { rawToDepth, rawToRgb } from '../../../main/sources/robot/rawImage'
import { intrinsicsForImage, type CameraCalibration } from '../../../main/sources/robot/cameraInfo'
import { TimePairer } from '../../../main/sources/robot/pairByTime'
import { encode as encodePng } from 'fast-png'
import { decodePointCloud2, organizedCloudToImages } from '../../../main/sources/robot/pointCloud2'

describe('RVL', () => {
  // Hand-computed: [0, 0, 5, 7] → zeros 2 (nibble 2), non-zeros 2 (nibble 2), delta 5 → zig-zag 10 → nibbles A 1,
  // delta 2 → zig-zag 4 → nibble 4. Nibbles 2 2 A 1 4, padded: word 0x22A14000, little-endian bytes.
  const bytes = new Uint8Array([0x00, 0x40, 0xa1, 0x22])
  it('decodes hand-encoded bytes', () => {
    expect([...decodeRvl(bytes, 4)]).toEqual([0, 0, 5, 7])
  })
  it('encodes to the same bytes', () => {
    expect([...encodeRvl(Uint16Array.from([0, 0, 5, 7]))]).toEqual([...bytes])
  })
  it('says so when the data ends early', () => {
    expect(() => decodeRvl(bytes, 10)).toThrow(/truncated/)
  })
})

describe('compressedDepth', () => {
  it('32FC1 PNG: quantised inverse depth depth = A / (q − B); q = 0 is no depth', () => {
    // A = 100, B = 10: q = 60 → 100 / 50 = 2 m; q = 110 → 1 m.
    const png = encodePng({
      width: 3,
      height: 1,
      data: Uint16Array.from([60, 110, 0]),
      channels: 1,
      depth: 16,
    })
    const data = new Uint8Array(12 + png.length)
    const view = new DataView(data.buffer)
    view.setInt32(0, 0, true)
    view.setFloat32(4, 100, true)
    view.setFloat32(8, 10, true)
    data.set(png, 12)
    expect([...decodeCompressedDepth('32FC1; compressedDepth png', data).data]).toEqual([2, 1, 0])
  })
  it('refuses a header-only message and an 8-bit encoding', () => {
    expect(() => decodeCompressedDepth('16UC1; compressedDepth', new Uint8Array(5))).toThrow(
      /shorter than its 12-byte header/,
    )
    expect(() => decodeCompressedDepth('mono8; compressedDepth', new Uint8Array(20))).toThrow(
      /not 16UC1 or 32FC1/,
    )
  })
})

describe('raw images', () => {
  it('honours row padding (step) and bgra8 order', () => {
    // 1×2 image, step 8 (4 bytes of padding per row): pixels B G R A.
    const data = Uint8Array.from([3, 2, 1, 255, 9, 9, 9, 9, 6, 5, 4, 255, 9, 9, 9, 9])
    const rgb = rawToRgb({
      width: 1,
      height: 2,
      encoding: 'bgra8',
      step: 8,
      isBigEndian: false,
      data,
    })
    expect([...rgb.data]).toEqual([1, 2, 3, 4, 5, 6])
  })
  it('16UC1 is millimetres; too little data is refused', () => {
    const d = rawToDepth({
      width: 2,
      height: 1,
      encoding: '16UC1',
      step: 4,
      isBigEndian: false,
      data: Uint8Array.from([0xe8, 0x03, 0, 0]),
    })
    expect([...d.data]).toEqual([1, 0])
    expect(() =>
      rawToDepth({
        width: 2,
        height: 2,
        encoding: '16UC1',
        step: 4,
        isBigEndian: false,
        data: new Uint8Array(4),
      }),
    ).toThrow(/truncated/)
  })
})

describe('camera calibration vs image size', () => {
  const cal: CameraCalibration = {
    width: 640,
    height: 480,
    fx: 600,
    fy: 600,
    cx: 319.5,
    cy: 239.5,
    distortionModel: 'plumb_bob',
    distortion: [0, 0, 0, 0, 0],
    frameId: 'cam',
  }
  it('a half-size stream scales K (pixel centres kept: cx = (319.5 + 0.5)/2 − 0.5)', () => {
    const { intrinsics, warnings } = intrinsicsForImage(cal, 320, 240, '/info')
    expect(intrinsics).toEqual({ width: 320, height: 240, fx: 300, fy: 300, cx: 159.5, cy: 119.5 })
    expect(warnings[0]).toMatch(
      /calibration is for 640×480 but the image is 320×240; intrinsics scaled by 0\.5000/,
    )
  })
})

describe('TimePairer', () => {
  it('pairs each colour with the nearest depth within tolerance and counts the unpaired', () => {
    const p = new TimePairer<string, string>(10n)
    const out: string[] = []
    const take = (pairs: { a: { value: string }; b: { value: string } }[]) =>
      pairs.forEach((x) => out.push(`${x.a.value}+${x.b.value}`))
    take(p.pushA({ timeNs: 100n, value: 'c100' }))
    take(p.pushB({ timeNs: 95n, value: 'd95' })) // not settled: a nearer depth may follow
    take(p.pushB({ timeNs: 104n, value: 'd104' }))
    take(p.pushA({ timeNs: 200n, value: 'c200' }))
    take(p.pushB({ timeNs: 250n, value: 'd250' })) // c200 has no depth within 10 → dropped
    take(p.flush())
    expect(out).toEqual(['c100+d104'])
    expect(p.dropped).toBe(3) // d95, c200, d250
  })
})

describe('PointCloud2', () => {
  const fields = [
    { name: 'x', offset: 0, datatype: 7, count: 1 },
    { name: 'y', offset: 4, datatype: 7, count: 1 },
    { name: 'z', offset: 8, datatype: 7, count: 1 },
    { name: 'ring', offset: 12, datatype: 4, count: 1 },
  ]
  const cloud = (height: number, width: number, bytes: number) => ({
    height,
    width,
    fields,
    is_bigendian: false,
    point_step: 14,
    row_step: 14 * width,
    data: new Uint8Array(bytes),
  })
  it('keeps a uint16 extra field and refuses an unorganized cloud as a frame', () => {
    const msg = cloud(1, 2, 28)
    new DataView(msg.data.buffer).setUint16(14 + 12, 7, true)
    const cols = decodePointCloud2(msg)
    expect([...cols.extra.ring]).toEqual([0, 7])
    expect(() => organizedCloudToImages(cols)).toThrow(/unorganized \(2×1\)/)
  })
  it('says so when the data is shorter than width × height points', () => {
    expect(() => decodePointCloud2(cloud(2, 2, 30))).toThrow(/need 56 \(truncated\?\)/)
  })
})
