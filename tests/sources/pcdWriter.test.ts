import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type PcdCloud, parsePcd } from '../../main/sources/pcd'
import { writePcd } from '../../main/sources/pcdWriter'
import { countFloatMismatches, fixture } from './helpers'

const files = [
  'milk_cartoon_all_small_clorox.pcd',
  'office1.pcd',
  'table_scene_mug_stereo_textured.pcd',
]

function headerOf(file: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(file.subarray(0, 400))
  return text.slice(0, text.indexOf('\nDATA'))
}

function expectSameCloud(actual: PcdCloud, expected: PcdCloud): void {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height])
  expect(countFloatMismatches(actual.pointsInCamera, expected.pointsInCamera)).toBe(0)
  expect(Buffer.from(actual.colors!).equals(Buffer.from(expected.colors!))).toBe(true)
}

describe('writePcd round trips on the real PCL clouds', () => {
  for (const name of files) {
    it(`${name}: ascii, binary and binary_compressed parse back to identical points and colours`, () => {
      const original = parsePcd(
        new Uint8Array(readFileSync(fixture(`pcl-kinect/pcd/${name}`))),
        name,
      )
      for (const format of ['ascii', 'binary', 'binary_compressed'] as const) {
        const written = writePcd(original, format)
        expect(headerOf(written)).toContain('FIELDS x y z rgba')
        expectSameCloud(parsePcd(written, `${name}.${format}`), original)
      }
    })
  }

  it('writes float-packed rgb (PCL PointXYZRGB) that reads back to the same colours', () => {
    const original = parsePcd(
      new Uint8Array(readFileSync(fixture('pcl-kinect/pcd/office1.pcd'))),
      'office1.pcd',
    )
    for (const format of ['ascii', 'binary', 'binary_compressed'] as const) {
      const written = writePcd(original, format, { colorField: 'rgb' })
      expect(headerOf(written)).toMatch(/FIELDS x y z rgb\nSIZE 4 4 4 4\nTYPE F F F F/)
      expectSameCloud(parsePcd(written, `office1.rgb.${format}`), original)
    }
  })

  it('compresses: binary_compressed is smaller than binary', () => {
    const original = parsePcd(
      new Uint8Array(readFileSync(fixture('pcl-kinect/pcd/office1.pcd'))),
      'office1.pcd',
    )
    expect(writePcd(original, 'binary_compressed').length).toBeLessThan(
      writePcd(original, 'binary').length * 0.6,
    )
  })

  it('writes clouds without colour as x y z only', () => {
    const cloud: PcdCloud = {
      width: 2,
      height: 1,
      pointsInCamera: new Float32Array([0.1, 0.2, 0.3, NaN, NaN, NaN]),
      colors: null,
    }
    for (const format of ['ascii', 'binary', 'binary_compressed'] as const) {
      const written = writePcd(cloud, format)
      expect(headerOf(written)).toContain('FIELDS x y z\n')
      const back = parsePcd(written, 'plain.pcd')
      expect(back.colors).toBeNull()
      expect(countFloatMismatches(back.pointsInCamera, cloud.pointsInCamera)).toBe(0)
    }
    expect(new TextDecoder().decode(writePcd(cloud, 'ascii'))).toMatch(
      /DATA ascii\n0\.1 0\.2 0\.3\nnan nan nan\n$/,
    )
  })
})
