/**
 * A live ROS 2 source through rosbridge, driven through the service's `source:*` channels: a local
 * rosbridge v2 server (tests/live/fakeRosbridge) lists topics, the app picks them, and images, camera
 * info and /tf published there become processed frames with TF frames in the scene.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SpatialService } from '../../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../../main/workers/sceneExecutor'
import { MeasurementLog } from '../../../main/measurements/MeasurementLog'
import { SettingsStore } from '../../../main/settings/SettingsStore'
import { decodeColorImage } from '../../../main/sources/colorImage'
import type { SourceFrameEvent, SourceSession } from '../../../main/contract/sourceSchema'
import { publishRgbdFrame, startFakeRosbridge } from '../../live/fakeRosbridge'

const STEM = fileURLToPath(
  new URL('../../fixtures/pcl-kinect/rgbd/frame_20121214T142255.814212', import.meta.url),
)
const COLOR = '/camera/color/image_raw'
const DEPTH = '/camera/depth/image_rect_raw'
const INFO = '/camera/color/camera_info'
const header = { stamp: { sec: 1700000000, nanosec: 1000 }, frame_id: 'camera_color_optical_frame' }
const dir = mkdtempSync(join(tmpdir(), 'sl-rosbridge-session-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('source:open with a rosbridge URL', () => {
  it('lists the live topics, streams the chosen ones into frames, and places TF frames', async () => {
    const server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/Image' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
      { name: '/tf', type: 'tf2_msgs/msg/TFMessage' },
      { name: '/chatter', type: 'std_msgs/msg/String' },
    ])
    const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
      log: new MeasurementLog({ path: join(dir, 'log.jsonl') }),
      settings: new SettingsStore({ directory: join(dir, 'home') }),
    })
    const frames: SourceFrameEvent[] = []
    service.subscribe((event, payload) => {
      if (event === 'source:frame') frames.push(payload as SourceFrameEvent)
    })
    try {
      const opened = await service.handle('source:open', { kind: 'rosbridge', url: server.url })
      if (!opened.ok) throw new Error(opened.error.message)
      const session = opened.value as SourceSession
      expect(session.kind).toBe('rosbridge')
      expect(session.timeRange).toBeUndefined()
      expect(session.topics.map((t) => [t.name, t.role])).toEqual([
        [COLOR, 'color'],
        [DEPTH, 'depth'],
        [INFO, 'cameraInfo'],
        ['/tf', 'tf'],
        ['/chatter', 'other'],
      ])
      // Live topics have no counts or rates (rosapi gives names and types only).
      expect(session.topics[0].messageCount).toBeUndefined()
      expect(session.guess).toEqual({ colorTopic: COLOR, depthTopic: DEPTH, cameraInfoTopic: INFO })

      const selected = await service.handle('source:select', {
        sessionId: session.sessionId,
        topics: { colorTopic: COLOR, depthTopic: DEPTH, cameraInfoTopic: INFO },
        perception: { detector: 'none' },
      })
      expect(selected.ok).toBe(true)
      await server.subscribed([COLOR, DEPTH, INFO, '/tf'])
      // Recordings only: a live source refuses seeking with a message.
      const seek = await service.handle('source:seek', {
        sessionId: session.sessionId,
        timeNs: '0',
      })
      expect(seek).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/recording/) },
      })

      const rgb = await decodeColorImage(new Uint8Array(readFileSync(`${STEM}_rgb.png`)), 'rgb')
      const depthPng = readFileSync(`${STEM}_depth.png`)
      const { decode } = await import('fast-png')
      const depth = decode(depthPng).data as Uint16Array
      server.publish('/tf', {
        transforms: [
          {
            header: { ...header, frame_id: 'base_link' },
            child_frame_id: 'camera_color_optical_frame',
            transform: { translation: { x: 0, y: 0, z: 1 }, rotation: { x: 0, y: 0, z: 0, w: 1 } },
          },
        ],
      })
      publishRgbdFrame(
        server,
        { color: COLOR, depth: DEPTH, info: INFO },
        { header, width: 640, height: 480, rgb: rgb.data, depthMm: depth },
      )
      await expect.poll(() => frames.length, { timeout: 60_000 }).toBeGreaterThan(0)
      const frame = frames[0]
      expect(frame.timeNs).toBe(`${1700000000n * 1_000_000_000n + 1000n}`)
      expect(frame.summary.intrinsics.fx).toBe(525)
      // base_link is 1 m behind the camera's z axis: its origin is (0, 0, −1) in the camera.
      const base = frame.tfFrames.find((f) => f.frameId === 'base_link')!
      const w = frame.summary.worldFromCamera
      const expected = [0, 1, 2].map((r) => -w[8 + r] + w[12 + r])
      expected.forEach((v, i) => expect(base.originInWorld[i]).toBeCloseTo(v, 6))

      const closed = await service.handle('source:close', { sessionId: session.sessionId })
      expect(closed).toEqual({ ok: true, value: { isClosed: true } })
      await expect
        .poll(() => [...server.unsubscribed].sort())
        .toEqual([COLOR, DEPTH, INFO, '/tf'].sort())
    } finally {
      await service.dispose()
      await server.close()
    }
  })

  it('says what to do when nothing answers at the URL', async () => {
    const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
      log: new MeasurementLog({ path: join(dir, 'log2.jsonl') }),
      settings: new SettingsStore({ directory: join(dir, 'home') }),
    })
    const result = await service.handle('source:open', {
      kind: 'rosbridge',
      url: 'ws://127.0.0.1:9',
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /cannot reach rosbridge at ws:\/\/127\.0\.0\.1:9.*rosbridge_server/,
        ),
      },
    })
    await service.dispose()
  })
})
