/**
 * The live loop: source → analysis (detection + scene) → tracking → watch queries → sinks. Up to `inFlight`
 * frames are analysed at once, so detection of frame n+1 (onnxruntime's native threads, or a worker) overlaps the
 * geometry of frame n on the JS thread; results are applied strictly in frame order. The loop takes a new frame
 * from the source only when a slot is free, so while it is busy the source's latest-frame-wins slot replaces
 * stale frames (counted as dropped) instead of queueing them.
 */

import type { Frame, Scene } from '../engine/types'
import { Tracker, trackedScene, type Track } from '../engine/tracking'
import type { WatchEvaluator, WatchReading } from '../engine/watch'
import type { FrameSource, SourceEvent } from './FrameSource'
import { describeCause } from '../sources/SourceError'

type FrameEvent = Extract<SourceEvent, { kind: 'frame' }>

/** One processed frame. `latencyMs`: from the frame's arrival at the host to the updated watch readings. */
export interface LiveResult {
  frameIndex: number
  frame: Frame
  scene: Scene
  tracks: Track[]
  readings: WatchReading[]
  latencyMs: number
  /** Time of tracking + watch evaluation for this frame, ms. */
  trackAndWatchMs: number
  /** Of which tracking, ms. */
  trackMs: number
  /** Time the source spent decoding the frame, ms, when it reports it. */
  decodeMs?: number
}

export interface LiveOptions {
  source: FrameSource
  /** Detection + scene for one frame (inline, or on a worker). */
  analyze: (frame: Frame) => Promise<Scene>
  watches: WatchEvaluator[]
  tracker?: Tracker
  /** Stop after this many processed frames. */
  maxFrames?: number
  /** Frames analysed concurrently (default 2: one detecting while the previous one builds its scene). */
  inFlight?: number
  onResult?: (result: LiveResult) => void | Promise<void>
  /** Non-frame source events and per-frame analysis failures. */
  onEvent?: (event: Exclude<SourceEvent, { kind: 'frame' }>) => void
  /** Host clock, ms (injectable for tests). */
  now?: () => number
}

/** What a run did. Latencies in milliseconds. */
export interface LiveStats {
  processed: number
  failed: number
  dropped: number
  latenciesMs: number[]
  elapsedMs: number
}

/** Tracks one analysed frame, evaluates the watches on it and hands the result on (in frame order). */
async function applyAnalysis(
  ctx: { now: () => number; tracker: Tracker; options: LiveOptions; stats: LiveStats },
  event: FrameEvent,
  index: number,
  scene: Scene,
): Promise<void> {
  const { now, tracker, options, stats } = ctx
  const { frame, receivedAtMs } = event
  const t0 = now()
  const tracks = tracker.update(scene)
  const view = trackedScene(scene, tracks)
  const tracked = now()
  const readings = options.watches.map((w) => w.evaluate(view, index, frame.timestampNs))
  const t1 = now()
  const latencyMs = t1 - receivedAtMs
  stats.processed++
  stats.latenciesMs.push(latencyMs)
  await options.onResult?.({
    frameIndex: index,
    frame,
    scene,
    tracks,
    readings,
    latencyMs,
    trackAndWatchMs: t1 - t0,
    trackMs: tracked - t0,
    ...(event.decodeMs !== undefined ? { decodeMs: event.decodeMs } : {}),
  })
}

/** Runs until the source ends, `maxFrames` frames are processed, or the source is closed. */
export async function runLive(options: LiveOptions): Promise<LiveStats> {
  const now = options.now ?? (() => performance.now())
  const tracker = options.tracker ?? new Tracker()
  const inFlight = Math.max(1, options.inFlight ?? 2)
  const max = options.maxFrames ?? Number.POSITIVE_INFINITY
  const stats: LiveStats = { processed: 0, failed: 0, dropped: 0, latenciesMs: [], elapsedMs: 0 }
  const start = now()
  const running = new Set<Promise<void>>()
  let tail: Promise<void> = Promise.resolve()
  let started = 0
  const iterator = options.source[Symbol.asyncIterator]()

  const apply = (event: FrameEvent, index: number, scene: Scene) =>
    applyAnalysis({ now, tracker, options, stats }, event, index, scene)

  while (started < max) {
    if (running.size >= inFlight) {
      await Promise.race(running)
      continue
    }
    const next = await iterator.next()
    if (next.done) break
    const event = next.value
    if (event.kind !== 'frame') {
      options.onEvent?.(event)
      continue
    }
    const index = started++
    const analysis = options.analyze(event.frame)
    const step = tail.then(() =>
      analysis.then(
        (scene) => apply(event, index, scene),
        (error: unknown) => {
          stats.failed++
          options.onEvent?.({ kind: 'error', message: `frame ${index}: ${describeCause(error)}` })
        },
      ),
    )
    tail = step
    const tracked: Promise<void> = step.finally(() => running.delete(tracked))
    running.add(tracked)
  }
  await tail
  stats.dropped = options.source.droppedFrames()
  stats.elapsedMs = now() - start
  return stats
}

/** The p-th percentile (0–100) of a list, nearest-rank; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}
