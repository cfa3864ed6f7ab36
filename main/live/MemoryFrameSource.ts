/**
 * Frames already decoded, replayed from memory like a camera driver hands them over (raw ROS `Image`, MCAP raw):
 * no file reading or PNG decoding per frame, so a live benchmark measures what a robot camera costs. Cycles through
 * `frames` for `count` frames; with `fps` it publishes at that rate with latest-frame-wins (frames the consumer
 * was too busy to take are dropped and counted), otherwise it hands one over per pull.
 */

import type { Frame } from '../engine/types'
import type { FrameSource, SourceEvent } from './FrameSource'
import { pacedSlots } from './pacedSlots'

export interface MemoryFrameSourceOptions {
  /** Decoded frames to replay, in order (shared, never modified: each delivery is a shallow copy). */
  frames: readonly Frame[]
  /** Frames to deliver, cycling through `frames` (default: each once). */
  count?: number
  /** Publish at this rate (frames per second) instead of on demand. */
  fps?: number
  /** Stamp spacing, ns (default 1/30 s); delivery i is stamped i·period. */
  framePeriodNs?: bigint
  description?: string
}

export class MemoryFrameSource implements FrameSource {
  readonly description: string
  private isClosed = false
  private skipped = 0
  private readonly count: number

  constructor(private readonly options: MemoryFrameSourceOptions) {
    const count = options.count ?? options.frames.length
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`MemoryFrameSource: count must be a whole number ≥ 0, got ${count}`)
    if (options.fps !== undefined && !(options.fps > 0))
      throw new Error(`MemoryFrameSource: fps must be positive, got ${options.fps}`)
    this.count = options.frames.length === 0 ? 0 : count
    this.description = options.description ?? `memory (${options.frames.length} frames)`
  }

  totalFrames(): number {
    return this.count
  }

  droppedFrames(): number {
    return this.skipped
  }

  async close(): Promise<void> {
    this.isClosed = true
  }

  /** Delivery i: frame i mod n, stamped i periods after the first. `receivedAtMs`: when it was due (or taken). */
  private event(i: number, receivedAtMs: number): SourceEvent {
    const frames = this.options.frames
    const frame: Frame = {
      ...frames[i % frames.length],
      timestampNs: BigInt(i) * (this.options.framePeriodNs ?? 33_333_333n),
    }
    return { kind: 'frame', frame, receivedAtMs, decodeMs: 0 }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    if (this.count === 0) {
      yield { kind: 'error', message: `${this.description}: no frames to replay` }
      return
    }
    if (this.options.fps === undefined) {
      for (let i = 0; i < this.count && !this.isClosed; i++) yield this.event(i, performance.now())
      return
    }
    const slots = pacedSlots(
      this.count,
      1000 / this.options.fps,
      () => this.isClosed,
      (n) => (this.skipped += n),
    )
    // A timer may fire a fraction of a millisecond early: a frame never arrives before it is handed over.
    for await (const { slot, dueAtMs } of slots)
      yield this.event(slot, Math.min(dueAtMs, performance.now()))
  }
}
