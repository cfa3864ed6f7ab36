/**
 * TF trees from whole recordings: MCAP (ROS 2 or ROS 1 encoded), ROS 1 .bag (tf2_msgs/TFMessage and the legacy
 * tf/tfMessage, lz4/bz2 chunks) and rosbag2 SQLite .db3 (through the MCAP-shaped reader of openMcap). Every
 * transform is kept (no cache window), so any time in the recording can be looked up.
 */
import { basename } from 'node:path'
import { Bag } from '@foxglove/rosbag'
import { FileReader } from '@foxglove/rosbag/node.js'
import { parse as parseMsgDefinition } from '@foxglove/rosmsg'
import { MessageReader as Ros1Reader } from '@foxglove/rosmsg-serialization'
import { loadDecompressHandlers } from '@mcap/support'
import { TfTree } from '../../engine/tf/tfTree'
import { transformsFromTfMessage } from '../../engine/tf/fromMessage'
import { SourceError, describeCause } from '../SourceError'
import { openMcap } from '../mcap/openMcap'
import { createMessageDecoder } from './messageDecoder'
import { isStaticTfTopic, schemaKind } from './schemaKinds'
import { open } from 'node:fs/promises'

export interface RecordingTf {
  tree: TfTree
  /** Transforms read (static + dynamic). */
  transformCount: number
  /** Messages that failed to decode, one line each (the rest are still read). */
  errors: string[]
}

/**
 * Reads every /tf and /tf_static message of a recording into a TfTree.
 * @throws SourceError for an unreadable file or a file with no TF topic.
 */
export async function loadRecordingTf(path: string): Promise<RecordingTf> {
  // Only the first bytes: recordings can be many GB.
  const head = await readHead(path).catch((error: unknown) => {
    throw new SourceError(`cannot open ${basename(path)}: ${describeCause(error)}`, {
      file: path,
      cause: error,
    })
  })
  return head.startsWith('#ROSBAG V2.0') ? loadBagTf(path) : loadMcapTf(path)
}

async function loadMcapTf(path: string): Promise<RecordingTf> {
  const { reader, readable, name } = await openMcap(path)
  const result: RecordingTf = { tree: new TfTree(), transformCount: 0, errors: [] }
  try {
    const channels = [...reader.channelsById.values()].filter(
      (c) => schemaKind(reader.schemasById.get(c.schemaId)?.name ?? '') === 'tf',
    )
    if (channels.length === 0)
      throw new SourceError(`${name} has no /tf or /tf_static topic`, { file: path })
    const decoders = new Map(
      channels.map((c) => {
        const s = reader.schemasById.get(c.schemaId)!
        return [
          c.id,
          createMessageDecoder({
            topic: c.topic,
            name: s.name,
            encoding: s.encoding,
            data: s.data,
            messageEncoding: c.messageEncoding,
          }),
        ]
      }),
    )
    for await (const m of reader.readMessages({ topics: channels.map((c) => c.topic) })) {
      const channel = reader.channelsById.get(m.channelId)!
      addMessage(
        result,
        () => decoders.get(m.channelId)!(m.data),
        isStaticTfTopic(channel.topic),
        channel.topic,
      )
    }
    return result
  } finally {
    await readable.close()
  }
}

async function loadBagTf(path: string): Promise<RecordingTf> {
  const handlers = await loadDecompressHandlers()
  const file = new FileReader(path)
  try {
    return await readBagTf(path, file, handlers)
  } finally {
    await file.close()
  }
}

async function readBagTf(
  path: string,
  file: FileReader,
  handlers: Awaited<ReturnType<typeof loadDecompressHandlers>>,
): Promise<RecordingTf> {
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
    throw new SourceError(
      `${basename(path)} is not a readable ROS 1 bag (${describeCause(error)})`,
      { file: path, cause: error },
    )
  }
  const connections = [...bag.connections.values()].filter((c) => schemaKind(c.type ?? '') === 'tf')
  if (connections.length === 0)
    throw new SourceError(`${basename(path)} has no /tf or /tf_static topic`, { file: path })
  const readers = new Map(
    connections.map((c) => [c.conn, new Ros1Reader(parseMsgDefinition(c.messageDefinition))]),
  )
  const result: RecordingTf = { tree: new TfTree(), transformCount: 0, errors: [] }
  const topics = [...new Set(connections.map((c) => c.topic))]
  for await (const event of bag.messageIterator({ topics })) {
    const reader = readers.get(event.connectionId)
    if (!reader) continue
    addMessage(
      result,
      () => reader.readMessage(event.data),
      isStaticTfTopic(event.topic),
      event.topic,
    )
  }
  return result
}

function addMessage(
  result: RecordingTf,
  decode: () => unknown,
  isStatic: boolean,
  topic: string,
): void {
  try {
    for (const t of transformsFromTfMessage(decode(), isStatic)) {
      result.tree.add(t)
      result.transformCount++
    }
  } catch (error) {
    result.errors.push(`${topic}: ${describeCause(error)}`)
  }
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const bytes = Buffer.alloc(16)
    const { bytesRead } = await handle.read(bytes, 0, 16, 0)
    return bytes.subarray(0, bytesRead).toString('latin1')
  } finally {
    await handle.close()
  }
}
