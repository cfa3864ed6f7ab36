/**
 * loadRecordingTf reads what it needs of a recording (its first bytes to tell the format, then the index and the
 * TF chunks), never the whole file: recordings can be many GB.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { McapWriter, type IWritable } from '@mcap/core'
import { parse } from '@foxglove/rosmsg'
import { MessageWriter } from '@foxglove/rosmsg2-serialization'
import { loadRecordingTf } from '../../../main/sources/robot/recordingTf'
import { applyTransform } from '../../../main/engine/tf/quat'
import { stamp2 } from './mcapBuilder'
import { ROS2 } from './rosDefinitions'

/** Bytes of nothing (a hole in a sparse file) between the MCAP header and its first chunk. */
const HOLE_BYTES = 64n * 1024n ** 3n
const T0 = 1_700_000_000_000_000_000n
const dir = mkdtempSync(join(tmpdir(), 'recording-tf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes at increasing offsets of a file; `skip` leaves a hole (no disk used, zeros when read). */
class HoleyFile implements IWritable {
  private offset = 0n
  constructor(private readonly handle: FileHandle) {}
  position(): bigint {
    return this.offset
  }
  async write(buffer: Uint8Array): Promise<void> {
    await this.handle.write(buffer, 0, buffer.length, Number(this.offset))
    this.offset += BigInt(buffer.length)
  }
  skip(bytes: bigint): void {
    this.offset += bytes
  }
}

const tf = (t: bigint, parent: string, child: string, xyz: [number, number, number]) => ({
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

/** A valid indexed MCAP (header, then 64 GiB of hole, then /tf_static + /tf chunks, summary and footer). */
async function writeHugeTfRecording(path: string): Promise<void> {
  const handle = await open(path, 'w')
  const file = new HoleyFile(handle)
  const writer = new McapWriter({ writable: file })
  await writer.start({ profile: 'ros2', library: 'spatial-lens tests' })
  file.skip(HOLE_BYTES)
  const schemaId = await writer.registerSchema({
    name: 'tf2_msgs/msg/TFMessage',
    encoding: 'ros2msg',
    data: new TextEncoder().encode(ROS2.tfMessage),
  })
  const serialise = new MessageWriter(parse(ROS2.tfMessage, { ros2: true }))
  const channel = async (topic: string) =>
    writer.registerChannel({ topic, schemaId, messageEncoding: 'cdr', metadata: new Map() })
  const [staticId, dynamicId] = [await channel('/tf_static'), await channel('/tf')]
  const t1 = T0 + 1_000_000_000n
  const messages: [number, bigint, object][] = [
    [staticId, T0, tf(T0, 'base_link', 'camera', [0, 0, 1])],
    [dynamicId, T0, tf(T0, 'odom', 'base_link', [2, 0, 0])],
    [dynamicId, t1, tf(t1, 'odom', 'base_link', [4, 0, 0])],
  ]
  for (const [channelId, t, message] of messages)
    await writer.addMessage({
      channelId,
      sequence: 0,
      logTime: t,
      publishTime: t,
      data: serialise.writeMessage(message),
    })
  await writer.end()
  await handle.close()
}

describe('loadRecordingTf on a recording far bigger than memory', () => {
  it('reads the head, index and TF chunks only: a 64 GiB (sparse) MCAP gives its tree at once', async () => {
    const path = join(dir, 'huge.mcap')
    await writeHugeTfRecording(path)
    // Reading it whole would fail (over Node's 2 GiB buffer limit) or stream 64 GiB past the test's timeout.
    expect(BigInt(statSync(path).size)).toBeGreaterThan(HOLE_BYTES)
    const { tree, transformCount, errors } = await loadRecordingTf(path)
    expect(errors).toEqual([])
    expect(transformCount).toBe(3)
    expect(tree.parentOf('camera')).toBe('base_link')
    // At the second /tf message: base_link at x = 4 m in odom, the camera 1 m above it.
    const camera = applyTransform(tree.lookup('odom', 'camera', T0 + 1_000_000_000n), [0, 0, 0])
    expect(camera[0]).toBeCloseTo(4, 9)
    expect(camera[1]).toBeCloseTo(0, 9)
    expect(camera[2]).toBeCloseTo(1, 9)
  })
})
