/**
 * MCAP files written here with @mcap/core from the pcl-kinect RGB-D fixture (no real camera recording exists),
 * read back through the MCAP frame source: CDR Image (rgb8 + 16UC1), CompressedImage (PNG/JPEG), compressedDepth
 * (PNG and RVL), CameraInfo, PointCloud2 with an intensity field, TF, and a ROS 1-encoded variant.
 */
import type { McapIndexedReader } from '@mcap/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { decode as decodePng, encode as encodePng } from 'fast-png'
import { loadRgbdFrame } from '../../../main/sources/rgbdFrame'
import { McapFrameSource } from '../../../main/sources/mcap/mcapFrameSource'
import { openMcap } from '../../../main/sources/mcap/openMcap'
import type { RobotFrame } from '../../../main/sources/robot/frameSource'
import type { Frame } from '../../../main/engine/types'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { robotFramesInScene } from '../../../main/engine/tf/robotFrames'
import { McapBuilder, stamp1, stamp2 } from './mcapBuilder'
import { ROS1, ROS2 } from './rosDefinitions'

const FIX = 'tests/fixtures/pcl-kinect/'
const RGB = FIX + 'rgbd/frame_20121214T142255.814212_rgb.png'
const DEPTH = FIX + 'rgbd/frame_20121214T142255.814212_depth.png'
const W = 640
const H = 480
// tests/fixtures/pcl-kinect/intrinsics.json (from PCL's camera xml).
const K = { fx: 525, fy: 525, cx: 320, cy: 240 }
const T0 = 1_700_000_000_000_000_000n
const PERIOD = 100_000_000n // 10 Hz
const FRAMES = 3

let dir: string
let reference: Frame
let rgbBytes: Uint8Array
let depthMm: Uint16Array

async function collect(
  path: string,
  topics: Parameters<typeof McapFrameSource.open>[1],
): Promise<{ frames: RobotFrame[]; source: McapFrameSource }> {
  const source = await McapFrameSource.open(path, topics)
  const frames: RobotFrame[] = []
  for await (const f of source) frames.push(f)
  await source.close()
  return { frames, source }
}

const header2 = (t: bigint, frameId = 'camera_color_optical_frame') => ({
  stamp: stamp2(t),
  frame_id: frameId,
})
const cameraInfo2 = (t: bigint) => ({
  header: header2(t),
  height: H,
  width: W,
  distortion_model: 'plumb_bob',
  d: [0, 0, 0, 0, 0],
  k: [K.fx, 0, K.cx, 0, K.fy, K.cy, 0, 0, 1],
  r: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  p: [K.fx, 0, K.cx, 0, 0, K.fy, K.cy, 0, 0, 0, 1, 0],
  binning_x: 0,
  binning_y: 0,
  roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
})
const tfMsg = (t: bigint, parent: string, child: string, xyz: number[]) => ({
  transforms: [
    {
      header: header2(t, parent),
      child_frame_id: child,
      transform: {
        translation: { x: xyz[0], y: xyz[1], z: xyz[2] },
        rotation: { x: 0, y: 0, z: 0, w: 1 },
      },
    },
  ],
})

/** compressed_depth_image_transport data: 12-byte ConfigHeader (format, depthQuantA, depthQuantB) + body. */
function compressedDepthData(format: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length)
  const view = new DataView(out.buffer)
  view.setInt32(0, format, true)
  out.set(body, 12)
  return out
}

/** Hand-written RVL encoder, separate from the source's (see rvl.test.ts for a hand-computed byte check). */
function rvlBody(values: Uint16Array): Uint8Array {
  const nibbles: number[] = []
  const vle = (v: number) => {
    do {
      const n = v & 7
      v = Math.floor(v / 8)
      nibbles.push(v > 0 ? n | 8 : n)
    } while (v > 0)
  }
  let i = 0
  let prev = 0
  while (i < values.length) {
    let z = 0
    while (i < values.length && values[i] === 0) {
      z++
      i++
    }
    vle(z)
    let nz = 0
    while (i + nz < values.length && values[i + nz] !== 0) nz++
    vle(nz)
    for (let k = 0; k < nz; k++) {
      const d = values[i] - prev
      vle(d >= 0 ? 2 * d : -2 * d - 1)
      prev = values[i++]
    }
  }
  while (nibbles.length % 8) nibbles.push(0)
  const out = new Uint8Array(8 + nibbles.length / 2)
  const view = new DataView(out.buffer)
  view.setUint32(0, W, true)
  view.setUint32(4, H, true)
  for (let w = 0; w < nibbles.length / 8; w++) {
    let word = 0
    for (let k = 0; k < 8; k++) word = word * 16 + nibbles[w * 8 + k]
    view.setUint32(8 + w * 4, word, true)
  }
  return out
}

/** Organized PointCloud2 from the fixture: x y z (float32), intensity (float32, = u + v), rgb (packed). */
function pointCloud(t: bigint) {
  const step = 20
  const data = new Uint8Array(W * H * step)
  const view = new DataView(data.buffer)
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      const i = v * W + u
      const z = depthMm[i] / 1000
      const o = i * step
      view.setFloat32(o, z > 0 ? ((u - K.cx) * z) / K.fx : NaN, true)
      view.setFloat32(o + 4, z > 0 ? ((v - K.cy) * z) / K.fy : NaN, true)
      view.setFloat32(o + 8, z > 0 ? z : NaN, true)
      view.setFloat32(o + 12, u + v, true)
      view.setUint32(
        o + 16,
        (rgbBytes[i * 3] << 16) | (rgbBytes[i * 3 + 1] << 8) | rgbBytes[i * 3 + 2],
        true,
      )
    }
  }
  const field = (name: string, offset: number, datatype: number) => ({
    name,
    offset,
    datatype,
    count: 1,
  })
  return {
    header: header2(t),
    height: H,
    width: W,
    fields: [
      field('x', 0, 7),
      field('y', 4, 7),
      field('z', 8, 7),
      field('intensity', 12, 7),
      field('rgb', 16, 7),
    ],
    is_bigendian: false,
    point_step: step,
    row_step: step * W,
    data,
    is_dense: false,
  }
}

async function writeRos2(path: string, chunkSize?: number): Promise<void> {
  const b = new McapBuilder(chunkSize)
  await b.start()
  await b.channel('/camera/color/image_raw', 'sensor_msgs/msg/Image', ROS2.image, 'cdr')
  await b.channel(
    '/camera/aligned_depth_to_color/image_raw',
    'sensor_msgs/msg/Image',
    ROS2.image,
    'cdr',
  )
  await b.channel('/camera/color/camera_info', 'sensor_msgs/msg/CameraInfo', ROS2.cameraInfo, 'cdr')
  await b.channel(
    '/camera/color/image_raw/compressed',
    'sensor_msgs/msg/CompressedImage',
    ROS2.compressedImage,
    'cdr',
  )
  await b.channel(
    '/camera/depth/compressedDepth',
    'sensor_msgs/msg/CompressedImage',
    ROS2.compressedImage,
    'cdr',
  )
  await b.channel(
    '/camera/depth/compressedDepthRvl',
    'sensor_msgs/msg/CompressedImage',
    ROS2.compressedImage,
    'cdr',
  )
  await b.channel('/camera/depth/points', 'sensor_msgs/msg/PointCloud2', ROS2.pointCloud2, 'cdr')
  await b.channel('/tf', 'tf2_msgs/msg/TFMessage', ROS2.tfMessage, 'cdr')
  await b.channel('/tf_static', 'tf2_msgs/msg/TFMessage', ROS2.tfMessage, 'cdr')
  const png = encodePng({ width: W, height: H, data: rgbBytes, channels: 3, depth: 8 })
  const depthPng = encodePng({ width: W, height: H, data: depthMm, channels: 1, depth: 16 })
  const rvl = rvlBody(depthMm)
  await b.message('/tf_static', T0, tfMsg(T0, 'base_link', 'camera_color_optical_frame', [0, 0, 1]))
  for (let k = 0; k < FRAMES; k++) {
    const t = T0 + BigInt(k) * PERIOD
    const td = t + 5_000_000n // depth 5 ms after colour: within the 20 ms tolerance
    await b.message('/camera/color/camera_info', t, cameraInfo2(t))
    await b.message('/tf', t, tfMsg(t, 'base_link', 'gripper', [0.1 * k, 0, 1.5]))
    await b.message('/camera/color/image_raw', t, {
      header: header2(t),
      height: H,
      width: W,
      encoding: 'rgb8',
      is_bigendian: 0,
      step: W * 3,
      data: rgbBytes,
    })
    await b.message('/camera/color/image_raw/compressed', t, {
      header: header2(t),
      format: 'png',
      data: png,
    })
    await b.message('/camera/aligned_depth_to_color/image_raw', td, {
      header: header2(td),
      height: H,
      width: W,
      encoding: '16UC1',
      is_bigendian: 0,
      step: W * 2,
      data: new Uint8Array(depthMm.buffer, depthMm.byteOffset, depthMm.byteLength),
    })
    await b.message('/camera/depth/compressedDepth', td, {
      header: header2(td),
      format: '16UC1; compressedDepth png',
      data: compressedDepthData(0, depthPng),
    })
    await b.message('/camera/depth/compressedDepthRvl', td, {
      header: header2(td),
      format: '16UC1; compressedDepth rvl',
      data: compressedDepthData(1, rvl),
    })
    await b.message('/camera/depth/points', t, pointCloud(t))
  }
  writeFileSync(path, await b.end())
}

async function writeRos1(path: string): Promise<void> {
  const b = new McapBuilder()
  await b.start('ros1')
  await b.channel('/camera/rgb/image_color', 'sensor_msgs/Image', ROS1.image, 'ros1')
  await b.channel('/camera/depth_registered/image_raw', 'sensor_msgs/Image', ROS1.image, 'ros1')
  await b.channel('/camera/rgb/camera_info', 'sensor_msgs/CameraInfo', ROS1.cameraInfo, 'ros1')
  // bgr8 colour: the source must swap channels back.
  const bgr = new Uint8Array(rgbBytes.length)
  for (let i = 0; i < bgr.length; i += 3) {
    bgr[i] = rgbBytes[i + 2]
    bgr[i + 1] = rgbBytes[i + 1]
    bgr[i + 2] = rgbBytes[i]
  }
  // 32FC1 depth in metres, big-endian to exercise is_bigendian.
  const depthF = new Uint8Array(W * H * 4)
  const dv = new DataView(depthF.buffer)
  for (let i = 0; i < W * H; i++)
    dv.setFloat32(i * 4, depthMm[i] === 0 ? NaN : depthMm[i] / 1000, false)
  const header = (t: bigint) => ({ seq: 0, stamp: stamp1(t), frame_id: 'camera_rgb_optical_frame' })
  await b.message('/camera/rgb/camera_info', T0, {
    header: header(T0),
    height: H,
    width: W,
    distortion_model: 'plumb_bob',
    D: [0, 0, 0, 0, 0],
    K: [K.fx, 0, K.cx, 0, K.fy, K.cy, 0, 0, 1],
    R: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    P: [K.fx, 0, K.cx, 0, 0, K.fy, K.cy, 0, 0, 0, 1, 0],
    binning_x: 0,
    binning_y: 0,
    roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
  })
  await b.message('/camera/rgb/image_color', T0, {
    header: header(T0),
    height: H,
    width: W,
    encoding: 'bgr8',
    is_bigendian: 0,
    step: W * 3,
    data: bgr,
  })
  await b.message('/camera/depth_registered/image_raw', T0, {
    header: header(T0),
    height: H,
    width: W,
    encoding: '32FC1',
    is_bigendian: 1,
    step: W * 4,
    data: depthF,
  })
  writeFileSync(path, await b.end())
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcap-test-'))
  reference = await loadRgbdFrame({
    rgbPath: RGB,
    depthPath: DEPTH,
    intrinsicsPath: FIX + 'intrinsics.json',
  })
  const raw = await sharp(readFileSync(RGB)).removeAlpha().raw().toBuffer()
  rgbBytes = new Uint8Array(raw)
  depthMm = decodePng(readFileSync(DEPTH)).data as Uint16Array
  await writeRos2(join(dir, 'ros2.mcap'))
  await writeRos1(join(dir, 'ros1.mcap'))
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function expectFixtureDepth(frame: Frame): void {
  expect(frame.depth!.width).toBe(W)
  // Pixel-exact: the fixture loader's metres (mm / 1000 as float32) for every pixel.
  expect(
    Buffer.from(frame.depth!.data.buffer).equals(Buffer.from(reference.depth!.data.buffer)),
  ).toBe(true)
}

describe('ROS 2 CDR recording written from the RGB-D fixture', () => {
  it('rgb8 Image + 16UC1 Image pair by stamp, with CameraInfo intrinsics: the frame equals the fixture', async () => {
    const { frames, source } = await collect(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
    })
    expect(frames).toHaveLength(FRAMES)
    const f = frames[1].frame
    expect(f.timestampNs).toBe(T0 + PERIOD)
    expect(f.intrinsics).toEqual({ width: W, height: H, ...K })
    expect(Buffer.from(f.rgb.data).equals(Buffer.from(reference.rgb.data))).toBe(true)
    expectFixtureDepth(f)
    expect(f.depthSource).toBe('sensor')
    expect(frames[1].cameraFrameId).toBe('camera_color_optical_frame')
    expect(source.frameTopics.cameraInfoTopic).toBe('/camera/color/camera_info')
    expect(source.stats()).toMatchObject({
      framesEmitted: FRAMES,
      framesDropped: 0,
      decodeErrors: 0,
    })
  })

  it('PNG CompressedImage + compressedDepth (PNG and RVL) give the same pixels', async () => {
    for (const depthTopic of [
      '/camera/depth/compressedDepth',
      '/camera/depth/compressedDepthRvl',
    ]) {
      const { frames, source } = await collect(join(dir, 'ros2.mcap'), {
        colorTopic: '/camera/color/image_raw/compressed',
        depthTopic,
      })
      expect(source.stats().decodeErrors).toBe(0)
      expect(frames).toHaveLength(FRAMES)
      expect(Buffer.from(frames[0].frame.rgb.data).equals(Buffer.from(reference.rgb.data))).toBe(
        true,
      )
      expectFixtureDepth(frames[0].frame)
    }
  })

  it('a tolerance tighter than the 5 ms colour–depth offset pairs nothing and counts the drops', async () => {
    const { frames, source } = await collect(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
      pairToleranceNs: 1_000_000n,
    })
    expect(frames).toHaveLength(0)
    expect(source.stats().framesDropped).toBe(2 * FRAMES)
  })

  it('an organized PointCloud2 gives the fixture depth, its colour, and fits the intrinsics; extra fields are kept', async () => {
    const { decodePointCloud2 } = await import('../../../main/sources/robot/pointCloud2')
    const cloud = decodePointCloud2(pointCloud(T0))
    expect(cloud.extra.intensity[5 * W + 7]).toBe(12) // u + v
    const { frames } = await collect(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/depth/points',
      cameraInfoTopic: undefined,
    })
    expect(frames).toHaveLength(FRAMES)
    const f = frames[0].frame
    expect(f.depthSource).toBe('pointcloud')
    expect(Buffer.from(f.rgb.data).equals(Buffer.from(reference.rgb.data))).toBe(true)
    // z was written as float32(mm / 1000): equal to the fixture's metres.
    expectFixtureDepth(f)
    // The cloud's calibration topic is found in the camera namespace and matches its size, so K is used as given.
    expect(f.intrinsics.fx).toBeCloseTo(K.fx, 6)
    expect(f.intrinsics.cx).toBeCloseTo(K.cx, 6)
  })

  it('a PointCloud2 depth topic pairs with a colour Image: depth from the cloud z', async () => {
    const { frames } = await collect(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/depth/points',
    })
    expect(frames).toHaveLength(FRAMES)
    expect(frames[0].frame.depthSource).toBe('pointcloud')
    expectFixtureDepth(frames[0].frame)
  })

  it('TF: the gripper becomes a point in the built scene, moving 10 cm per frame along base x', async () => {
    const { frames, source } = await collect(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
    })
    expect(frames[0].transforms.map((t) => t.childFrameId)).toEqual([
      'camera_color_optical_frame',
      'gripper',
    ])
    const last = frames[FRAMES - 1]
    const scene = buildScene(last.frame)
    expect(scene.objects.length).toBeGreaterThan(0)
    const { points } = robotFramesInScene(
      scene,
      source.tf,
      last.cameraFrameId,
      last.frame.timestampNs,
      ['gripper'],
    )
    // Camera optical frame sits at base (0, 0, 1) with identity rotation; gripper at base (0.2, 0, 1.5).
    expect(points[0].pointInCamera.map((v) => Number(v.toFixed(9)))).toEqual([0.2, 0, 0.5])
  })

  it('seek starts at the first frame at or after the time', async () => {
    const source = await McapFrameSource.open(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
    })
    source.seek(T0 + PERIOD)
    const frames: RobotFrame[] = []
    for await (const f of source) frames.push(f)
    await source.close()
    expect(frames.map((f) => f.frame.timestampNs)).toEqual([T0 + PERIOD, T0 + 2n * PERIOD])
    expect(frames[0].frame.intrinsics.fx).toBe(K.fx) // calibration from before the seek point
  })
})

describe('seeking while iterating', () => {
  it('a seek back mid-stream restarts there, with TF re-read from that point', async () => {
    const source = await McapFrameSource.open(join(dir, 'ros2.mcap'), {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
    })
    const times: bigint[] = []
    for await (const f of source) {
      times.push(f.frame.timestampNs)
      if (times.length === 3) source.seek(T0)
      if (times.length === 5) break
    }
    await source.close()
    expect(times).toEqual([T0, T0 + PERIOD, T0 + 2n * PERIOD, T0, T0 + PERIOD])
    // After the seek only the gripper samples read since T0 are held (2 frames' worth), not the first pass's too.
    expect(source.tf.lookup('base_link', 'gripper', T0 + PERIOD).translationM[0]).toBeCloseTo(
      0.1,
      12,
    )
  })
})

describe('ROS 1-encoded recording (bgr8 + big-endian 32FC1)', () => {
  it('gives the fixture frame', async () => {
    const { frames } = await collect(join(dir, 'ros1.mcap'), {
      colorTopic: '/camera/rgb/image_color',
      depthTopic: '/camera/depth_registered/image_raw',
    })
    expect(frames).toHaveLength(1)
    const f = frames[0].frame
    expect(f.intrinsics).toEqual({ width: W, height: H, ...K })
    expect(Buffer.from(f.rgb.data).equals(Buffer.from(reference.rgb.data))).toBe(true)
    expectFixtureDepth(f)
  })
})

describe('corrupt and truncated files', () => {
  it('a corrupted chunk is reported and skipped; frames in the other chunks still come', async () => {
    const path = join(dir, 'chunked.mcap')
    await writeRos2(path, 64 * 1024) // small chunks: roughly one big message per chunk
    const bytes = readFileSync(path)
    // Flip bytes inside the second chunk that holds colour images (found through the file's own chunk index).
    const { reader, readable } = await openMcap(path)
    const colorId = [...reader.channelsById.values()].find(
      (c) => c.topic === '/camera/color/image_raw',
    )!.id
    const chunk = (reader as McapIndexedReader).chunkIndexes.filter((c) =>
      c.messageIndexOffsets.has(colorId),
    )[1]
    await readable.close()
    const middle = Number(chunk.chunkStartOffset + chunk.chunkLength / 2n)
    for (let i = 0; i < 64; i++) bytes[middle + i] ^= 0xff
    writeFileSync(path, bytes)
    const { frames, source } = await collect(path, {
      colorTopic: '/camera/color/image_raw',
      depthTopic: '/camera/aligned_depth_to_color/image_raw',
    })
    const stats = source.stats()
    expect(stats.decodeErrors).toBeGreaterThan(0)
    expect(stats.lastError).toMatch(/unreadable|CRC|crc/)
    // The colour image in the damaged chunk is lost; the other two frames come.
    expect(frames.map((f) => f.frame.timestampNs)).toEqual([T0, T0 + 2n * PERIOD])
  })

  it('a truncated file is refused with what to do', async () => {
    const path = join(dir, 'truncated.mcap')
    const bytes = readFileSync(join(dir, 'ros1.mcap'))
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    await expect(
      McapFrameSource.open(path, { colorTopic: '/camera/rgb/image_color' }),
    ).rejects.toThrow(/truncated\.mcap cannot be opened as an indexed MCAP .*mcap recover/)
  })
})
