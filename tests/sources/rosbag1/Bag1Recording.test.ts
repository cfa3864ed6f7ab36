/**
 * ROS 1 bags through the MCAP-shaped reader, on the real turtlesim session (tests/fixtures/mcap/PROVENANCE.md):
 * topics and counts as PROVENANCE lists them, time-bounded and reverse reads checked against @foxglove/rosbag read
 * directly, decoded messages, and damaged files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Bag } from '@foxglove/rosbag'
import { FileReader } from '@foxglove/rosbag/node.js'
import { listMcapTopics, openMcap } from '../../../main/sources/mcap/openMcap'
import { createMessageDecoder } from '../../../main/sources/robot/messageDecoder'
import { SourceError } from '../../../main/sources/SourceError'

const TURTLES = 'tests/fixtures/mcap/rosbagjs_turtlesim_example.bag'
const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-bag1-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Times (ns) of a topic read by @foxglove/rosbag itself, the independent reference. */
async function referenceTimes(topic: string): Promise<bigint[]> {
  const file = new FileReader(TURTLES)
  const bag = new Bag(file, { parse: false })
  await bag.open()
  const out: bigint[] = []
  for await (const m of bag.messageIterator({ topics: [topic] }))
    out.push(BigInt(m.timestamp.sec) * 1_000_000_000n + BigInt(m.timestamp.nsec))
  await file.close()
  return out
}

describe('the real turtlesim ROS 1 bag', () => {
  it('lists the topics and counts PROVENANCE.md gives', async () => {
    const { reader, readable } = await openMcap(TURTLES)
    const topics = await listMcapTopics(reader)
    await readable.close()
    const byName = Object.fromEntries(topics.map((t) => [t.topic, [t.schemaName, t.messageCount]]))
    expect(byName).toEqual({
      '/rosout': ['rosgraph_msgs/Log', 10],
      '/tf': ['tf/tfMessage', 2688],
      '/tf_static': ['tf2_msgs/TFMessage', 1],
      '/turtle1/cmd_vel': ['geometry_msgs/Twist', 357],
      '/turtle1/color_sensor': ['turtlesim/Color', 1351],
      '/turtle1/pose': ['turtlesim/Pose', 1344],
      '/turtle2/cmd_vel': ['geometry_msgs/Twist', 208],
      '/turtle2/color_sensor': ['turtlesim/Color', 1344],
      '/turtle2/pose': ['turtlesim/Pose', 1344],
    })
  })

  it('reads a time window forwards and backwards as the bag library does, and decodes the messages', async () => {
    const all = await referenceTimes('/turtle1/pose')
    const from = all[200]
    const to = all[260]
    const { reader, readable } = await openMcap(TURTLES)
    const forward: bigint[] = []
    let decoder: ReturnType<typeof createMessageDecoder> | undefined
    const poses: Record<string, unknown>[] = []
    for await (const m of reader.readMessages({
      topics: ['/turtle1/pose'],
      startTime: from,
      endTime: to,
    })) {
      forward.push(m.logTime)
      const channel = reader.channelsById.get(m.channelId)!
      const schema = reader.schemasById.get(channel.schemaId)!
      decoder ??= createMessageDecoder({
        topic: channel.topic,
        name: schema.name,
        encoding: schema.encoding,
        data: schema.data,
        messageEncoding: channel.messageEncoding,
      })
      poses.push(decoder(m.data))
    }
    const backward: bigint[] = []
    for await (const m of reader.readMessages({
      topics: ['/turtle1/pose'],
      endTime: to,
      startTime: from,
      reverse: true,
    }))
      backward.push(m.logTime)
    await readable.close()
    const expected = all.filter((t) => t >= from && t <= to)
    expect(forward).toEqual(expected)
    expect(backward).toEqual([...expected].reverse())
    // turtlesim's world is 11.09 m square.
    for (const pose of poses) {
      expect(pose.x).toBeGreaterThanOrEqual(0)
      expect(pose.x).toBeLessThanOrEqual(11.1)
    }
  })

  it('a damaged bag is refused by name with what to do', async () => {
    const path = join(dir, 'cut.bag')
    writeFileSync(path, readFileSync(TURTLES).subarray(0, 5000))
    await expect(openMcap(path)).rejects.toBeInstanceOf(SourceError)
    await expect(openMcap(path)).rejects.toThrow(
      /cut\.bag is not a readable ROS 1 bag.*rosbag reindex/,
    )
  })
})
