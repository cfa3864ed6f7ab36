/**
 * An MCAP recording played like a camera for the app: frames are read at the recorded pace and handed
 * to the pipeline latest-frame-wins (LatestChannel), so a pipeline slower than the recording drops
 * frames (counted) instead of queueing them. Play, pause and seek; a seek while paused shows the
 * frame at the new time. The end of the recording pauses; a seek plays on from there.
 */

import type { Frame } from '../engine/types'
import type { McapFrameSource } from '../sources/mcap/mcapFrameSource'
import type { RobotFrame } from '../sources/robot/frameSource'
import { describeCause } from '../sources/SourceError'
import type { FrameSource, SourceEvent } from './FrameSource'
import { LatestChannel } from './LatestChannel'

export type PlayerState = 'playing' | 'paused' | 'ended' | 'closed' | 'error'

export interface RecordingPlayerOptions {
  /** Told of each state change, with the time of the latest frame read (ns). */
  onState?: (state: PlayerState, timeNs: bigint | undefined, message?: string) => void
  /** Playback speed: 1 = the recorded pace; Infinity = as fast as the file reads. */
  speed?: number
}

export class RecordingPlayer implements FrameSource {
  readonly description: string
  private readonly channel = new LatestChannel()
  /** The TF frame of the camera that took each frame handed on (the pipeline hands the frame back). */
  private readonly cameraFrames = new WeakMap<Frame, string>()
  private isPlaying = true
  private isClosed = false
  /** Frames still to be shown while paused (one after a seek). */
  private showWhilePaused = 0
  /**
   * A seek asked for and not yet handed to the source: the pump hands it over between reads, so a
   * frame read while it was pending is known to be from before it (and dropped).
   */
  private pendingSeekNs: bigint | undefined
  private isEnded = false
  private wake: (() => void) | null = null
  private latestNs: bigint | undefined

  constructor(
    private readonly source: McapFrameSource,
    private readonly options: RecordingPlayerOptions = {},
  ) {
    this.description = source.description
  }

  /** Starts reading (playing from the recording's start). */
  start(): void {
    void this.pump()
  }

  cameraFrameOf(frame: Frame): string {
    return this.cameraFrames.get(frame) ?? ''
  }

  setPlaying(isPlaying: boolean): void {
    if (this.isClosed) return
    this.isPlaying = isPlaying
    if (isPlaying && this.isEnded) this.seek(this.source.timeRange()?.startNs ?? 0n)
    this.report(isPlaying ? 'playing' : 'paused')
    this.poke()
  }

  /** The next frame shown is the first at or after `timeNs` (absolute log time, ns). */
  seek(timeNs: bigint): void {
    if (this.isClosed) return
    this.pendingSeekNs = timeNs
    if (!this.isPlaying) this.showWhilePaused = 1
    this.poke()
  }

  get playing(): boolean {
    return this.isPlaying
  }

  /** Where playback is: a seek not yet served, else the latest frame handed on (ns); undefined before any. */
  get positionNs(): bigint | undefined {
    return this.pendingSeekNs ?? this.latestNs
  }

  droppedFrames(): number {
    return this.channel.dropped + this.source.stats().framesDropped
  }

  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    this.channel.close()
    this.poke()
    this.report('closed')
    await this.source.close()
  }

  [Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    return this.channel[Symbol.asyncIterator]()
  }

  private report(state: PlayerState, message?: string): void {
    this.options.onState?.(state, this.latestNs, message)
  }

  private poke(): void {
    const w = this.wake
    this.wake = null
    w?.()
  }

  /** Waits until poked or `ms` passed (Infinity: until poked). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => this.poke(), ms) : null
      this.wake = () => {
        if (timer) clearTimeout(timer)
        resolve()
      }
    })
  }

  private async pump(): Promise<void> {
    let frames = this.source[Symbol.asyncIterator]()
    /** Wall clock and recording time of the frame pacing started from. */
    let anchor: { wallMs: number; timeNs: bigint } | null = null
    const speed = this.options.speed ?? 1
    while (!this.isClosed) {
      if (!this.isPlaying && this.showWhilePaused === 0) {
        anchor = null
        await this.pause(Infinity)
        continue
      }
      if (this.pendingSeekNs !== undefined) {
        this.source.seek(this.pendingSeekNs)
        this.pendingSeekNs = undefined
        anchor = null
        if (this.isEnded) frames = this.source[Symbol.asyncIterator]() // the finished pass cannot resume
        this.isEnded = false
      }
      let next: IteratorResult<RobotFrame, void>
      try {
        next = await frames.next()
      } catch (error) {
        this.channel.push({ kind: 'error', message: describeCause(error) })
        this.report('error', describeCause(error))
        return
      }
      if (this.isClosed) return
      if (this.pendingSeekNs !== undefined) continue // read before the seek: stale
      if (next.done) {
        this.isEnded = true
        this.isPlaying = false
        this.showWhilePaused = 0
        this.report('ended')
        continue
      }
      const { frame, cameraFrameId } = next.value
      if (this.isPlaying && Number.isFinite(speed)) {
        anchor ??= { wallMs: performance.now(), timeNs: frame.timestampNs }
        const dueMs = anchor.wallMs + Number(frame.timestampNs - anchor.timeNs) / 1e6 / speed
        const waitMs = dueMs - performance.now()
        if (waitMs > 1) await this.pause(waitMs)
        if (this.isClosed) return
        if (this.pendingSeekNs !== undefined) continue
      }
      if (this.showWhilePaused > 0) this.showWhilePaused--
      this.latestNs = frame.timestampNs
      this.cameraFrames.set(frame, cameraFrameId)
      this.channel.push({ kind: 'frame', frame, receivedAtMs: performance.now() })
    }
  }
}
