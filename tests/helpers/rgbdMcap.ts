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

interface RecordingSink {
  message(topic: string, timeNs: bigint, message: unknown): Promise<void> | void
}

/** Writes `path` with the first `frames` fixture pairs (name order); returns the number written. */
export async function writeRgbdMcap(path: string, frames = 3): Promise<number> {
  const b = new McapBuilder()
  await b.start()
  await b.channel(COLOR_TOPIC, 'sensor_msgs/msg/Image', ROS2.image, 'cdr')
  await b.channel(DEPTH_TOPIC, 'sensor_msgs/msg/Image', ROS2.image, 'cdr')
  await b.channel(INFO_TOPIC, 'sensor_msgs/msg/CameraInfo', ROS2.cameraInfo, 'cdr')
  const written = await writeRgbdMessages(b, frames)
  writeFileSync(path, await b.end())
  return written
}

/** The same recording as a rosbag2 SQLite bag (.db3), written by SQLite itself (sql.js). */
export async function writeRgbdDb3(path: string, frames = 3): Promise<number> {
  const b = new Db3Builder([
    { name: COLOR_TOPIC, type: 'sensor_msgs/msg/Image', definition: ROS2.image },
    { name: DEPTH_TOPIC, type: 'sensor_msgs/msg/Image', definition: ROS2.image },
    { name: INFO_TOPIC, type: 'sensor_msgs/msg/CameraInfo', definition: ROS2.cameraInfo },
  ])
  const written = await writeRgbdMessages(b, frames)
  await b.write(path)
  return written
}

async function writeRgbdMessages(b: RecordingSink, frames: number): Promise<number> {
  const stems = readdirSync(RGBD_DIR)
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .slice(0, frames)
    .map((n) => n.slice(0, -'_rgb.png'.length))
  for (const [k, stem] of stems.entries()) {
    const rgb = decodePng(readFileSync(join(RGBD_DIR, `${stem}_rgb.png`)))
    const depth = decodePng(readFileSync(join(RGBD_DIR, `${stem}_depth.png`)))
    const { width: W, height: H } = rgb
    const rgbBytes = new Uint8Array(W * H * 3)
    for (let i = 0; i < W * H; i++)
      for (let c = 0; c < 3; c++) rgbBytes[i * 3 + c] = rgb.data[i * rgb.channels + c]
    const depthMm = Uint16Array.from(depth.data as Uint16Array)
    const t = T0_NS + BigInt(k) * PERIOD_NS
    const header = { stamp: stamp2(t), frame_id: 'camera_color_optical_frame' }
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
  return stems.length
}
