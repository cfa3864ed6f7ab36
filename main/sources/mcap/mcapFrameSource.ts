/**
 * The MCAP frame source: colour (+ depth or point cloud) frames from chosen topics of an indexed MCAP, paired by
 * stamp, with intrinsics from CameraInfo / CameraCalibration, and TF (/tf, /tf_static) gathered in a TfTree.
 * Streams chunk by chunk (memory: see openMcap.ts); seekable; bad messages and chunks are counted and skipped.
 */
import type { RecordingReader } from '../robot/recordingReader'
import { TfTree } from '../../engine/tf/tfTree'
import { transformsFromTfMessage } from '../../engine/tf/fromMessage'
import type { TransformStamped } from '../../engine/tf/types'
import type {
  FrameSource,
  FrameSourceStats,
  FrameTopics,
  RobotFrame,
  TopicInfo,
} from '../robot/frameSource'
import { messageStamp } from '../robot/frameParts'
import { isStaticTfTopic, schemaKind } from '../robot/schemaKinds'
import { TimePairer } from '../robot/pairByTime'
import { listMcapTopics, openMcap, type OpenedMcap } from './openMcap'
import { resilientMessages } from './resilientMessages'
import { assembleFrame, type CameraMessage } from './assembleFrame'
import type { CameraCalibration } from '../robot/cameraInfo'
import { calibrationFromMessage } from '../robot/cameraInfo'
import { checkTopicsExist, describeTopics, findCameraInfoTopic } from './topicChoice'
import { ChannelDecoders } from './channelDecoders'
import { recordingTimeRange } from './recordingTimeRange'

export { describeTopics, findCameraInfoTopic }

const DEFAULT_TOLERANCE_NS = 20_000_000n
const MAX_PENDING_TRANSFORMS = 10_000

/** TF buffering of the source. */
export interface McapSourceOptions {
  /** Dynamic TF older than the newest sample by more than this is dropped, so memory stays bounded. Default 60 s. */
  tfCacheDurationNs?: bigint
  /** Lookups may use the nearest sample this far outside the data (a frame's TF can arrive after it). Default 0. */
  tfExtrapolationToleranceNs?: bigint
}

export class McapFrameSource implements FrameSource {
  readonly description: string
  /** Static transforms and the last `tfCacheDurationNs` of dynamic ones; query it at a frame's time. */
  readonly tf: TfTree
  private readonly reader: RecordingReader
  private readonly decoders: ChannelDecoders
  private readonly counters: FrameSourceStats = {
    framesEmitted: 0,
    framesDropped: 0,
    decodeErrors: 0,
  }
  private seekNs?: bigint
  private seekRequested = false
  private closed = false
  private topicList?: TopicInfo[]

  private constructor(
    private readonly opened: OpenedMcap,
    readonly frameTopics: Required<Omit<FrameTopics, 'depthTopic' | 'cameraInfoTopic'>> &
      Pick<FrameTopics, 'depthTopic' | 'cameraInfoTopic'>,
    private readonly tfTopics: string[],
    options: McapSourceOptions,
  ) {
    this.reader = opened.reader
    this.decoders = new ChannelDecoders(opened.reader, (fn) => this.safe(fn))
    this.tf = new TfTree({
      cacheDurationNs: options.tfCacheDurationNs ?? 60_000_000_000n,
      extrapolationToleranceNs: options.tfExtrapolationToleranceNs,
    })
    this.description = `${opened.name} ${frameTopics.colorTopic}${frameTopics.depthTopic ? ` + ${frameTopics.depthTopic}` : ''}`
  }

  /**
   * Opens `path` and checks the topics.
   * @throws SourceError when the file does not open or a topic is missing (the message lists the camera topics).
   */
  static async open(
    path: string,
    topics: FrameTopics,
    options: McapSourceOptions = {},
  ): Promise<McapFrameSource> {
    const opened = await openMcap(path)
    try {
      const list = await listMcapTopics(opened.reader)
      checkTopicsExist(list, topics, opened.name, path)
      const cameraInfoTopic = topics.cameraInfoTopic ?? findCameraInfoTopic(list, topics.colorTopic)
      const tfTopics = list.filter((t) => schemaKind(t.schemaName) === 'tf').map((t) => t.topic)
      const source = new McapFrameSource(
        opened,
        {
          ...topics,
          cameraInfoTopic,
          pairToleranceNs: topics.pairToleranceNs ?? DEFAULT_TOLERANCE_NS,
        },
        tfTopics,
        options,
      )
      source.topicList = list
      return source
    } catch (error) {
      await opened.readable.close()
      throw error
    }
  }

  async topics(): Promise<TopicInfo[]> {
    this.topicList ??= await listMcapTopics(this.reader)
    return this.topicList
  }

  stats(): FrameSourceStats {
    return { ...this.counters }
  }

  seek(timeNs: bigint): void {
    this.seekNs = timeNs
    this.seekRequested = true
  }

  timeRange(): { startNs: bigint; endNs: bigint } | undefined {
    return recordingTimeRange(this.reader)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.opened.readable.close()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RobotFrame, void, void> {
    const pending: TransformStamped[] = []
    await this.readStaticTf(pending)
    for (;;) {
      if (this.seekRequested) this.tf.clearDynamic() // re-read from the seek point; old samples would mislead
      this.seekRequested = false
      const restart = yield* this.run(this.seekNs, pending)
      if (!restart && !this.seekRequested) return // a seek after the last frame restarts too
    }
  }

  /** One pass from `startNs`; returns true when a seek interrupted it. */
  private async *run(
    startNs: bigint | undefined,
    pending: TransformStamped[],
  ): AsyncGenerator<RobotFrame, boolean, void> {
    const t = this.frameTopics
    let calibration = await this.initialCalibration(startNs)
    const pairer = new TimePairer<CameraMessage, CameraMessage>(t.pairToleranceNs)
    const wanted = [t.colorTopic, t.depthTopic, t.cameraInfoTopic, ...this.tfTopics].filter(
      (x): x is string => !!x,
    )
    const cloudOnly = t.depthTopic === undefined || t.depthTopic === t.colorTopic
    const messages = resilientMessages(this.reader, {
      topics: [...new Set(wanted)],
      startTime: startNs,
      onError: (m) => this.fail(m),
    })
    for await (const raw of messages) {
      if (this.seekRequested) return true
      const channel = this.reader.channelsById.get(raw.channelId)!
      const message = this.decoders.decode(raw.channelId, raw.data)
      if (!message) continue
      const schemaName = this.reader.schemasById.get(channel.schemaId)?.name ?? ''
      if (this.tfTopics.includes(channel.topic) && schemaKind(schemaName) === 'tf') {
        if (!isStaticTfTopic(channel.topic)) this.addTf(message, false, pending)
        continue
      }
      if (channel.topic === t.cameraInfoTopic && channel.topic !== t.colorTopic) {
        calibration = this.safe(() => calibrationFromMessage(message)) ?? calibration
        continue
      }
      const { timeNs, frameId } = messageStamp(message, raw.logTime)
      const value: CameraMessage = {
        message,
        schemaName,
        topic: channel.topic,
        frameId,
        logTimeNs: raw.logTime,
        timeNs,
      }
      const stamped = { timeNs, value }
      if (cloudOnly) {
        const frame = await this.emit(stamped.value, undefined, calibration, pending)
        if (frame) yield frame
        continue
      }
      const pairs = channel.topic === t.colorTopic ? pairer.pushA(stamped) : pairer.pushB(stamped)
      for (const pair of pairs) {
        const frame = await this.emit(pair.a.value, pair.b.value, calibration, pending)
        if (frame) yield frame
        if (this.seekRequested) return true
      }
      this.counters.framesDropped = pairer.dropped
    }
    for (const pair of pairer.flush()) {
      const frame = await this.emit(pair.a.value, pair.b.value, calibration, pending)
      if (frame) yield frame
    }
    this.counters.framesDropped = pairer.dropped
    return false
  }

  private async emit(
    color: CameraMessage,
    depth: CameraMessage | undefined,
    calibration: CameraCalibration | undefined,
    pending: TransformStamped[],
  ): Promise<RobotFrame | undefined> {
    try {
      const assembled = await assembleFrame(
        color,
        depth,
        calibration,
        this.opened.name,
        this.frameTopics,
      )
      this.counters.framesEmitted++
      return { ...assembled, transforms: pending.splice(0) }
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error))
      return undefined
    }
  }

  private addTf(
    message: Record<string, unknown>,
    isStatic: boolean,
    pending: TransformStamped[],
  ): void {
    const transforms = this.safe(() => transformsFromTfMessage(message, isStatic)) ?? []
    for (const t of transforms) {
      const added = this.safe(() => {
        this.tf.add(t)
        return true
      })
      if (added) pending.push(t)
      // Bounded: with no frame for a long stretch only the newest transforms are handed on (all stay in `tf`).
      if (pending.length > MAX_PENDING_TRANSFORMS)
        pending.splice(0, pending.length - MAX_PENDING_TRANSFORMS)
    }
  }

  private async readStaticTf(pending: TransformStamped[]): Promise<void> {
    const topics = this.tfTopics.filter(isStaticTfTopic)
    if (topics.length === 0) return
    for await (const raw of resilientMessages(this.reader, {
      topics,
      onError: (m) => this.fail(m),
    })) {
      const message = this.decoders.decode(raw.channelId, raw.data)
      if (message) this.addTf(message, true, pending)
    }
  }

  /** The last calibration at or before `startNs`, else the first in the file (it may trail the first image). */
  private async initialCalibration(
    startNs: bigint | undefined,
  ): Promise<CameraCalibration | undefined> {
    const topic = this.frameTopics.cameraInfoTopic
    if (!topic) return undefined
    const attempts = startNs === undefined ? [{}] : [{ endTime: startNs, reverse: true }, {}]
    for (const range of attempts) {
      try {
        for await (const raw of this.reader.readMessages({ topics: [topic], ...range })) {
          const message = this.decoders.decode(raw.channelId, raw.data)
          const calibration = message && this.safe(() => calibrationFromMessage(message))
          if (calibration) return calibration
        }
      } catch (error) {
        // A damaged chunk (bad CRC, cut off) is counted like any other; a later calibration can still come while
        // streaming, which skips that chunk (resilientMessages).
        this.fail(
          `camera info unreadable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        )
      }
    }
    return undefined
  }

  private safe<T>(fn: () => T): T | undefined {
    try {
      return fn()
    } catch (error) {
      this.fail(error instanceof Error ? error.message.split('\n')[0] : String(error))
      return undefined
    }
  }

  private fail(message: string): void {
    this.counters.decodeErrors++
    this.counters.lastError = message
  }
}
