/**
 * Frames from a folder of RGB-D pairs (`<stem>_rgb.png` with `<stem>_depth.png`, or colour only), in name order,
 * with one intrinsics file: the `--rgb-dir` source of `spatial-lens watch`. Pull-based (each frame is loaded when
 * the pipeline asks), so nothing is dropped; `fps` paces it like a camera instead, and then latest-frame-wins applies.
 */

import { readdir, realpath } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { describeCause } from '../sources/SourceError'
import type { FrameSource, SourceEvent } from './FrameSource'
import type { Frame } from '../engine/types'
import { pacedSlots } from './pacedSlots'

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

/** Default cap on the decoded frames `preloadFolderFrames` holds: 2 GiB (about 1000 distinct 640×480 RGB-D frames). */
export const PRELOAD_MAX_BYTES = 2 * 1024 ** 3

/**
 * Decodes a folder's frames once, in name order, for replay from memory (MemoryFrameSource). Pairs that are the
 * same files (symlinks, as the live bench's cycled folder) share one decoded frame. Stops with a clear error as soon
 * as the distinct frames' pixels pass `maxBytes` (colour 3 B/px + depth 4 B/px), so memory stays bounded.
 */
export async function preloadFolderFrames(
  options: Pick<FolderSourceOptions, 'dir' | 'intrinsicsPath' | 'depthScale'>,
  maxBytes = PRELOAD_MAX_BYTES,
): Promise<Frame[]> {
  const pairs = await folderPairs(options.dir)
  if (pairs.length === 0) throw new Error(`no *_rgb.png / *_color.png files in ${options.dir}`)
  const decoded = new Map<string, Frame>()
  let bytes = 0
  const frames: Frame[] = []
  for (const pair of pairs) {
    const key = `${await realpath(pair.rgbPath)}\0${pair.depthPath ? await realpath(pair.depthPath) : ''}`
    let frame = decoded.get(key)
    if (!frame) {
      frame = await loadRgbdFrame({
        ...pair,
        intrinsicsPath: options.intrinsicsPath,
        depthScale: options.depthScale,
        cameraId: options.dir,
      })
      bytes += frame.rgb.data.byteLength + (frame.depth?.data.byteLength ?? 0)
      if (bytes > maxBytes)
        throw new Error(
          `preloading ${options.dir}: its ${pairs.length} frames need more than ${(maxBytes / 1024 ** 3).toFixed(1)} GiB decoded; ` +
            'replay fewer frames, or read them from disk (without --preload)',
        )
      decoded.set(key, frame)
    }
    frames.push(frame)
  }
  return frames
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

  /** Frames like a camera (see pacedSlots); only taken frames are decoded. */
  private async *paced(
    pairs: { rgbPath: string; depthPath?: string }[],
    periodMs: number,
  ): AsyncGenerator<SourceEvent> {
    const slots = pacedSlots(
      pairs.length,
      periodMs,
      () => this.isClosed,
      (n) => (this.skipped += n),
    )
    for await (const { slot, dueAtMs } of slots) yield await this.load(slot, pairs[slot], dueAtMs)
  }
}
