/**
 * A ROS 1 bag (v2.0; uncompressed, lz4 or bz2 chunks) read with @foxglove/rosbag and presented like an indexed MCAP
 * reader (channels, ros1msg schemas, statistics, time-ordered `readMessages`), so the recording frame source, topic
 * listing, seeking and TF work on it unchanged — TUM RGB-D and many other datasets ship as ROS 1 bags. Memory: the
 * bag's index (connections and chunk infos) plus one decompressed chunk while reading.
 */
import { basename } from 'node:path'
import { Bag } from '@foxglove/rosbag'
import { FileReader } from '@foxglove/rosbag/node.js'
import { loadDecompressHandlers } from '@mcap/support'
import { SourceError, describeCause } from '../SourceError'
import type {
  ReadMessagesArgs,
  RecordingChannel,
  RecordingChunkIndex,
  RecordingMessage,
  RecordingReader,
  RecordingSchema,
} from '../robot/recordingReader'

type Time = { sec: number; nsec: number }
const toNs = (t: Time): bigint => BigInt(t.sec) * 1_000_000_000n + BigInt(t.nsec)
const toTime = (ns: bigint): Time => ({
  sec: Number(ns / 1_000_000_000n),
  nsec: Number(ns % 1_000_000_000n),
})

export class Bag1Recording implements RecordingReader {
  readonly channelsById = new Map<number, RecordingChannel>()
  readonly schemasById = new Map<number, RecordingSchema>()
  readonly chunkIndexes: RecordingChunkIndex[]
  readonly statistics: RecordingReader['statistics']

  private constructor(
    private readonly bag: Bag,
    private readonly file: FileReader,
    readonly name: string,
  ) {
    for (const c of bag.connections.values()) {
      this.channelsById.set(c.conn, {
        id: c.conn,
        schemaId: c.conn,
        topic: c.topic,
        messageEncoding: 'ros1',
        metadata: new Map(),
      })
      this.schemasById.set(c.conn, {
        id: c.conn,
        name: c.type ?? '',
        encoding: 'ros1msg',
        data: new TextEncoder().encode(c.messageDefinition),
      })
    }
    // Chunk infos play the MCAP chunk indexes' part: a corrupt chunk is skipped by its time range.
    this.chunkIndexes = bag.chunkInfos.map((info) => ({
      messageStartTime: toNs(info.startTime),
      messageEndTime: toNs(info.endTime),
      chunkStartOffset: BigInt(info.chunkPosition),
      compressedSize: 0n,
      uncompressedSize: 0n,
    }))
    const counts = new Map<number, bigint>()
    for (const info of bag.chunkInfos)
      for (const c of info.connections)
        counts.set(c.conn, (counts.get(c.conn) ?? 0n) + BigInt(c.count))
    this.statistics = {
      messageCount: [...counts.values()].reduce((a, b) => a + b, 0n),
      messageStartTime: bag.startTime ? toNs(bag.startTime) : 0n,
      messageEndTime: bag.endTime ? toNs(bag.endTime) : 0n,
      channelMessageCounts: counts,
    }
  }

  /**
   * Opens a ROS 1 bag.
   * @throws SourceError when it is not a readable v2.0 bag (unindexed bags must be reindexed first: `rosbag reindex`).
   */
  static async open(path: string): Promise<Bag1Recording> {
    const name = basename(path)
    const handlers = await loadDecompressHandlers()
    const file = new FileReader(path)
    const bag = new Bag(file, {
      decompress: {
        lz4: (buffer, size) => handlers.lz4(buffer, BigInt(size)),
        bz2: (buffer, size) => handlers.bz2(buffer, BigInt(size)),
      },
      parse: false,
    })
    try {
      await bag.open()
    } catch (error) {
      await file.close().catch(() => undefined)
      throw new SourceError(
        `${name} is not a readable ROS 1 bag (${describeCause(error)}); an unfinished recording needs \`rosbag reindex ${name}\``,
        { file: path, cause: error },
      )
    }
    return new Bag1Recording(bag, file, name)
  }

  async close(): Promise<void> {
    await this.file.close()
  }

  async *readMessages(args: ReadMessagesArgs = {}): AsyncGenerator<RecordingMessage, void, void> {
    const topics = args.topics === undefined ? undefined : [...args.topics]
    const start = args.reverse ? args.endTime : args.startTime
    const iterator = this.bag.messageIterator({
      topics,
      reverse: args.reverse,
      start: start === undefined ? undefined : toTime(start),
    })
    for await (const event of iterator) {
      const t = toNs(event.timestamp)
      if (
        args.reverse
          ? args.startTime !== undefined && t < args.startTime
          : args.endTime !== undefined && t > args.endTime
      )
        return
      if (
        args.reverse
          ? args.endTime !== undefined && t > args.endTime
          : args.startTime !== undefined && t < args.startTime
      )
        continue
      yield {
        channelId: event.connectionId,
        sequence: 0,
        logTime: t,
        publishTime: t,
        data: event.data,
      }
    }
  }
}
