import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { RosbridgeSource } from '../../main/live/RosbridgeSource'
import type { SourceEvent } from '../../main/live/FrameSource'
import { decodeColorImage } from '../../main/sources/colorImage'
import { decodeDepthPng } from '../../main/sources/depthImage'
import type { DepthImage, Frame, RgbImage } from '../../main/engine/types'
import { startFakeRosbridge, type FakeRosbridge } from './fakeRosbridge'

const fixture = (p: string) =>
  fileURLToPath(new URL(`../fixtures/pcl-kinect/${p}`, import.meta.url))
const STEM = 'rgbd/frame_20121214T142255.814212'
const COLOR = '/camera/color/image_raw'
const DEPTH = '/camera/depth/image_rect_raw'
const INFO = '/camera/color/camera_info'

async function fixtureImages(): Promise<{ png: Uint8Array; rgb: RgbImage; depth: DepthImage }> {
  const png = new Uint8Array(readFileSync(fixture(`${STEM}_rgb.png`)))
  const rgb = await decodeColorImage(png, 'rgb')
  const depth = decodeDepthPng(
    new Uint8Array(readFileSync(fixture(`${STEM}_depth.png`))),
    'depth',
    1000,
  )
  return { png, rgb, depth }
}

const header = (i: number, offsetNs = 0) => ({
  stamp: { sec: 1700000000 + i, nanosec: 1000 + offsetNs },
  frame_id: 'camera_color_optical_frame',
})
const stampOf = (i: number) => BigInt(1700000000 + i) * 1_000_000_000n + 1000n

function bgrMessage(i: number, rgb: RgbImage) {
  const bgr = Buffer.alloc(rgb.data.length)
  for (let p = 0; p < rgb.data.length; p += 3) {
    bgr[p] = rgb.data[p + 2]
    bgr[p + 1] = rgb.data[p + 1]
    bgr[p + 2] = rgb.data[p]
  }
  return {
    header: header(i),
    height: rgb.height,
    width: rgb.width,
    encoding: 'bgr8',
    is_bigendian: 0,
    step: rgb.width * 3,
    data: bgr.toString('base64'),
  }
}

function depth16Message(i: number, depth: DepthImage) {
  const mm = Buffer.alloc(depth.data.length * 2)
  depth.data.forEach((m, p) => mm.writeUInt16LE(Math.round(m * 1000), p * 2))
  // 2 ms after the colour stamp: inside the default 20 ms pairing tolerance.
  return {
    header: header(i, 2_000_000),
    height: depth.height,
    width: depth.width,
    encoding: '16UC1',
    is_bigendian: 0,
    step: depth.width * 2,
    data: mm.toString('base64'),
  }
}

function depth32Message(i: number, depth: DepthImage) {
  const f = Buffer.from(new Float32Array(depth.data).buffer)
  return {
    header: header(i),
    height: depth.height,
    width: depth.width,
    encoding: '32FC1',
    is_bigendian: 0,
    step: depth.width * 4,
    data: f.toString('base64'),
  }
}

const INFO_MSG = {
  header: header(0),
  width: 640,
  height: 480,
  k: [525, 0, 320, 0, 525, 240, 0, 0, 1],
}

/** Collects events until a frame with `lastStamp` arrives (bounded by the test timeout). */
async function collect(source: RosbridgeSource, lastStamp: bigint): Promise<SourceEvent[]> {
  const events: SourceEvent[] = []
  for await (const e of source) {
    events.push(e)
    if (e.kind === 'frame' && e.frame.timestampNs === lastStamp) break
  }
  return events
}

const frames = (events: SourceEvent[]): Frame[] =>
  events.flatMap((e) => (e.kind === 'frame' ? [e.frame] : []))

let server: FakeRosbridge | null = null
let source: RosbridgeSource | null = null
afterEach(async () => {
  await source?.close()
  await server?.close()
  source = server = null
})

describe('RosbridgeSource against a local rosbridge v2 server', () => {
  it('lists topics, decodes bgr8 + 16UC1 + CameraInfo, pairs them, and reports malformed messages without stopping', async () => {
    const { rgb, depth } = await fixtureImages()
    server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/Image' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
      { name: '/tf', type: 'tf2_msgs/msg/TFMessage' },
    ])
    source = new RosbridgeSource({
      url: server.url,
      colorTopic: COLOR,
      depthTopic: DEPTH,
      infoTopic: INFO,
    })
    const topics = await source.start()
    expect(topics).toContainEqual({ name: '/tf', type: 'tf2_msgs/msg/TFMessage' })
    await server.subscribed([COLOR, DEPTH, INFO])
    const done = collect(source, stampOf(3))
    server.publish(INFO, INFO_MSG)
    for (let i = 0; i < 2; i++) {
      server.publish(COLOR, bgrMessage(i, rgb))
      server.publish(DEPTH, depth16Message(i, depth))
    }
    server.publish(COLOR, { ...bgrMessage(2, rgb), data: 'AAAA' })
    server.publish(DEPTH, { ...depth16Message(2, depth), encoding: 'yuv422' })
    server.publish(INFO, { ...INFO_MSG, k: [1, 2, 3] })
    server.publish(COLOR, bgrMessage(3, rgb))
    server.publish(DEPTH, depth16Message(3, depth))
    const events = await done

    const errors = events.flatMap((e) => (e.kind === 'error' ? [e] : []))
    expect(errors.map((e) => e.topic)).toEqual([COLOR, DEPTH, INFO])
    expect(errors[0].message).toMatch(/data has 3 bytes/)
    expect(errors[1].message).toMatch(/encoding "yuv422" is not supported/)
    expect(errors[2].message).toMatch(/K must be 9 finite numbers/)

    const got = frames(events)
    // Latest-frame-wins: every complete pair was either delivered or counted as dropped.
    expect(got.length + source.droppedFrames()).toBe(3)
    const last = got[got.length - 1]
    expect(last.timestampNs).toBe(stampOf(3))
    expect(last.intrinsics).toEqual({ width: 640, height: 480, fx: 525, fy: 525, cx: 320, cy: 240 })
    expect(last.depthSource).toBe('sensor')
    expect(Buffer.from(last.rgb.data).equals(Buffer.from(rgb.data))).toBe(true)
    let maxError = 0
    depth.data.forEach((m, p) => (maxError = Math.max(maxError, Math.abs(last.depth!.data[p] - m))))
    expect(maxError).toBeLessThan(1e-6)
  }, 20_000)

  it('decodes PNG CompressedImage colour and 32FC1 depth', async () => {
    const { png, rgb, depth } = await fixtureImages()
    server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/CompressedImage' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
    ])
    source = new RosbridgeSource({
      url: server.url,
      colorTopic: COLOR,
      depthTopic: DEPTH,
      infoTopic: INFO,
    })
    await source.start()
    await server.subscribed([COLOR, DEPTH, INFO])
    const done = collect(source, stampOf(0))
    server.publish(INFO, INFO_MSG)
    server.publish(DEPTH, depth32Message(0, depth))
    server.publish(COLOR, {
      header: header(0),
      format: 'png',
      data: Buffer.from(png).toString('base64'),
    })
    const [frame] = frames(await done)
    expect(Buffer.from(frame.rgb.data).equals(Buffer.from(rgb.data))).toBe(true)
    expect(Buffer.from(frame.depth!.data.buffer).equals(Buffer.from(depth.data.buffer))).toBe(true)
  }, 20_000)

  it('reconnects after the bridge drops the connection and subscribes again', async () => {
    const { rgb, depth } = await fixtureImages()
    server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/Image' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
    ])
    source = new RosbridgeSource({
      url: server.url,
      colorTopic: COLOR,
      depthTopic: DEPTH,
      infoTopic: INFO,
      backoffMs: 20,
    })
    await source.start()
    await server.subscribed([COLOR, DEPTH, INFO])
    server.dropClient()
    await new Promise((r) => setTimeout(r, 50))
    await server.subscribed([COLOR, DEPTH, INFO])
    expect(server.connections).toBe(2)
    const done = collect(source, stampOf(1))
    server.publish(INFO, INFO_MSG)
    server.publish(COLOR, bgrMessage(1, rgb))
    server.publish(DEPTH, depth16Message(1, depth))
    const events = await done
    expect(events.some((e) => e.kind === 'status' && /lost the connection/.test(e.message))).toBe(
      true,
    )
    expect(frames(events)).toHaveLength(1)
  }, 20_000)

  it('passes extra topics (TF) through as message events and unsubscribes everything on close', async () => {
    const { rgb, depth } = await fixtureImages()
    server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/Image' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
      { name: '/tf', type: 'tf2_msgs/msg/TFMessage' },
    ])
    source = new RosbridgeSource({
      url: server.url,
      colorTopic: COLOR,
      depthTopic: DEPTH,
      infoTopic: INFO,
      extraTopics: [{ name: '/tf', type: 'tf2_msgs/msg/TFMessage' }],
    })
    await source.start()
    await server.subscribed([COLOR, DEPTH, INFO, '/tf'])
    const tf = {
      transforms: [
        {
          header: header(0),
          child_frame_id: 'tool0',
          transform: {
            translation: { x: 0.1, y: 0, z: 0.5 },
            rotation: { x: 0, y: 0, z: 0, w: 1 },
          },
        },
      ],
    }
    const done = collect(source, stampOf(0))
    server.publish('/tf', tf)
    server.publish(INFO, INFO_MSG)
    server.publish(COLOR, bgrMessage(0, rgb))
    server.publish(DEPTH, depth16Message(0, depth))
    const events = await done
    expect(events.filter((e) => e.kind === 'message')).toEqual([
      { kind: 'message', topic: '/tf', type: 'tf2_msgs/msg/TFMessage', message: tf },
    ])
    await source.close()
    for (let i = 0; i < 100 && server.unsubscribed.length < 4; i++)
      await new Promise((r) => setTimeout(r, 10))
    expect([...server.unsubscribed].sort()).toEqual([COLOR, DEPTH, INFO, '/tf'].sort())
  }, 20_000)

  it('gives up with a clear message when nothing listens, after the bounded retries', async () => {
    source = new RosbridgeSource({
      url: 'ws://127.0.0.1:9',
      colorTopic: COLOR,
      infoTopic: INFO,
      maxReconnects: 2,
      backoffMs: 5,
    })
    await expect(source.start()).rejects.toThrow(
      /cannot reach rosbridge at ws:\/\/127.0.0.1:9 after 3 tries \(connect ECONNREFUSED/,
    )
  }, 20_000)
})
