/**
 * Latest-frame-wins hand-over between a producer (a source's callbacks) and one consumer (the pipeline): one frame
 * slot that a newer frame replaces (the replaced one is counted as dropped), plus a small bounded list of other
 * events (errors, status) so a flood of malformed messages cannot grow memory either. Never an unbounded queue.
 */

import type { SourceEvent } from './FrameSource'

type FrameEvent = Extract<SourceEvent, { kind: 'frame' }>
type OtherEvent = Exclude<SourceEvent, { kind: 'frame' }>

export class LatestChannel {
  private frame: FrameEvent | null = null
  private others: OtherEvent[] = []
  private waiter: (() => void) | null = null
  private isClosed = false
  /** Frames replaced by a newer one before being taken. */
  dropped = 0
  /** Non-frame events dropped because the event list was full. */
  droppedEvents = 0

  constructor(private readonly maxEvents = 64) {}

  push(event: SourceEvent): void {
    if (this.isClosed) return
    if (event.kind === 'frame') {
      if (this.frame !== null) this.dropped++
      this.frame = event
    } else {
      if (this.others.length >= this.maxEvents) {
        this.others.shift()
        this.droppedEvents++
      }
      this.others.push(event)
    }
    this.wake()
  }

  /** Ends the stream after what is already queued has been taken. */
  close(): void {
    this.isClosed = true
    this.wake()
  }

  private wake(): void {
    const w = this.waiter
    this.waiter = null
    w?.()
  }

  /** The next event (other events first, then the latest frame), or null once closed and drained. */
  async next(): Promise<SourceEvent | null> {
    for (;;) {
      const other = this.others.shift()
      if (other) return other
      if (this.frame) {
        const f = this.frame
        this.frame = null
        return f
      }
      if (this.isClosed) return null
      await new Promise<void>((resolve) => (this.waiter = resolve))
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    for (let e = await this.next(); e !== null; e = await this.next()) yield e
  }
}
