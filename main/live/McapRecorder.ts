/**
 * Records what a live session saw and measured as an MCAP file that Foxglove and Lichtblick open: camera images
 * (foxglove.CompressedImage JPEG, or foxglove.RawImage), the camera pose (foxglove.FrameTransform world → camera),
 * tracked boxes (foxglove.SceneUpdate) and watch events (spatial_lens.WatchEvent). All channels are JSON with
 * "jsonschema" schemas taken from @foxglove/schemas. Streams to disk chunk by chunk (memory bounded by one chunk),
 * with the summary and indexes written at close, so viewers can seek.
 */

import { open, type FileHandle } from 'node:fs/promises'
import { McapWriter, type IWritable } from '@mcap/core'
import {
  CompressedImage,
  FrameTransform,
  RawImage,
  SceneUpdate,
} from '@foxglove/schemas/jsonschema.js'
import sharp from 'sharp'
import type { Frame, Scene } from '../engine/types'
import type { Track } from '../engine/tracking'
import type { WatchEvent } from '../engine/watch'
import { cameraTransform, compressedImage, rawImage, sceneUpdate } from './foxgloveMessages'

export const RECORD_TOPICS = {
  image: '/camera/image',
  tf: '/tf',
  scene: '/spatial_lens/tracks',
  watch: '/spatial_lens/watch',
} as const

/** The JSON Schema of a watch event on /spatial_lens/watch. */
export const WATCH_EVENT_SCHEMA = {
  title: 'spatial_lens.WatchEvent',
  type: 'object',
  properties: {
    timestamp: {
      type: 'object',
      properties: { sec: { type: 'integer' }, nsec: { type: 'integer' } },
    },
    type: { type: 'string', enum: ['alert_entered', 'alert_left', 'value', 'unavailable'] },
    watch: { type: 'string', description: 'The watch query as the user wrote it' },
    frame_index: { type: 'integer' },
    value_m: { type: ['number', 'null'], description: 'Measured value, metres' },
    text: { type: 'string' },
  },
  required: ['timestamp', 'type', 'watch', 'frame_index', 'value_m', 'text'],
}

class FileWritable implements IWritable {
  private offset = 0n
  constructor(readonly handle: FileHandle) {}
  async write(buffer: Uint8Array): Promise<void> {
    await this.handle.write(buffer)
    this.offset += BigInt(buffer.byteLength)
  }
  position(): bigint {
    return this.offset
  }
}

export interface RecorderOptions {
  appVersion: string
  /** 'jpeg' (default, small) or 'raw' (lossless rgb8, ~0.9 MB per 640×480 frame). */
  imageFormat?: 'jpeg' | 'raw'
}

export class McapRecorder {
  private channels = new Map<string, number>()
  private readonly encoder = new TextEncoder()
  private sequence = 0

  private constructor(
    private readonly writer: McapWriter,
    private readonly file: FileWritable,
    private readonly options: RecorderOptions,
  ) {}

  /** Creates (or truncates) `path` and writes the MCAP header and channels. */
  static async create(path: string, options: RecorderOptions): Promise<McapRecorder> {
    const handle = await open(path, 'w')
    const file = new FileWritable(handle)
    const writer = new McapWriter({ writable: file, chunkSize: 4 * 1024 * 1024 })
    const recorder = new McapRecorder(writer, file, options)
    await writer.start({ profile: '', library: `spatial-lens ${options.appVersion}` })
    const image = options.imageFormat === 'raw' ? RawImage : CompressedImage
    await recorder.channel(RECORD_TOPICS.image, image)
    await recorder.channel(RECORD_TOPICS.tf, FrameTransform)
    await recorder.channel(RECORD_TOPICS.scene, SceneUpdate)
    await recorder.channel(RECORD_TOPICS.watch, WATCH_EVENT_SCHEMA)
    return recorder
  }

  private async channel(topic: string, schema: { title: string }): Promise<void> {
    const schemaId = await this.writer.registerSchema({
      name: schema.title,
      encoding: 'jsonschema',
      data: this.encoder.encode(JSON.stringify(schema)),
    })
    const id = await this.writer.registerChannel({
      topic,
      schemaId,
      messageEncoding: 'json',
      metadata: new Map(),
    })
    this.channels.set(topic, id)
  }

  private async message(topic: string, timeNs: bigint, body: unknown): Promise<void> {
    await this.writer.addMessage({
      channelId: this.channels.get(topic)!,
      sequence: this.sequence++,
      logTime: timeNs,
      publishTime: timeNs,
      data: this.encoder.encode(JSON.stringify(body)),
    })
  }

  /** One frame: the image, the camera pose and the tracked boxes, all at the frame's stamp. */
  async addFrame(frame: Frame, scene: Scene, tracks: Track[]): Promise<void> {
    const t = frame.timestampNs
    if (this.options.imageFormat === 'raw') {
      await this.message(RECORD_TOPICS.image, t, rawImage(frame))
    } else {
      const { width, height, data } = frame.rgb
      const jpeg = await sharp(data, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 85 })
        .toBuffer()
      await this.message(RECORD_TOPICS.image, t, compressedImage(frame, jpeg, 'jpeg'))
    }
    await this.message(RECORD_TOPICS.tf, t, cameraTransform(scene))
    await this.message(RECORD_TOPICS.scene, t, sceneUpdate(t, tracks))
  }

  /** Watch events (alerts, logged values) of one watch query. */
  async addWatchEvents(watch: string, events: WatchEvent[]): Promise<void> {
    for (const e of events) {
      await this.message(RECORD_TOPICS.watch, e.timestampNs, {
        timestamp: {
          sec: Number(e.timestampNs / 1_000_000_000n),
          nsec: Number(e.timestampNs % 1_000_000_000n),
        },
        type: e.type,
        watch,
        frame_index: e.frameIndex,
        value_m: e.type === 'unavailable' ? null : e.valueM,
        text: e.type === 'unavailable' ? e.reason : e.text,
      })
    }
  }

  /** Writes the summary and indexes and closes the file. */
  async close(): Promise<void> {
    try {
      await this.writer.end()
    } finally {
      await this.file.handle.close()
    }
  }
}
