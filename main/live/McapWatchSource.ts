/**
 * An MCAP recording as a live-pipeline {@link FrameSource}: the `--mcap` source of `spatial-lens watch`. Pull-based
 * (the next frame is decoded only when the pipeline asks), so a recording drops nothing; `realtime` waits for each
 * frame's log-time offset instead, like a camera replay (still no drops: the pipeline simply falls behind).
 */

import { McapFrameSource } from '../sources/mcap/mcapFrameSource'
import { listMcapTopics, openMcap } from '../sources/mcap/openMcap'
import { pickFrameTopics } from '../sources/mcap/pickTopics'
import type { FrameTopics, RobotFrame } from '../sources/robot/frameSource'
import { describeCause, SourceError } from '../sources/SourceError'
import type { FrameSource, SourceEvent } from './FrameSource'
import type { Frame } from '../engine/types'
import type { TfTree } from '../engine/tf/tfTree'

export interface McapWatchOptions {
  /** Wait until each frame is due at its recorded pace (frame time − first frame time) instead of on demand. */
  realtime?: boolean
}

export class McapWatchSource implements FrameSource {
  readonly description: string
  private isClosed = false
  /** The image TF frame id of each frame yielded (weak: frames go when the pipeline is done with them). */
  private readonly cameraFrames = new WeakMap<Frame, string>()

  private constructor(
    private readonly source: McapFrameSource,
    private readonly total: number | null,
    private readonly options: McapWatchOptions,
  ) {
    this.description = `mcap ${source.description}`
  }

  /**
   * Opens the recording; without a colour topic, picks the file's only colour (+ depth) topic and says so through
   * `note`. The frame total is the colour topic's message count (from the file's statistics).
   * @throws SourceError when the file does not open, a topic is missing or the choice is ambiguous (the message
   * lists the image topics).
   */
  static async open(
    path: string,
    given: Partial<FrameTopics>,
    options: McapWatchOptions = {},
    note: (line: string) => void = () => {},
  ): Promise<McapWatchSource> {
    let topics: FrameTopics
    if (given.colorTopic) topics = { ...given, colorTopic: given.colorTopic }
    else {
      const { reader, readable, name } = await openMcap(path)
      const list = await listMcapTopics(reader).finally(() => readable.close())
      const picked = pickFrameTopics(list, given, name)
      if ('error' in picked) throw new SourceError(picked.error, { file: path })
      note(picked.note)
      topics = picked.topics
    }
    const source = await McapFrameSource.open(path, topics)
    const info = (await source.topics()).find((t) => t.topic === topics.colorTopic)
    return new McapWatchSource(source, info?.messageCount ?? null, options)
  }

  totalFrames(): number | null {
    return this.total
  }

  /** Colour frames without a depth partner within the pairing tolerance (recordings never drop for load). */
  droppedFrames(): number {
    return this.source.stats().framesDropped
  }

  /** The recording's TF tree (static + the last minute of dynamic TF) and the frame's camera frame id. */
  robotContext(frame: Frame): { tfTree: TfTree; cameraFrameId: string } | undefined {
    const tfTree = this.source.tf
    if (tfTree.frameIds().length === 0) return undefined
    return { tfTree, cameraFrameId: this.cameraFrames.get(frame) ?? '' }
  }

  async close(): Promise<void> {
    this.isClosed = true
    await this.source.close()
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    const frames = this.source[Symbol.asyncIterator]()
    const startMs = performance.now()
    let firstNs: bigint | undefined
    let errorsSeen = 0
    const warned = new Set<string>()
    while (!this.isClosed) {
      let next: IteratorResult<RobotFrame, void>
      try {
        next = await frames.next()
      } catch (error) {
        if (!this.isClosed) yield { kind: 'error', message: describeCause(error) }
        return
      }
      const stats = this.source.stats()
      if (stats.decodeErrors > errorsSeen) {
        // Corrupt messages are skipped by the source; say so once per new batch.
        yield {
          kind: 'error',
          message: `${stats.decodeErrors - errorsSeen} message(s) skipped: ${stats.lastError ?? ''}`,
        }
        errorsSeen = stats.decodeErrors
      }
      if (next.done || this.isClosed) return
      const { frame, warnings } = next.value
      this.cameraFrames.set(frame, next.value.cameraFrameId)
      for (const w of warnings.filter((x) => !warned.has(x))) {
        warned.add(w)
        yield { kind: 'status', message: w }
      }
      if (this.options.realtime) {
        firstNs ??= frame.timestampNs
        const dueMs = startMs + Number(frame.timestampNs - firstNs) / 1e6
        await new Promise((r) => setTimeout(r, Math.max(0, dueMs - performance.now())))
      }
      yield { kind: 'frame', frame, receivedAtMs: performance.now() }
    }
  }
}
