/**
 * Opens an MCAP file with the indexed reader (footer + summary only; chunks are read on demand) and lists its
 * topics with counts, rates, schema names and encodings.
 *
 * Memory bound: the summary (schemas, channels, chunk indexes — about 100 bytes per chunk), plus while streaming one
 * compressed and one decompressed chunk at a time and the reader's message-index cache (default 8 MiB, set below).
 * {@link chunkMemoryBound} gives the number for a file.
 */
import { basename } from 'node:path'
import { McapIndexedReader, hasMcapPrefix } from '@mcap/core'
import { loadDecompressHandlers } from '@mcap/support'
import type { TopicInfo } from '../robot/frameSource'
import type { RecordingReader } from '../robot/recordingReader'
import { Db3Recording } from '../rosbag2/Db3Recording'
import { Bag1Recording } from '../rosbag1/Bag1Recording'
import { SourceError, describeCause } from '../SourceError'
import { FileReadable } from './fileReadable'

/** Bytes the indexed reader may cache of message indexes. */
export const MESSAGE_INDEX_CACHE_BYTES = 8 * 1024 * 1024

export interface OpenedMcap {
  /** An indexed MCAP reader, or a rosbag2 .db3 presented the same way. */
  reader: RecordingReader
  readable: { close(): Promise<void> }
  name: string
}

/**
 * Opens `path` for indexed reading.
 * A rosbag2 SQLite bag (.db3) and a ROS 1 bag (v2.0) open too, through {@link Db3Recording} and {@link Bag1Recording}.
 * @throws SourceError when the file is missing, not MCAP, .db3 or .bag,
 *   truncated or without an index.
 */
export async function openMcap(path: string): Promise<OpenedMcap> {
  const name = basename(path)
  let readable: FileReadable
  try {
    readable = await FileReadable.open(path)
  } catch (error) {
    throw new SourceError(`cannot open ${name}: ${describeCause(error)}`, {
      file: path,
      cause: error,
    })
  }
  try {
    const size = await readable.size()
    const head = await readable.read(0n, size < 16n ? size : 16n)
    // Other containers behind the same reader shape, told apart by their first bytes.
    const magic = new TextDecoder('latin1').decode(head)
    const other = magic.startsWith('SQLite format 3')
      ? Db3Recording
      : magic.startsWith('#ROSBAG V2.0')
        ? Bag1Recording
        : undefined
    if (other) {
      await readable.close()
      const recording = await other.open(path)
      return { reader: recording, readable: recording, name }
    }
    if (!hasMcapPrefix(new DataView(head.buffer, head.byteOffset, head.byteLength))) {
      throw new SourceError(`${name} is not an MCAP file: ${notMcapAdvice(head)}`, { file: path })
    }
    const reader = await McapIndexedReader.Initialize({
      readable,
      decompressHandlers: await loadDecompressHandlers(),
      messageIndexCacheSizeBytes: MESSAGE_INDEX_CACHE_BYTES,
    })
    return { reader, readable, name }
  } catch (error) {
    await readable.close().catch(() => undefined)
    if (error instanceof SourceError) throw error
    throw new SourceError(
      `${name} cannot be opened as an indexed MCAP (${describeCause(error)}): the file is truncated, corrupt or has no summary; ` +
        'recover it with `mcap recover in.mcap -o fixed.mcap` (the mcap CLI), then open the result',
      { file: path, cause: error },
    )
  }
}

function notMcapAdvice(head: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(head)
  if (text.startsWith('#ROSBAG V1'))
    return 'it is a ROS 1 bag of format 1.x, which is not read; migrate it with `rosbag fix` or convert it with `mcap convert`'
  return 'it does not start with the MCAP magic bytes'
}

/** Topics of an opened file: counts from the statistics record, rates from each topic's first and last message. */
export async function listMcapTopics(reader: RecordingReader): Promise<TopicInfo[]> {
  const counts = reader.statistics?.channelMessageCounts
  const topics: TopicInfo[] = []
  const byTopic = new Map<string, TopicInfo>()
  for (const channel of reader.channelsById.values()) {
    const schema = reader.schemasById.get(channel.schemaId)
    const count = counts ? Number(counts.get(channel.id) ?? 0n) : undefined
    const existing = byTopic.get(channel.topic)
    if (existing) {
      // Several channels on one topic (a ROS 1 bag converted, several publishers): counts add up.
      if (existing.messageCount !== undefined && count !== undefined) existing.messageCount += count
      continue
    }
    const info: TopicInfo = {
      topic: channel.topic,
      schemaName: schema?.name ?? '',
      schemaEncoding: schema?.encoding ?? '',
      messageEncoding: channel.messageEncoding,
      messageCount: count,
    }
    byTopic.set(channel.topic, info)
    topics.push(info)
  }
  for (const info of topics) {
    if (info.messageCount === 0) continue
    info.startNs = await firstLogTime(reader, info.topic, false)
    info.endNs = await firstLogTime(reader, info.topic, true)
    if (
      info.messageCount !== undefined &&
      info.messageCount > 1 &&
      info.startNs !== undefined &&
      info.endNs! > info.startNs
    ) {
      info.rateHz = ((info.messageCount - 1) * 1e9) / Number(info.endNs! - info.startNs)
    }
  }
  return topics.sort((a, b) => a.topic.localeCompare(b.topic))
}

async function firstLogTime(
  reader: RecordingReader,
  topic: string,
  reverse: boolean,
): Promise<bigint | undefined> {
  try {
    for await (const message of reader.readMessages({ topics: [topic], reverse }))
      return message.logTime
  } catch {
    // A damaged chunk (bad CRC, cut off): the time stays unknown here; streaming reports and skips that chunk
    // (resilientMessages), so listing must not fail the whole file over it.
  }
  return undefined
}

/** Upper bound of chunk bytes held while streaming: largest compressed + largest uncompressed chunk. */
export function chunkMemoryBound(reader: RecordingReader): {
  largestChunkBytes: number
  boundBytes: number
} {
  let compressed = 0
  let uncompressed = 0
  for (const c of reader.chunkIndexes) {
    compressed = Math.max(compressed, Number(c.compressedSize))
    uncompressed = Math.max(uncompressed, Number(c.uncompressedSize))
  }
  return {
    largestChunkBytes: uncompressed,
    boundBytes: compressed + uncompressed + MESSAGE_INDEX_CACHE_BYTES,
  }
}
