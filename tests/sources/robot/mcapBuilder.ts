/** Writes MCAP files for tests with @mcap/core's McapWriter and the ROS serialisers. */
import { McapWriter, TempBuffer } from '@mcap/core'
import { parse } from '@foxglove/rosmsg'
import { MessageWriter as Ros2Writer } from '@foxglove/rosmsg2-serialization'
import { MessageWriter as Ros1Writer } from '@foxglove/rosmsg-serialization'

export type Encoding = 'cdr' | 'ros1' | 'json'

export class McapBuilder {
  readonly buffer = new TempBuffer()
  readonly writer: McapWriter
  private readonly channels = new Map<string, { id: number; write: (m: unknown) => Uint8Array }>()
  private sequence = 0

  constructor(chunkSize = 1024 * 1024) {
    this.writer = new McapWriter({ writable: this.buffer, chunkSize })
  }

  async start(profile = 'ros2'): Promise<void> {
    await this.writer.start({ profile, library: 'spatial-lens tests' })
  }

  /** Registers a topic with a ROS schema (ros2msg for cdr, ros1msg for ros1) or a JSON one. */
  async channel(
    topic: string,
    schemaName: string,
    definition: string,
    encoding: Encoding,
  ): Promise<void> {
    const schemaEncoding =
      encoding === 'cdr' ? 'ros2msg' : encoding === 'ros1' ? 'ros1msg' : 'jsonschema'
    const schemaId = await this.writer.registerSchema({
      name: schemaName,
      encoding: schemaEncoding,
      data: new TextEncoder().encode(definition),
    })
    const id = await this.writer.registerChannel({
      topic,
      schemaId,
      messageEncoding: encoding,
      metadata: new Map(),
    })
    let write: (m: unknown) => Uint8Array
    if (encoding === 'cdr') {
      const w = new Ros2Writer(parse(definition, { ros2: true }))
      write = (m) => w.writeMessage(m)
    } else if (encoding === 'ros1') {
      const w = new Ros1Writer(parse(definition))
      write = (m) => w.writeMessage(m)
    } else {
      write = (m) => new TextEncoder().encode(JSON.stringify(m))
    }
    this.channels.set(topic, { id, write })
  }

  async message(topic: string, logTimeNs: bigint, message: unknown): Promise<void> {
    const c = this.channels.get(topic)!
    await this.writer.addMessage({
      channelId: c.id,
      sequence: this.sequence++,
      logTime: logTimeNs,
      publishTime: logTimeNs,
      data: c.write(message),
    })
  }

  async end(): Promise<Uint8Array> {
    await this.writer.end()
    return this.buffer.get()
  }
}

/** ROS 2 stamp of ns. */
export function stamp2(ns: bigint): { sec: number; nanosec: number } {
  return { sec: Number(ns / 1_000_000_000n), nanosec: Number(ns % 1_000_000_000n) }
}

/** ROS 1 stamp of ns. */
export function stamp1(ns: bigint): { sec: number; nsec: number } {
  return { sec: Number(ns / 1_000_000_000n), nsec: Number(ns % 1_000_000_000n) }
}
