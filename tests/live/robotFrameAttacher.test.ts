/**
 * Robot frames in live and recorded streams: the attacher places TF frames in each scene at the frame's stamp
 * (from /tf messages a live source passes on, or from a recording's own tree), and `spatial-lens watch --mcap`
 * alerts on "the gripper" at the frames where the recorded gripper is near the object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RobotFrameAttacher } from '../../main/live/robotFrameAttacher'
import type { FrameSource } from '../../main/live/FrameSource'
import { runWatchCommand } from '../../main/cli/watchCommand'
import type { Frame, Vec3 } from '../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'
import { PERIOD_NS, RGBD_DIR, T0_NS, writeRgbdMcap } from '../helpers/rgbdMcap'
import { publishRgbdFrame, startFakeRosbridge } from './fakeRosbridge'
import { decode as decodePng } from 'fast-png'

const gt = loadGroundTruth()
const base = { ...sceneFromGroundTruth(gt), timestampNs: 5_000_000_000n }

/** A live source that passes TF on as messages and knows the colour image's frame id. */
const liveSource: FrameSource = {
  description: 'fake live',
  droppedFrames: () => 0,
  close: async () => {},
  cameraFrameId: () => 'cam_optical',
  async *[Symbol.asyncIterator]() {},
}
const frame = {} as Frame

const tfMessage = (sec: number, parent: string, child: string, xyz: Vec3) => ({
  transforms: [
    {
      header: { stamp: { sec, nanosec: 0 }, frame_id: parent },
      child_frame_id: child,
      transform: {
        translation: { x: xyz[0], y: xyz[1], z: xyz[2] },
        rotation: { x: 0, y: 0, z: 0, w: 1 },
      },
    },
  ],
})

/** World point of a camera point, from the ground truth's camera pose: R p + t (independent of the engine). */
function worldOf(p: Vec3): Vec3 {
  const R = gt.camera.R_world_from_camera
  const t = gt.camera.t_world_from_camera
  return [0, 1, 2].map((r) => R[r][0] * p[0] + R[r][1] * p[1] + R[r][2] * p[2] + t[r]) as Vec3
}

describe('RobotFrameAttacher', () => {
  it('places TF from live messages at the frame stamp, interpolated, in the scene world frame', () => {
    const attacher = new RobotFrameAttacher(liveSource)
    expect(attacher.attach(base, frame)).toBe(base) // no TF yet: the scene as it was
    expect(attacher.addMessage('/tf_static', tfMessage(0, 'base', 'cam_optical', [0, 0, 1]))).toBe(
      undefined,
    )
    // tool0 at 4 s and 6 s; the scene is at 5 s, so halfway: (0.2, 0, 1.5) in base → (0.2, 0, 0.5) in the camera.
    attacher.addMessage('/tf', tfMessage(4, 'base', 'tool0', [0.1, 0, 1.4]))
    attacher.addMessage('/tf', tfMessage(6, 'base', 'tool0', [0.3, 0, 1.6]))
    const scene = attacher.attach(base, frame)
    const tool = scene.robotFrames!.points.find((p) => p.frameId === 'tool0')!
    tool.pointInCamera.forEach((v, i) => expect(v).toBeCloseTo([0.2, 0, 0.5][i], 12))
    const expected = worldOf([0.2, 0, 0.5])
    tool.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12))
    expect(base.robotFrames).toBeUndefined() // not mutated
  })

  it('says why frames cannot be placed, and names a message that is not TF', () => {
    const attacher = new RobotFrameAttacher(liveSource, 'tool0')
    expect(attacher.addMessage('/tf', { data: 1 })).toMatch(/^\/tf: .*transforms/)
    attacher.addMessage('/tf', tfMessage(1, 'base', 'tool0', [0, 0, 1]))
    const scene = attacher.attach(base, frame)
    expect(scene.robotFrames).toBeUndefined()
    expect(scene.warnings.join('\n')).toMatch(/camera frame "cam_optical" is not in the TF tree/)
  })
})

describe('spatial-lens watch --mcap with TF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-watch-tf-'))
  const file = join(dir, 'tf.mcap')
  /**
   * The gripper, in base_link (the camera's optical frame sits at (0, 0, 1) in it, no rotation): frames 4–6 at
   * camera point (−0.10, −0.015, 0.835), the centre of the "left grey object" (a box about 37 × 12 × 23 cm that
   * moves by under 2 cm over the three fixture frames), so the gap is 0; the other frames at camera point
   * (0.1, 0, 0.5), about 25 cm from that box.
   */
  const NEAR: [number, number, number] = [-0.1, -0.015, 1.835]
  const isNear = (k: number) => k >= 4 && k <= 6
  beforeAll(async () => {
    await writeRgbdMcap(file, 3, {
      tf: true,
      repeat: 3,
      gripperInBase: (k) => (isNear(k) ? NEAR : [0.1, 0, 1.5]),
    })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('"alert when the gripper is within 5 cm of the left grey object" fires at frame 4 and clears at 7', async () => {
    const csv = join(dir, 'out.csv')
    const lines: string[] = []
    const code = await runWatchCommand(
      [
        '--mcap',
        file,
        '--detector',
        'none',
        '--csv',
        csv,
        'alert when the gripper is within 5 cm of the left grey object',
      ],
      (l) => lines.push(l),
    )
    expect(code).toBe(0)
    const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1)
    const alerts = rows
      .filter((r) => /,alert_(entered|left),/.test(r))
      .map((r) => r.split(',').slice(0, 4))
    expect(alerts).toEqual([
      ['4', String(T0_NS + 4n * PERIOD_NS), expect.any(String), 'alert_entered'],
      ['7', String(T0_NS + 7n * PERIOD_NS), expect.any(String), 'alert_left'],
    ])
    const entered = rows.find((r) => /,alert_entered,/.test(r))!
    expect(Number(entered.split(',')[4])).toBe(0) // inside the box
    expect(entered).toMatch(/measured from the frame's origin/i)
    expect(lines.filter((l) => /ALERT/.test(l))).toEqual([
      expect.stringMatching(/^frame 4: ALERT /),
    ])
  }, 120_000)
})

describe('spatial-lens watch --rosbridge with /tf and /tf_static', () => {
  const COLOR = '/camera/color/image_raw'
  const DEPTH = '/camera/depth/image_rect_raw'
  const INFO = '/camera/color/camera_info'

  it('places the gripper from the TF messages: its distance to the camera is |(0.1, 0, 0.5)| m', async () => {
    const server = await startFakeRosbridge([
      { name: COLOR, type: 'sensor_msgs/msg/Image' },
      { name: DEPTH, type: 'sensor_msgs/msg/Image' },
      { name: INFO, type: 'sensor_msgs/msg/CameraInfo' },
      { name: '/tf', type: 'tf2_msgs/msg/TFMessage' },
      { name: '/tf_static', type: 'tf2_msgs/msg/TFMessage' },
    ])
    const stem = join(RGBD_DIR, 'frame_20121214T142255.814212')
    const rgb = decodePng(readFileSync(`${stem}_rgb.png`))
    const depth = decodePng(readFileSync(`${stem}_depth.png`)).data as Uint16Array
    const rgbBytes = new Uint8Array(640 * 480 * 3)
    for (let i = 0; i < 640 * 480; i++)
      for (let c = 0; c < 3; c++) rgbBytes[i * 3 + c] = rgb.data[i * rgb.channels + c]
    const header = {
      stamp: { sec: 1700000000, nanosec: 0 },
      frame_id: 'camera_color_optical_frame',
    }
    const lines: string[] = []
    try {
      const run = runWatchCommand(
        [
          '--rosbridge',
          server.url,
          '--color-topic',
          COLOR,
          '--depth-topic',
          DEPTH,
          '--info-topic',
          INFO,
          '--detector',
          'none',
          '--max-frames',
          '1',
          'log the distance between the gripper and the camera',
          'alert when the gripper is within 60 cm of the camera',
        ],
        (l) => lines.push(l),
      )
      await server.subscribed([COLOR, DEPTH, INFO, '/tf', '/tf_static'])
      server.publish(
        '/tf_static',
        tfMessage(0, 'base_link', 'camera_color_optical_frame', [0, 0, 1]),
      )
      server.publish('/tf', tfMessage(1700000000, 'base_link', 'gripper', [0.1, 0, 1.5]))
      publishRgbdFrame(
        server,
        { color: COLOR, depth: DEPTH, info: INFO },
        { header, width: 640, height: 480, rgb: rgbBytes, depthMm: depth },
      )
      expect(await run).toBe(0)
    } finally {
      await server.close()
    }
    // One frame: the alert line carries the measured gap (a point to the camera: |(0.1, 0, 0.5)| = 0.5099 m).
    const alert = lines.find((l) => /ALERT/.test(l))
    expect(alert).toMatch(
      /^frame 0: ALERT alert when the gripper is within 60 cm of the camera: .*50\.99 cm/,
    )
  }, 60_000)
})
