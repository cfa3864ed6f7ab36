import type { Frame } from '../../engine/types'
import type { TfTree } from '../../engine/tf/tfTree'
import { transformsFromTfMessage } from '../../engine/tf/fromMessage'
import type { WatchEvaluator } from '../../engine/watch'
import { runLive, type LiveResult } from '../../live/livePipeline'
import type { RecordingPlayer, PlayerState } from '../../live/RecordingPlayer'
import type { RosbridgeSource } from '../../live/RosbridgeSource'
import type { FrameSource, SourceEvent } from '../../live/FrameSource'
import { Tracker } from '../../engine/tracking'
import { isStaticTfTopic } from '../../sources/robot/schemaKinds'
import { describeCause } from '../../sources/SourceError'
import type { PerceptionSettingsInput } from '../../contract/perceptionSettings'
import type {
  SourceSession as SessionJson,
  SourceStatusEvent,
  SourceTopic,
  SourceTopicChoice,
} from '../../contract/sourceSchema'
import type { SceneComputation } from '../../frames/analyzeFrame'
import { UserError } from '../../app/userError'
import { guessTopics, liveTopicRows } from './sessionTopics'
import { frameEvent, pinnedWatches, tfOverlay, watchesJson } from './frameEvent'
import { withSessionRobotFrames } from './sessionRobotFrames'
import type { SessionHost } from './sessionHost'
import {
  createLiveSource,
  openRecordingPlayer,
  probeRosbridgeTopics,
  readRecordingSummary,
} from './sessionStreams'

/** Scenes of the latest frames kept for `source:scene` (cloud and image), newest last. */
const RECENT_SCENES = 4
/** Notes (TF problems, skipped messages) carried to the next frame event, at most. */
const MAX_NOTES = 8

/**
 * One robot source opened by one client: a recording (played like a camera) or a rosbridge graph.
 * Frames go through detection + scene (the host's worker), tracking and the pinned questions as
 * watch queries (runLive: latest frame wins, never a queue); each processed frame becomes a
 * `source:frame` event.
 */
export class SourceSession {
  private player: RecordingPlayer | null = null
  private live: RosbridgeSource | null = null
  private tf: TfTree | null = null
  /** TF frames named by the recording at open (the fixed-frame choices before any frame plays). */
  private tfFramesAtOpen: string[] = []
  /** Kept across restarts with the same topics, so track ids go on instead of restarting at #1. */
  private tracker = new Tracker()
  private running: Promise<void> | null = null
  private readonly watches: WatchEvaluator[] = []
  private questions: string[] = []
  private readonly recent = new Map<string, SceneComputation>()
  private readonly sceneIds = new WeakMap<object, string>()
  private notes: string[] = []
  private choice: SourceTopicChoice | null = null
  private isClosed = false
  private frameNameBase: string

  private constructor(
    readonly id: string,
    readonly kind: 'mcap' | 'rosbridge',
    private readonly target: string,
    readonly description: string,
    private topicRows: SourceTopic[],
    private readonly timeRange: { startNs: bigint; endNs: bigint } | undefined,
    private readonly host: SessionHost,
  ) {
    this.frameNameBase = description
  }

  /** Opens a recording (its summary only) and lists its topics. @throws SourceError for a bad file. */
  static async openRecording(id: string, path: string, host: SessionHost): Promise<SourceSession> {
    const summary = await readRecordingSummary(path)
    const { name, topicRows, timeRange } = summary
    const session = new SourceSession(id, 'mcap', path, name, topicRows, timeRange, host)
    session.tfFramesAtOpen = summary.tfFramesAtOpen
    return session
  }

  /** Connects to rosbridge and lists the graph's topics. @throws Error when it cannot be reached. */
  static async connect(id: string, url: string, host: SessionHost): Promise<SourceSession> {
    const rows = await probeRosbridgeTopics(url)
    return new SourceSession(id, 'rosbridge', url, url, rows, undefined, host)
  }

  info(): SessionJson {
    return {
      sessionId: this.id,
      kind: this.kind,
      description: this.description,
      topics: this.topicRows,
      guess: guessTopics(this.topicRows),
      ...(this.timeRange
        ? { timeRange: { startNs: `${this.timeRange.startNs}`, endNs: `${this.timeRange.endNs}` } }
        : {}),
      tfFrames: [...new Set([...this.tfFramesAtOpen, ...(this.tf?.frameIds() ?? [])])].sort(),
    }
  }

  async topics(): Promise<SourceTopic[]> {
    if (this.kind === 'rosbridge' && this.live)
      this.topicRows = liveTopicRows(await this.live.listTopics())
    return this.topicRows
  }

  /**
   * Chooses the topics and starts the frames (a running stream is stopped first; with the same
   * topics, a recording resumes at its time and play state).
   */
  async select(choice: SourceTopicChoice, perception?: PerceptionSettingsInput): Promise<string> {
    // The same topics again (new perception settings): a recording goes on where it was.
    const isSameTopics =
      this.choice?.colorTopic === choice.colorTopic && this.choice?.depthTopic === choice.depthTopic
    const resume =
      isSameTopics && this.player
        ? { timeNs: this.player.positionNs, isPlaying: this.player.playing }
        : null
    await this.stopStream()
    if (!isSameTopics) this.tracker = new Tracker()
    this.choice = choice
    const source =
      this.kind === 'mcap' ? await this.startRecording(choice) : await this.startLive(choice)
    if (resume && this.player) {
      if (!resume.isPlaying) this.player.setPlaying(false)
      if (resume.timeNs !== undefined) this.player.seek(resume.timeNs)
    }
    this.frameNameBase = source.description
    this.running = runLive({
      source,
      analyze: (frame) => this.analyze(frame, perception),
      watches: this.watches,
      tracker: this.tracker,
      onResult: (result) => this.publish(result),
      onEvent: (event) => this.onSourceEvent(event),
    }).then(
      () => undefined,
      (error: unknown) => this.status('error', describeCause(error)),
    )
    return source.description
  }

  seek(timeNs: bigint): void {
    if (!this.player) throw new UserError('seeking needs a recording with its topics chosen')
    this.player.seek(timeNs)
  }

  play(isPlaying: boolean): boolean {
    if (!this.player) throw new UserError('play and pause need a recording with its topics chosen')
    this.player.setPlaying(isPlaying)
    return this.player.playing
  }

  /** The pinned questions as watch queries; a question that is not one is refused with the reason. */
  watch(questions: string[], minChangeM: number, minIntervalNs: bigint) {
    const parsed = pinnedWatches(questions, { minChangeM, minIntervalNs })
    // Replaced in place: the running pipeline holds this array.
    this.watches.splice(0, this.watches.length, ...parsed.evaluators)
    this.questions = parsed.questions
    return parsed.states
  }

  scene(sceneId: string): SceneComputation {
    const kept = this.recent.get(sceneId)
    if (!kept) throw new UserError(`frame ${sceneId.slice(0, 8)} of this source is no longer kept`)
    return kept
  }

  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    await this.stopStream()
    this.status('closed')
  }

  private async startRecording(choice: SourceTopicChoice): Promise<FrameSource> {
    const { player, tf } = await openRecordingPlayer(this.target, choice, this.onPlayerState)
    this.tf = tf
    this.player = player
    this.player.start()
    this.status('playing')
    return this.player
  }

  private async startLive(choice: SourceTopicChoice): Promise<FrameSource> {
    const { live, tf } = createLiveSource(this.target, choice, this.topicRows)
    this.tf = tf
    this.live = live
    await this.live.start()
    this.status('playing')
    return this.live
  }

  private async stopStream(): Promise<void> {
    const running = this.running
    await this.player?.close()
    await this.live?.close()
    this.player = null
    this.live = null
    this.running = null
    await running
  }

  private async analyze(frame: Frame, perception?: PerceptionSettingsInput) {
    const sceneId = crypto.randomUUID()
    // TF frames ("the gripper") are placed on the host: TF is the session's, the scene the worker's.
    const computation = withSessionRobotFrames(
      await this.host.analyze(frame, sceneId, perception),
      frame,
      {
        tf: this.tf,
        cameraFrameOf: (f) => this.cameraFrameOf(f),
        gripperFrameId: this.choice?.gripperFrame,
      },
    )
    this.sceneIds.set(computation.scene, sceneId)
    this.recent.set(sceneId, computation)
    while (this.recent.size > RECENT_SCENES) this.recent.delete(this.recent.keys().next().value!)
    return computation.scene
  }

  private publish(r: LiveResult): void {
    if (this.isClosed) return
    const sceneId = this.sceneIds.get(r.scene) ?? ''
    const computation = this.recent.get(sceneId)
    const seconds = this.timeRange
      ? ` @ ${(Number(r.frame.timestampNs - this.timeRange.startNs) / 1e9).toFixed(2)} s`
      : ''
    const frameName = `${this.frameNameBase}${seconds}`
    if (!computation) return // evicted already: a newer frame is on its way
    this.host.keep(sceneId, computation, frameName)
    const questions = this.questions
    const overlay = tfOverlay(
      r.scene,
      this.tf,
      this.cameraFrameOf(r.frame),
      this.choice?.fixedFrame,
    )
    const notes = [...this.notes, ...overlay.notes].slice(0, MAX_NOTES)
    this.notes = []
    r.readings.forEach((reading, i) => {
      for (const event of reading.events)
        if (event.type !== 'unavailable')
          this.host.logWatch(sceneId, frameName, questions[i], event)
    })
    this.host.emitFrame(
      frameEvent(this.id, r, sceneId, computation.summary, {
        ...overlay,
        notes,
        droppedFrames: this.dropped(),
        watches: watchesJson(questions, r.readings),
      }),
    )
  }

  private onSourceEvent(event: Exclude<SourceEvent, { kind: 'frame' }>): void {
    if (event.kind === 'message') {
      if (!this.tf) return
      try {
        for (const t of transformsFromTfMessage(event.message, isStaticTfTopic(event.topic)))
          this.tf.add(t)
      } catch (error) {
        this.note(`${event.topic}: ${describeCause(error)}`)
      }
      return
    }
    this.note(`${event.kind === 'error' && event.topic ? `${event.topic}: ` : ''}${event.message}`)
  }

  private cameraFrameOf(frame: Frame): string {
    return this.player?.cameraFrameOf(frame) ?? this.live?.cameraFrameId() ?? ''
  }

  private note(line: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(line)
  }

  private dropped(): number {
    return this.player?.droppedFrames() ?? this.live?.droppedFrames() ?? 0
  }

  private readonly onPlayerState = (state: PlayerState, timeNs?: bigint, message?: string) => {
    if (state === 'closed') return // said once by close()
    this.status(state, message, timeNs)
  }

  private status(state: SourceStatusEvent['state'], message?: string, timeNs?: bigint): void {
    this.host.emitStatus({
      sessionId: this.id,
      state,
      ...(message ? { message } : {}),
      ...(timeNs !== undefined ? { timeNs: timeNs.toString() } : {}),
      droppedFrames: this.dropped(),
    })
  }
}
