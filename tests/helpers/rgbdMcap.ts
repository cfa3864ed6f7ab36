/**
 * Writes a small ROS 2 MCAP from the pcl-kinect RGB-D fixture frames (rgb8 Image, 16UC1 depth in mm, CameraInfo
 * with the fixture's intrinsics fx=fy=525, cx=320, cy=240), one frame per 100 ms, for the watch/synth MCAP tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decode as decodePng } from 'fast-png'
import { McapBuilder, stamp2 } from '../sources/robot/mcapBuilder'
import { ROS2 } from '../sources/robot/rosDefinitions'
import { Db3Builder } from '../sources/rosbag2/db3Builder'

export const RGBD_DIR = fileURLToPath(new URL('../fixtures/pcl-kinect/rgbd/', import.meta.url))
export const COLOR_TOPIC = '/camera/color/image_raw'
export const DEPTH_TOPIC = '/camera/aligned_depth_to_color/image_raw'
export const INFO_TOPIC = '/camera/color/camera_info'
export const T0_NS = 1_700_000_000_000_000_000n
export const PERIOD_NS = 100_000_000n

/** The camera's TF frame (header.frame_id of the images). */
export const CAMERA_FRAME = 'camera_color_optical_frame'

export interface RgbdMcapOptions {
  /** The fixture pairs again and again: `repeat` × `frames` frames in all (default 1). */
  repeat?: number
  /**
   * Also TF: /tf_static base_link → camera_color_optical_frame at (0, 0, 1) m, and per frame /tf
   * base_link → gripper at (0.1, 0, 1.5) m, both without rotation.
   */
  tf?: boolean
  /** With `tf`: the gripper's place in base_link for frame k (0-based), metres; default (0.1, 0, 1.5) always. */
  gripperInBase?: (frameIndex: number) => [number, number, number]
}

const tfMessage = (t: bigint, parent: string, child: string, xyz: number[]) => ({
  transforms: [
    {
      header: { stamp: stamp2(t), frame_id: parent },
      child_frame_id: child,
      transform: {
        translation: { x: xyz[0], y: xyz[1], z: xyz[2] },
        rotation: { x: 0, y: 0, z: 0, w: 1 },
      },
    },
  ],
})

/** Writes `path` with the first `frames` fixture pairs (name order); returns the number written. */
export async function writeRgbdMcap(
  path: string,
  frames = 3,
  options: RgbdMcapOptions = {},
): Promise<number> {
  const pairs = readdirSync(RGBD_DIR)
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .slice(0, frames)
    .map((n) => n.slice(0, -'_rgb.png'.length))
  const stems = Array.from({ length: options.repeat ?? 1 }, () => pairs).flat()
  const b = new McapBuilder()
  await b.start()
  await b.channel(COLOR_TOPIC, 'sensor_msgs/msg/Image', ROS2.image, 'cdr')
  await b.channel(DEPTH_TOPIC, 'sensor_msgs/msg/Image', ROS2.image, 'cdr')
  await b.channel(INFO_TOPIC, 'sensor_msgs/msg/CameraInfo', ROS2.cameraInfo, 'cdr')
  if (options.tf) {
    await b.channel('/tf', 'tf2_msgs/msg/TFMessage', ROS2.tfMessage, 'cdr')
    await b.channel('/tf_static', 'tf2_msgs/msg/TFMessage', ROS2.tfMessage, 'cdr')
  }
  await writeRgbdMessages(b, stems, options)
  writeFileSync(path, await b.end())
  return stems.length
}

/** The same recording (without TF) as a rosbag2 SQLite bag (.db3), written by SQLite itself (sql.js). */
export async function writeRgbdDb3(path: string, frames = 3): Promise<number> {
  const stems = readdirSync(RGBD_DIR)
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .slice(0, frames)
    .map((n) => n.slice(0, -'_rgb.png'.length))
  const b = new Db3Builder([
    { name: COLOR_TOPIC, type: 'sensor_msgs/msg/Image', definition: ROS2.image },
    { name: DEPTH_TOPIC, type: 'sensor_msgs/msg/Image', definition: ROS2.image },
    { name: INFO_TOPIC, type: 'sensor_msgs/msg/CameraInfo', definition: ROS2.cameraInfo },
  ])
  await writeRgbdMessages(b, stems, {})
  await b.write(path)
  return stems.length
}

interface RecordingSink {
  message(topic: string, timeNs: bigint, message: unknown): Promise<void> | void
}

async function writeRgbdMessages(
  b: RecordingSink,
  stems: string[],
  options: RgbdMcapOptions,
): Promise<void> {
  if (options.tf)
    await b.message('/tf_static', T0_NS, tfMessage(T0_NS, 'base_link', CAMERA_FRAME, [0, 0, 1]))
  for (const [k, stem] of stems.entries()) {
    const rgb = decodePng(readFileSync(join(RGBD_DIR, `${stem}_rgb.png`)))
    const depth = decodePng(readFileSync(join(RGBD_DIR, `${stem}_depth.png`)))
    const { width: W, height: H } = rgb
    const rgbBytes = new Uint8Array(W * H * 3)
    for (let i = 0; i < W * H; i++)
      for (let c = 0; c < 3; c++) rgbBytes[i * 3 + c] = rgb.data[i * rgb.channels + c]
    const depthMm = Uint16Array.from(depth.data as Uint16Array)
    const t = T0_NS + BigInt(k) * PERIOD_NS
    const header = { stamp: stamp2(t), frame_id: CAMERA_FRAME }
    const gripper = options.gripperInBase?.(k) ?? [0.1, 0, 1.5]
    if (options.tf) await b.message('/tf', t, tfMessage(t, 'base_link', 'gripper', gripper))
    await b.message(INFO_TOPIC, t, {
      header,
      height: H,
      width: W,
      distortion_model: 'plumb_bob',
      d: [0, 0, 0, 0, 0],
      k: [525, 0, 320, 0, 525, 240, 0, 0, 1],
      r: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      p: [525, 0, 320, 0, 0, 525, 240, 0, 0, 0, 1, 0],
      binning_x: 0,
      binning_y: 0,
      roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
    })
    await b.message(COLOR_TOPIC, t, {
      header,
      height: H,
      width: W,
      encoding: 'rgb8',
      is_bigendian: 0,
      step: W * 3,
      data: rgbBytes,
    })
    await b.message(DEPTH_TOPIC, t, {
      header,
      height: H,
      width: W,
      encoding: '16UC1',
      is_bigendian: 0,
      step: W * 2,
      data: new Uint8Array(depthMm.buffer, depthMm.byteOffset, depthMm.byteLength),
    })
  }
}
