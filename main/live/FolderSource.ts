/**
 * Frames from a folder of RGB-D pairs (`<stem>_rgb.png` with `<stem>_depth.png`, or colour only), in name order,
 * with one intrinsics file: the `--rgb-dir` source of `spatial-lens watch`. Pull-based (each frame is loaded when
 * the pipeline asks), so nothing is dropped; `fps` paces it like a camera instead, and then latest-frame-wins applies.
 */

import { readdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { describeCause } from '../sources/SourceError'
import type { FrameSource, SourceEvent } from './FrameSource'

export interface FolderSourceOptions {
  dir: string
  intrinsicsPath: string
  depthScale?: number
  /** Publish at this rate (frames per second) instead of on demand. */
  fps?: number
  /** Stamp spacing when frames carry no time, ns (default 1/30 s). */
  framePeriodNs?: bigint
}

const RGB = /^(.*)_(?:rgb|color|colour)\.(png|jpe?g)$/i

/** RGB/depth file pairs of a folder, sorted by name. */
export async function folderPairs(dir: string): Promise<{ rgbPath: string; depthPath?: string }[]> {
  const names = (await readdir(dir)).sort()
  return names.flatMap((name) => {
    const m = RGB.exec(name)
    if (!m) return []
    const depth = join(dir, `${m[1]}_depth.png`)
    return [{ rgbPath: join(dir, name), depthPath: existsSync(depth) ? depth : undefined }]
  })
}

export class FolderSource implements FrameSource {
  readonly description: string
  private isClosed = false
  /** Paced mode: frames whose time slot passed before the host could read them. */
  private skipped = 0
  private total: number | null = null

  constructor(private readonly options: FolderSourceOptions) {
    this.description = `folder ${options.dir}`
  }

  totalFrames(): number | null {
    return this.total
  }

  droppedFrames(): number {
    return this.skipped
  }

  async close(): Promise<void> {
    this.isClosed = true
  }

  /** `dueAtMs`: when a camera would have delivered the frame (paced mode); otherwise when its loading began. */
  private async load(
    i: number,
    pair: { rgbPath: string; depthPath?: string },
    dueAtMs?: number,
  ): Promise<SourceEvent> {
    const startMs = performance.now()
    try {
      const frame = await loadRgbdFrame({
        ...pair,
        intrinsicsPath: this.options.intrinsicsPath,
        depthScale: this.options.depthScale,
        cameraId: this.options.dir,
      })
      frame.timestampNs = BigInt(i) * (this.options.framePeriodNs ?? 33_333_333n)
      // Arrival is when the frame was there to take, so latency counts its decoding (as a camera driver's would).
      const receivedAtMs = Math.min(startMs, dueAtMs ?? startMs)
      return { kind: 'frame', frame, receivedAtMs, decodeMs: performance.now() - startMs }
    } catch (error) {
      return { kind: 'error', message: describeCause(error), topic: pair.rgbPath }
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    const pairs = await folderPairs(this.options.dir)
    this.total = pairs.length
    if (pairs.length === 0) {
      yield { kind: 'error', message: `no *_rgb.png / *_color.png files in ${this.options.dir}` }
      return
    }
    if (this.options.fps === undefined) {
      for (const [i, pair] of pairs.entries()) {
        if (this.isClosed) return
        yield await this.load(i, pair)
      }
      return
    }
    yield* this.paced(pairs, 1000 / this.options.fps)
  }

  /**
   * Frames like a camera: frame i is due at i·period after the start. Each pull takes the newest frame that is due
   * (waiting for the next one when none is new); frames whose time passed while the pipeline was busy are dropped
   * and counted, as a real camera would have overwritten them. Only taken frames are decoded.
   */
  private async *paced(
    pairs: { rgbPath: string; depthPath?: string }[],
    periodMs: number,
  ): AsyncGenerator<SourceEvent> {
    const start = performance.now()
    let last = -1
    while (!this.isClosed) {
      let slot = Math.floor((performance.now() - start) / periodMs)
      if (slot <= last) {
        slot = last + 1
        await new Promise((r) =>
          setTimeout(r, Math.max(0, start + slot * periodMs - performance.now())),
        )
      }
      if (slot >= pairs.length) {
        this.skipped += pairs.length - 1 - last
        return
      }
      this.skipped += slot - last - 1
      last = slot
      yield await this.load(slot, pairs[slot], start + slot * periodMs)
    }
  }
}
