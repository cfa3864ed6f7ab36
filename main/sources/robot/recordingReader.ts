/**
 * What the recording frame source, topic listing and TF reading need of a recording: the shape of @mcap/core's
 * McapIndexedReader (which satisfies it as is), so other containers (rosbag2 .db3) plug in behind it.
 */

export interface RecordingChannel {
  id: number
  schemaId: number
  topic: string
  messageEncoding: string
  metadata: Map<string, string>
}

export interface RecordingSchema {
  id: number
  name: string
  encoding: string
  data: Uint8Array
}

export interface RecordingMessage {
  channelId: number
  sequence: number
  /** Nanoseconds since the epoch. */
  logTime: bigint
  publishTime: bigint
  data: Uint8Array
}

export interface RecordingChunkIndex {
  messageStartTime: bigint
  messageEndTime: bigint
  chunkStartOffset: bigint
  compressedSize: bigint
  uncompressedSize: bigint
}

export interface ReadMessagesArgs {
  topics?: readonly string[]
  /** Inclusive bounds, ns. */
  startTime?: bigint
  endTime?: bigint
  reverse?: boolean
  validateCrcs?: boolean
}

export interface RecordingReader {
  readonly channelsById: ReadonlyMap<number, RecordingChannel>
  readonly schemasById: ReadonlyMap<number, RecordingSchema>
  readonly statistics?: {
    messageCount: bigint
    messageStartTime: bigint
    messageEndTime: bigint
    channelMessageCounts: ReadonlyMap<number, bigint>
  }
  /** Empty for containers without chunks. */
  readonly chunkIndexes: readonly RecordingChunkIndex[]
  readMessages(args?: ReadMessagesArgs): AsyncGenerator<RecordingMessage, void, void>
}
