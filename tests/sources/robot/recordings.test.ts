/**
 * The real public recordings in tests/fixtures/mcap (see its PROVENANCE.md): each opens or gets a clear message,
 * TF trees build, and the Foxglove camera file gives frames.
 */
import { describe, expect, it } from 'vitest'
import { Bag } from '@foxglove/rosbag'
import { FileReader } from '@foxglove/rosbag/node'
import { loadDecompressHandlers } from '@mcap/support'
import { loadRecordingTf } from '../../../main/sources/robot/recordingTf'
import { listMcapTopics, openMcap } from '../../../main/sources/mcap/openMcap'
import { McapFrameSource } from '../../../main/sources/mcap/mcapFrameSource'
import { applyTransform } from '../../../main/engine/tf/quat'

const DIR = 'tests/fixtures/mcap/'

/** Independent reference: p_parent = R(q)·p + t with R written out from the quaternion formula. */
function applyRaw(
  t: { translation: Record<string, number>; rotation: Record<string, number> },
  p: number[],
): number[] {
  const { x, y, z, w } = t.rotation
  const R = [
    [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
    [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
    [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
  ]
  const tr = [t.translation.x, t.translation.y, t.translation.z]
  return R.map((row, i) => row[0] * p[0] + row[1] * p[1] + row[2] * p[2] + tr[i])
}

interface RawTf {
  header: { stamp: { sec: number; nsec: number }; frame_id: string }
  child_frame_id: string
  transform: { translation: Record<string, number>; rotation: Record<string, number> }
}

/** All TF messages of a bag, parsed by @foxglove/rosbag itself (not by the code under test). */
async function rawBagTf(path: string): Promise<{ topic: string; transforms: RawTf[] }[]> {
  const h = await loadDecompressHandlers()
  const file = new FileReader(path)
  const bag = new Bag(file, { decompress: { lz4: (b, s) => h.lz4(b, BigInt(s)) }, parse: true })
  await bag.open()
  const out: { topic: string; transforms: RawTf[] }[] = []
  for await (const e of bag.messageIterator({ topics: ['/tf', '/tf_static'] })) {
    out.push({ topic: e.topic, transforms: (e.message as { transforms: RawTf[] }).transforms })
  }
  await file.close()
  return out
}

describe('ROS 2 talker MCAP', () => {
  it('opens with the indexed reader and lists its topics with types, counts and rates', async () => {
    const { reader, readable } = await openMcap(DIR + 'rosbag2_talker.mcap')
    const topics = await listMcapTopics(reader)
    await readable.close()
    const topic = topics.find((t) => t.topic === '/topic')!
    expect(topic).toMatchObject({
      schemaName: 'std_msgs/msg/String',
      schemaEncoding: 'ros2msg',
      messageEncoding: 'cdr',
      messageCount: 10,
    })
    // PROVENANCE: 10 messages over 4.531 s → 9 intervals / 4.531 s ≈ 1.99 Hz.
    expect(topic.rateHz).toBeCloseTo(9 / 4.531, 2)
    const empty = topics.find((t) => t.topic === '/parameter_events')!
    expect(empty.messageCount).toBe(0)
    expect(empty.rateHz).toBeUndefined()
  })

  it('a missing camera topic is refused with the list of topics', async () => {
    await expect(
      McapFrameSource.open(DIR + 'rosbag2_talker.mcap', { colorTopic: '/camera/color/image_raw' }),
    ).rejects.toThrow(
      /no colour topic "\/camera\/color\/image_raw"; its topics: .*\/topic \(std_msgs\/msg\/String, 10 msgs\)/,
    )
  })
})

describe('TF-only recordings', () => {
  it('ROS 1 evo bag (lz4 chunks): tree odom → base_footprint → base_link, poses match the raw messages', async () => {
    const { tree, transformCount, errors } = await loadRecordingTf(DIR + 'evo_tf_example.bag')
    expect(errors).toEqual([])
    expect(transformCount).toBe(518) // PROVENANCE: 517 /tf + 1 /tf_static
    expect(tree.parentOf('base_link')).toBe('base_footprint')
    expect(tree.parentOf('base_footprint')).toBe('odom')
    const raw = await rawBagTf(DIR + 'evo_tf_example.bag')
    const staticTf = raw.find((m) => m.topic === '/tf_static')!.transforms[0]
    const sample = raw.filter((m) => m.topic === '/tf')[200].transforms[0]
    const timeNs =
      BigInt(sample.header.stamp.sec) * 1_000_000_000n + BigInt(sample.header.stamp.nsec)
    const point = [0.3, -0.2, 0.5]
    const expected = applyRaw(sample.transform, applyRaw(staticTf.transform, point))
    const got = applyTransform(
      tree.lookup('odom', 'base_link', timeNs),
      point as [number, number, number],
    )
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9))
  })

  it('ROS 1 turtlesim bag with legacy tf/tfMessage on two connections builds the turtles tree', async () => {
    const { tree, transformCount, errors } = await loadRecordingTf(
      DIR + 'rosbagjs_turtlesim_example.bag',
    )
    expect(errors).toEqual([])
    expect(transformCount).toBe(1344 + 1344 + 1)
    expect(tree.parentOf('turtle1')).toBe('world')
    expect(tree.parentOf('turtle2')).toBe('world')
    const raw = await rawBagTf(DIR + 'rosbagjs_turtlesim_example.bag')
    const t1 = raw.filter(
      (m) => m.topic === '/tf' && m.transforms[0].child_frame_id === 'turtle1',
    )[500].transforms[0]
    const timeNs = BigInt(t1.header.stamp.sec) * 1_000_000_000n + BigInt(t1.header.stamp.nsec)
    const got = applyTransform(tree.lookup('world', 'turtle1', timeNs), [0, 0, 0])
    expect(got[0]).toBeCloseTo(t1.transform.translation.x, 9)
    expect(got[1]).toBeCloseTo(t1.transform.translation.y, 9)
  })
})

describe('Foxglove JSON camera file', () => {
  it('gives 10 colour frames at the header stamp, with intrinsics and the calibration size mismatch stated', async () => {
    const source = await McapFrameSource.open(DIR + 'lichtblick_custom-camera-model.mcap', {
      colorTopic: '/image/compressed',
    })
    const frames = []
    for await (const f of source) frames.push(f)
    await source.close()
    expect(frames).toHaveLength(10)
    const f = frames[0]
    // PROVENANCE: JPEG 520×360; calibration 640×480 with K=[800,0,320,0,800,240,0,0,1]; header stamp 1747930377 s.
    expect([f.frame.rgb.width, f.frame.rgb.height]).toEqual([520, 360])
    expect(f.frame.timestampNs / 1_000_000_000n).toBe(1747930377n)
    expect(f.frame.intrinsics.fx).toBeCloseTo(800 * (520 / 640), 9)
    expect(f.frame.intrinsics.fy).toBeCloseTo(800 * (360 / 480), 9)
    expect(f.warnings.join(' ')).toMatch(
      /calibration is for 640×480 but the image is 520×360, a different aspect ratio/,
    )
    expect(f.frame.depth).toBeUndefined()
    expect(source.stats()).toMatchObject({ framesEmitted: 10, decodeErrors: 0 })
  })

  it('the CylinderCameraModel calibration topic is passed through with a warning', async () => {
    const source = await McapFrameSource.open(DIR + 'lichtblick_custom-camera-model.mcap', {
      colorTopic: '/image/compressed',
      cameraInfoTopic: '/camera_calibration/custom',
    })
    const first = (await source[Symbol.asyncIterator]().next()).value!
    await source.close()
    expect(first.warnings.join(' ')).toMatch(/unknown distortion model "CylinderCameraModel"/)
  })
})
