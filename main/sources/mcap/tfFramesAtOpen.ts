/**
 * The TF frame ids a recording names, read when it is opened (before any topic is chosen), so the
 * fixed-frame field can offer them: every /tf_static message (small: one latched set per publisher)
 * and the first few /tf messages (`map`, `odom`, `base_link` usually appear at once). Bounded work
 * on any file size; unreadable messages and chunks are skipped, never fatal.
 */
import { TfTree } from '../../engine/tf/tfTree'
import { transformsFromTfMessage } from '../../engine/tf/fromMessage'
import type { RecordingReader } from '../robot/recordingReader'
import { createMessageDecoder } from '../robot/messageDecoder'
import { isStaticTfTopic, schemaKind } from '../robot/schemaKinds'

/** Dynamic /tf messages read at open, at most (static ones are all read). */
export const DYNAMIC_TF_MESSAGES_AT_OPEN = 64

/** Sorted frame ids of the recording's static TF and its first `dynamicMessages` /tf messages. */
export async function tfFramesAtOpen(
  reader: RecordingReader,
  dynamicMessages = DYNAMIC_TF_MESSAGES_AT_OPEN,
): Promise<string[]> {
  const tree = new TfTree()
  const channels = [...reader.channelsById.values()].filter(
    (c) => schemaKind(reader.schemasById.get(c.schemaId)?.name ?? '') === 'tf',
  )
  const staticTopics = channels.filter((c) => isStaticTfTopic(c.topic)).map((c) => c.topic)
  const dynamicTopics = channels.filter((c) => !isStaticTfTopic(c.topic)).map((c) => c.topic)
  const decode = decoderFor(reader)
  await readInto(tree, reader, staticTopics, Infinity, decode)
  await readInto(tree, reader, dynamicTopics, dynamicMessages, decode)
  return tree.frameIds()
}

type Decode = (channelId: number, data: Uint8Array) => unknown

async function readInto(
  tree: TfTree,
  reader: RecordingReader,
  topics: string[],
  limit: number,
  decode: Decode,
): Promise<void> {
  if (topics.length === 0 || limit <= 0) return
  let count = 0
  try {
    for await (const m of reader.readMessages({ topics })) {
      const topic = reader.channelsById.get(m.channelId)?.topic ?? ''
      try {
        for (const t of transformsFromTfMessage(
          decode(m.channelId, m.data),
          isStaticTfTopic(topic),
        ))
          tree.add(t)
      } catch {
        // A bad message names no frames; the stream reports it when the topics are played.
      }
      if (++count >= limit) return
    }
  } catch {
    // A corrupt chunk ends the listing early: the frames read so far are still offered.
  }
}

/** One decoder per channel, made on first use. */
function decoderFor(reader: RecordingReader): Decode {
  const decoders = new Map<number, (data: Uint8Array) => unknown>()
  return (channelId, data) => {
    let decoder = decoders.get(channelId)
    if (!decoder) {
      const channel = reader.channelsById.get(channelId)!
      const schema = reader.schemasById.get(channel.schemaId)
      decoder = createMessageDecoder({
        topic: channel.topic,
        name: schema?.name ?? '',
        encoding: schema?.encoding ?? '',
        data: schema?.data ?? new Uint8Array(),
        messageEncoding: channel.messageEncoding,
      })
      decoders.set(channelId, decoder)
    }
    return decoder(data)
  }
}
