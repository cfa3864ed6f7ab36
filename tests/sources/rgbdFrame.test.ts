import { readFileSync } from 'node:fs'
import { encode } from 'fast-png'
import { afterAll, describe, expect, it } from 'vitest'
import type { Frame } from '../../main/engine/types'
import { loadRgbdFrame, loadRgbdFrameFromBytes } from '../../main/sources/rgbdFrame'
import { expectSourceError, fixture, makeTempDir } from './helpers'

const synthetic = {
  rgbPath: fixture('synthetic-tabletop/scene_640x480_color.png'),
  depthPath: fixture('synthetic-tabletop/scene_640x480_depth.png'),
}
const k640 = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 }
const temp = makeTempDir()
const kNoScalePath = temp.write('k640.json', JSON.stringify(k640))
afterAll(() => temp.cleanup())

function depthStats(frame: Frame): { min: number; max: number; validFraction: number } {
  let min = Infinity
  let max = 0
  let valid = 0
  for (const z of frame.depth!.data) {
    if (z > 0) {
      valid++
      min = Math.min(min, z)
      max = Math.max(max, z)
    }
  }
  return { min, max, validFraction: valid / frame.depth!.data.length }
}

describe('loadRgbdFrame on real fixtures', () => {
  it('synthetic tabletop 640×480 (depth in mm, default depthScale 1000)', async () => {
    const frame = await loadRgbdFrame({
      ...synthetic,
      intrinsicsPath: kNoScalePath,
      cameraId: 'table-cam',
    })
    expect(frame.cameraId).toBe('table-cam')
    expect(frame.timestampNs).toBe(0n)
    expect(frame.depthSource).toBe('sensor')
    expect(frame.intrinsics).toEqual(k640)
    expect([frame.rgb.width, frame.rgb.height, frame.rgb.data.length]).toEqual([
      640,
      480,
      640 * 480 * 3,
    ])
    expect([frame.depth!.width, frame.depth!.height]).toEqual([640, 480])
    // gt.json: 44809 of 307200 pixels invalid; the table beyond 3 m is cut.
    expect(frame.depth!.data.reduce((n: number, z: number) => (z === 0 ? n + 1 : n), 0)).toBe(44809)
    expect(depthStats(frame).max).toBeLessThan(3.1)
    expect(frame.sourceDescription).toContain('scene_640x480_color.png')
    expect(frame.sourceDescription).toContain('scene_640x480_depth.png (depthScale 1000)')
    expect(frame.sourceDescription).toContain('k640.json')
  })

  it('TUM: depthScale 5000 from intrinsics.json, range 1.46–9.33 m', async () => {
    const frame = await loadRgbdFrame({
      rgbPath: fixture('tum-open3d/TUM_color.png'),
      depthPath: fixture('tum-open3d/TUM_depth.png'),
      intrinsicsPath: fixture('tum-open3d/intrinsics.json'),
    })
    const { min, max, validFraction } = depthStats(frame)
    expect(min).toBeCloseTo(1.46, 2)
    expect(max).toBeCloseTo(9.33, 2)
    expect(validFraction).toBeCloseTo(0.81, 2)
    expect(frame.sourceDescription).toContain('depthScale 5000')
  })

  it('an explicit depthScale overrides the one in intrinsics.json', async () => {
    const paths = {
      rgbPath: fixture('tum-open3d/TUM_color.png'),
      depthPath: fixture('tum-open3d/TUM_depth.png'),
      intrinsicsPath: fixture('tum-open3d/intrinsics.json'),
    }
    const fromFile = await loadRgbdFrame(paths)
    const explicit = await loadRgbdFrame({ ...paths, depthScale: 1000 })
    const i = fromFile.depth!.data.findIndex((z: number) => z > 0)
    expect(explicit.depth!.data[i]).toBeCloseTo(fromFile.depth!.data[i] * 5, 5)
  })

  it('NYU v2 (JPEG colour, mm depth): 0.7–8.3 m, 25–33 % invalid', async () => {
    const frame = await loadRgbdFrame({
      rgbPath: fixture('nyu-metric3d/rgb/rgb_00000.jpg'),
      depthPath: fixture('nyu-metric3d/depth/sync_depth_00000.png'),
      intrinsicsPath: fixture('nyu-metric3d/intrinsics.json'),
    })
    const { min, max, validFraction } = depthStats(frame)
    expect(min).toBeGreaterThanOrEqual(0.7)
    expect(max).toBeLessThanOrEqual(8.3)
    expect(1 - validFraction).toBeGreaterThan(0.25)
    expect(1 - validFraction).toBeLessThan(0.33)
    expect(frame.intrinsics.fx).toBe(518.8579)
  })

  it('SUN RGB-D 000001: 730×530, 1.05–8.0 m, 62–73 % valid', async () => {
    const frame = await loadRgbdFrame({
      rgbPath: fixture('sunrgbd-mmdet3d/image/000001.jpg'),
      depthPath: fixture('sunrgbd-mmdet3d/depth/000001.png'),
      intrinsicsPath: fixture('sunrgbd-mmdet3d/intrinsics.json'),
    })
    expect([frame.rgb.width, frame.rgb.height, frame.depth!.width, frame.depth!.height]).toEqual([
      730, 530, 730, 530,
    ])
    const { min, max, validFraction } = depthStats(frame)
    expect(min).toBeGreaterThanOrEqual(1.05)
    expect(max).toBeCloseTo(8.0, 5)
    expect(validFraction).toBeGreaterThan(0.62)
    expect(validFraction).toBeLessThan(0.73)
  })

  it('PCL Kinect frame: 0.67–1.73 m', async () => {
    const stem = 'pcl-kinect/rgbd/frame_20121214T142255.814212'
    const frame = await loadRgbdFrame({
      rgbPath: fixture(`${stem}_rgb.png`),
      depthPath: fixture(`${stem}_depth.png`),
      intrinsicsPath: fixture('pcl-kinect/intrinsics.json'),
    })
    const { min, max } = depthStats(frame)
    expect(min).toBeGreaterThanOrEqual(0.67)
    expect(max).toBeLessThanOrEqual(1.73)
    expect(frame.intrinsics).toEqual({
      width: 640,
      height: 480,
      fx: 525,
      fy: 525,
      cx: 320,
      cy: 240,
    })
  })

  it('a colour-only frame has no depth and says its depth must be estimated', async () => {
    const frame = await loadRgbdFrame({ rgbPath: synthetic.rgbPath, intrinsicsPath: kNoScalePath })
    expect(frame.depth).toBeUndefined()
    expect(frame.depthSource).toBe('monocular')
  })
})

describe('loadRgbdFrameFromBytes', () => {
  it('builds the same frame from uploaded bytes, with intrinsics as bytes, text or an object', async () => {
    const rgb = new Uint8Array(readFileSync(synthetic.rgbPath))
    const depth = new Uint8Array(readFileSync(synthetic.depthPath))
    const fromFiles = await loadRgbdFrame({ ...synthetic, intrinsicsPath: kNoScalePath })
    for (const intrinsics of [
      new TextEncoder().encode(JSON.stringify(k640)),
      JSON.stringify(k640),
      k640,
    ]) {
      const frame = await loadRgbdFrameFromBytes({
        rgb,
        rgbName: 'upload.png',
        depth,
        depthName: 'upload-depth.png',
        intrinsics,
        intrinsicsName: 'form',
      })
      expect(frame.intrinsics).toEqual(k640)
      expect(Buffer.from(frame.rgb.data).equals(Buffer.from(fromFiles.rgb.data))).toBe(true)
      expect(
        Buffer.from(frame.depth!.data.buffer).equals(Buffer.from(fromFiles.depth!.data.buffer)),
      ).toBe(true)
      expect(frame.sourceDescription).toContain('upload-depth.png')
    }
  })
})

describe('loadRgbdFrame bad input', () => {
  it('missing files', async () => {
    await expectSourceError(
      () =>
        loadRgbdFrame({
          ...synthetic,
          rgbPath: `${temp.dir}/nope.png`,
          intrinsicsPath: kNoScalePath,
        }),
      /^file not found: .*nope\.png/,
    )
    await expectSourceError(
      () =>
        loadRgbdFrame({
          ...synthetic,
          depthPath: `${temp.dir}/nodepth.png`,
          intrinsicsPath: kNoScalePath,
        }),
      /file not found: .*nodepth\.png/,
    )
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: `${temp.dir}/K.json` }),
      /file not found: .*K\.json/,
    )
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: temp.dir }),
      /is a directory/,
    )
  })

  it('corrupt colour PNG (truncated bytes)', async () => {
    const cut = temp.write('cut.png', readFileSync(synthetic.rgbPath).subarray(0, 20000))
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, rgbPath: cut, intrinsicsPath: kNoScalePath }),
      /cut\.png is not a readable image \(corrupt or unsupported\)/,
    )
  })

  it('corrupt depth PNG (truncated bytes)', async () => {
    const cut = temp.write('cut-depth.png', readFileSync(synthetic.depthPath).subarray(0, 20000))
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, depthPath: cut, intrinsicsPath: kNoScalePath }),
      /depth image .*cut-depth\.png is not a readable PNG/,
    )
  })

  it('8-bit depth PNG', async () => {
    const eightBit = temp.write(
      'depth8.png',
      encode({
        width: 640,
        height: 480,
        data: new Uint8Array(640 * 480).fill(9),
        channels: 1,
        depth: 8,
      }),
    )
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, depthPath: eightBit, intrinsicsPath: kNoScalePath }),
      /depth8\.png is 8-bit; a depth PNG must be 16-bit single-channel/,
    )
  })

  it('depth size ≠ colour size', async () => {
    await expectSourceError(
      () =>
        loadRgbdFrame({
          ...synthetic,
          depthPath: fixture('synthetic-tabletop/scene_320x240_depth.png'),
          intrinsicsPath: kNoScalePath,
        }),
      /depth image .*scene_320x240_depth\.png is 320×240 but colour image .*scene_640x480_color\.png is 640×480/,
      /registered/,
    )
  })

  it('colour size ≠ intrinsics size', async () => {
    await expectSourceError(
      () =>
        loadRgbdFrame({ ...synthetic, intrinsicsPath: fixture('sunrgbd-mmdet3d/intrinsics.json') }),
      /colour image .*scene_640x480_color\.png is 640×480 but intrinsics .*intrinsics\.json are for 730×530/,
    )
  })

  it('all-zero depth', async () => {
    const zeros = temp.write(
      'zeros.png',
      encode({ width: 640, height: 480, data: new Uint16Array(640 * 480), channels: 1, depth: 16 }),
    )
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, depthPath: zeros, intrinsicsPath: kNoScalePath }),
      /depth image .*zeros\.png has no valid pixels/,
    )
  })

  it('bad intrinsics: missing field, ≤ 0, bad JSON', async () => {
    const noFx = temp.write('nofx.json', JSON.stringify({ ...k640, fx: undefined }))
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: noFx }),
      /intrinsics .*nofx\.json: field fx is missing/,
    )
    const zeroFy = temp.write('zerofy.json', JSON.stringify({ ...k640, fy: 0 }))
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: zeroFy }),
      /zerofy\.json: field fy must be > 0/,
    )
    const badScale = temp.write('badscale.json', JSON.stringify({ ...k640, depthScale: -1 }))
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: badScale }),
      /badscale\.json: field depthScale must be > 0/,
    )
    const broken = temp.write('broken.json', '{"width": 640, "height": 480, fx: 525}')
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: broken }),
      /broken\.json is not valid JSON/,
    )
  })

  it('bad explicit depthScale', async () => {
    await expectSourceError(
      () => loadRgbdFrame({ ...synthetic, intrinsicsPath: kNoScalePath, depthScale: 0 }),
      /depthScale for .*scene_640x480_depth\.png must be a finite number between .* \(got 0\)/,
    )
  })
})
