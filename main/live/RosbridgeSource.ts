/**
 * Live ROS 2 (or ROS 1) camera topics through rosbridge v2, with roslib over WebSocket (roslib 2 uses the `ws`
 * package under Node 20, which has no global WebSocket). Subscribes to colour, depth and CameraInfo topics, decodes
 * the JSON messages, pairs colour and depth by stamp, and hands frames over latest-frame-wins. A malformed message
 * becomes an error event and the stream goes on; a lost connection is retried with bounded exponential backoff.
 */

import { Ros, Topic } from 'roslib'
import type { FrameSource, SourceEvent, TopicInfo } from './FrameSource'
import { LatestChannel } from './LatestChannel'
import { FramePairer } from './framePairer'
import {
  decodeCameraInfo,
  decodeCompressedImage,
  decodeRawImage,
  type DecodedImage,
} from './rosJsonMessages'
import { describeCause } from '../sources/SourceError'

export interface RosbridgeOptions {
  /** ws://host:port of rosbridge_server. */
  url: string
  colorTopic: string
  depthTopic?: string
  infoTopic: string
  /** Colour/depth pairing tolerance, nanoseconds. */
  toleranceNs?: bigint
  /** Reconnect attempts after a lost or failed connection before the stream ends with an error. */
  maxReconnects?: number
  /** First reconnect delay, ms; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
  /**
   * More topics to pass through as 'message' events, untouched (e.g. `/tf` and `/tf_static` as
   * `tf2_msgs/msg/TFMessage`, for a transform tree). They share the bounded event list, so a flood cannot grow memory.
   */
  extraTopics?: TopicInfo[]
  /** How long to wait for rosapi's topic list, ms (default 5000). */
  topicsTimeoutMs?: number
}

const COMPRESSED = 'sensor_msgs/CompressedImage'

/** Topic type names as rosbridge reports them, ROS 1 or ROS 2 spelling. */
function isCompressedType(type: string): boolean {
  return type.replace('/msg/', '/') === COMPRESSED
}

/** The text of a WebSocket error event (roslib passes the `ws` ErrorEvent, whose message says e.g. ECONNREFUSED). */
function socketErrorText(event: unknown): string {
  if (event instanceof Error) return event.message
  const e = event as { message?: unknown; error?: { message?: unknown }; type?: unknown } | null
  const text = e?.message ?? e?.error?.message ?? e?.type
  return typeof text === 'string' && text !== '' ? text : 'connection error'
}

export class RosbridgeSource implements FrameSource {
  readonly description: string
  private readonly channel = new LatestChannel()
  private readonly pairer: FramePairer
  private ros: Ros | null = null
  private topics: Topic<unknown>[] = []
  private isClosed = false
  private attempts = 0
  private types = new Map<string, string>()
  private colorFrame = ''

  constructor(private readonly options: RosbridgeOptions) {
    this.description = `rosbridge ${options.url} ${options.colorTopic}`
    this.pairer = new FramePairer({
      cameraId: options.colorTopic,
      toleranceNs: options.toleranceNs ?? 20_000_000n,
      hasDepth: options.depthTopic !== undefined,
      bufferSize: 4,
      sourceDescription: this.description,
    })
  }

  /**
   * Connects, reads the topic list and subscribes (`subscribe: false`: only lists, for a topic picker).
   * Rejects when the first connection fails after all retries.
   */
  async start(options: { subscribe?: boolean } = {}): Promise<TopicInfo[]> {
    await this.connect()
    const topics = await this.listTopics()
    if (options.subscribe === false) return topics
    this.types = new Map(topics.map((t) => [t.name, t.type]))
    const wanted = [this.options.colorTopic, this.options.depthTopic, this.options.infoTopic]
    const missing = wanted.filter((t): t is string => t !== undefined && !this.types.has(t))
    if (missing.length > 0) {
      this.channel.push({
        kind: 'status',
        message: `not published yet: ${missing.join(', ')}; waiting for them`,
      })
    }
    this.subscribe()
    return topics
  }

  /** Topics and types from rosapi (`/rosapi/topics`); rejects after `topicsTimeoutMs` without an answer. */
  listTopics(): Promise<TopicInfo[]> {
    const ros = this.ros
    if (!ros) return Promise.reject(new Error('not connected'))
    const timeoutMs = this.options.topicsTimeoutMs ?? 5000
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `rosapi did not list the topics within ${timeoutMs} ms; is rosapi running with rosbridge?`,
            ),
          ),
        timeoutMs,
      )
      ros.getTopics(
        (r) => {
          clearTimeout(timer)
          resolve(r.topics.map((name, i) => ({ name, type: r.types[i] ?? '' })))
        },
        (e) => {
          clearTimeout(timer)
          reject(new Error(`rosapi /rosapi/topics failed: ${e}; is rosapi running with rosbridge?`))
        },
      )
    })
  }

  private async connect(): Promise<void> {
    const maxReconnects = this.options.maxReconnects ?? 5
    for (;;) {
      const ros = new Ros({})
      try {
        await new Promise<void>((resolve, reject) => {
          ros.on('connection', () => resolve())
          ros.on('error', (e) => reject(new Error(socketErrorText(e))))
          ros.on('close', () => reject(new Error('connection closed')))
          ros.connect(this.options.url).catch(reject)
        })
        this.ros = ros
        this.attempts = 0
        ros.on('close', () => void this.onLost())
        return
      } catch (error) {
        ros.close()
        if (this.isClosed) return
        if (this.attempts >= maxReconnects) {
          throw new Error(
            `cannot reach rosbridge at ${this.options.url} after ${this.attempts + 1} tries (${describeCause(error)}); is rosbridge_server running?`,
          )
        }
        await this.backoff()
      }
    }
  }

  private async backoff(): Promise<void> {
    const base = this.options.backoffMs ?? 250
    const delay = Math.min(this.options.maxBackoffMs ?? 4000, base * 2 ** this.attempts)
    this.attempts++
    this.channel.push({
      kind: 'status',
      message: `reconnecting in ${delay} ms (try ${this.attempts})`,
    })
    await new Promise((r) => setTimeout(r, delay))
  }

  private async onLost(): Promise<void> {
    if (this.isClosed) return
    this.topics = []
    this.ros = null
    this.channel.push({ kind: 'status', message: `lost the connection to ${this.options.url}` })
    try {
      await this.backoff()
      await this.connect()
      if (!this.isClosed) this.subscribe()
    } catch (error) {
      this.channel.push({ kind: 'error', message: describeCause(error) })
      this.channel.close()
    }
  }

  private subscribe(): void {
    const ros = this.ros
    if (!ros) return
    const { colorTopic, depthTopic, infoTopic } = this.options
    const image = (name: string) => {
      const type = this.types.get(name) ?? 'sensor_msgs/Image'
      // queue_length 1: rosbridge itself drops stale images for a slow client instead of buffering them.
      const topic = new Topic<unknown>({ ros, name, messageType: type, queue_length: 1 })
      topic.subscribe((m) => void this.onImage(name, type, m))
      return topic
    }
    const info = new Topic<unknown>({
      ros,
      name: infoTopic,
      messageType: 'sensor_msgs/CameraInfo',
      queue_length: 1,
    })
    info.subscribe((m) =>
      this.guard(infoTopic, () => this.pairer.setIntrinsics(decodeCameraInfo(m, infoTopic))),
    )
    const extra = (this.options.extraTopics ?? []).map(({ name, type }) => {
      const topic = new Topic<unknown>({ ros, name, messageType: type })
      topic.subscribe((message) =>
        this.channel.push({ kind: 'message', topic: name, type, message }),
      )
      return topic
    })
    this.topics = [info, image(colorTopic), ...(depthTopic ? [image(depthTopic)] : []), ...extra]
  }

  private guard(topic: string, f: () => void): void {
    try {
      f()
    } catch (error) {
      this.channel.push({ kind: 'error', topic, message: describeCause(error) })
    }
  }

  private async onImage(topic: string, type: string, message: unknown): Promise<void> {
    let decoded: DecodedImage
    try {
      decoded = isCompressedType(type)
        ? await decodeCompressedImage(message, topic)
        : decodeRawImage(message, topic)
    } catch (error) {
      this.channel.push({ kind: 'error', topic, message: describeCause(error) })
      return
    }
    if (decoded.kind === 'color') this.colorFrame = decoded.frameId
    const frame =
      decoded.kind === 'color'
        ? this.pairer.addColor(decoded.stampNs, decoded.rgb)
        : this.pairer.addDepth(decoded.stampNs, decoded.depth)
    if (frame) this.channel.push({ kind: 'frame', frame, receivedAtMs: performance.now() })
  }

  droppedFrames(): number {
    return this.channel.dropped
  }

  /** The colour camera's TF frame (header.frame_id of its latest image), '' before the first one. */
  cameraFrameId(): string {
    return this.colorFrame
  }

  /** Images that found no partner within the tolerance (or arrived before CameraInfo). */
  unpairedImages(): number {
    return this.pairer.unpaired
  }

  async close(): Promise<void> {
    this.isClosed = true
    for (const t of this.topics) t.unsubscribe()
    this.topics = []
    this.ros?.close()
    this.ros = null
    this.channel.close()
  }

  [Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    return this.channel[Symbol.asyncIterator]()
  }
}
