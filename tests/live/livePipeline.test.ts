import { describe, expect, it } from 'vitest'
import { runLive, percentile } from '../../main/live/livePipeline'
import { LatestChannel } from '../../main/live/LatestChannel'
import type { FrameSource, SourceEvent } from '../../main/live/FrameSource'
import { parseWatch, WatchEvaluator } from '../../main/engine/watch'
import { Tracker } from '../../main/engine/tracking'
import type { Frame, Scene } from '../../main/engine/types'
import { sceneWithBoxes } from '../engine/answers/sceneFromGroundTruth'

const frameAt = (i: number): Frame => ({
  cameraId: 'c',
  timestampNs: BigInt(i) * 33_000_000n,
  rgb: { width: 1, height: 1, data: new Uint8Array(3) },
  intrinsics: { width: 1, height: 1, fx: 1, fy: 1, cx: 0, cy: 0 },
  depthSource: 'sensor',
})

/** Bottle approaching the mug 2 cm per frame: gap = x − 0.08 with x = 0.24 − 0.02·i. */
function sceneFor(frame: Frame): Scene {
  const i = Number(frame.timestampNs / 33_000_000n)
  const s = sceneWithBoxes([
    { name: 'mug', c: [0, 0.6, 0.05], s: [0.08, 0.08, 0.1] },
    { name: 'bottle', c: [0.24 - 0.02 * i, 0.6, 0.05], s: [0.08, 0.08, 0.1] },
  ])
  s.timestampNs = frame.timestampNs
  return s
}

class ListSource implements FrameSource {
  description = 'list'
  constructor(private readonly events: SourceEvent[]) {}
  droppedFrames() {
    return 0
  }
  async close() {}
  async *[Symbol.asyncIterator]() {
    yield* this.events
  }
}

const watchOf = (phrase: string) => {
  const p = parseWatch(phrase)
  if (!p.ok) throw new Error(p.reason)
  return new WatchEvaluator(p.spec, { hysteresisM: 0 })
}

describe('runLive', () => {
  it('applies results in frame order though analyses finish out of order, at most 2 at once', async () => {
    const events: SourceEvent[] = Array.from({ length: 8 }, (_, i) => ({
      kind: 'frame',
      frame: frameAt(i),
      receivedAtMs: 0,
    }))
    let running = 0
    let maxRunning = 0
    const order: number[] = []
    const stats = await runLive({
      source: new ListSource(events),
      // Even frames take longer than odd ones, so frame 1 finishes before frame 0.
      analyze: async (f) => {
        running++
        maxRunning = Math.max(maxRunning, running)
        await new Promise((r) =>
          setTimeout(r, Number(f.timestampNs / 33_000_000n) % 2 === 0 ? 15 : 1),
        )
        running--
        return sceneFor(f)
      },
      watches: [watchOf('alert when the bottle is within 5 cm of the mug')],
      tracker: new Tracker({ confirmHits: 1 }),
      onResult: (r) => void order.push(r.frameIndex),
    })
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(maxRunning).toBe(2)
    expect(stats.processed).toBe(8)
  })

  it('fires the watch at the right frame on tracked objects and keeps track ids', async () => {
    const events: SourceEvent[] = Array.from({ length: 8 }, (_, i) => ({
      kind: 'frame',
      frame: frameAt(i),
      receivedAtMs: 0,
    }))
    const fired: [string, number][] = []
    const ids = new Set<string>()
    await runLive({
      source: new ListSource(events),
      analyze: async (f) => sceneFor(f),
      watches: [watchOf('alert when the bottle is within 5 cm of the mug')],
      tracker: new Tracker({ confirmHits: 1, processSigmaM: 1 }), // trust measurements: smoothing lag off
      onResult: (r) => {
        for (const t of r.tracks) ids.add(`${t.id}:${t.name}`)
        for (const e of r.readings[0].events)
          if (e.type !== 'value') fired.push([e.type, e.frameIndex])
      },
    })
    // Gap per frame: 0.16, 0.14, 0.12, 0.10, 0.08, 0.06, 0.04 (frame 6), 0.02.
    expect(fired).toEqual([['alert_entered', 6]])
    expect([...ids].sort()).toEqual(['1:mug', '2:bottle'])
  })

  it('passes errors on and goes on; a failed analysis is counted, not fatal', async () => {
    const events: SourceEvent[] = [
      { kind: 'frame', frame: frameAt(0), receivedAtMs: 0 },
      { kind: 'error', message: 'bad message', topic: '/x' },
      { kind: 'frame', frame: frameAt(1), receivedAtMs: 0 },
      { kind: 'frame', frame: frameAt(2), receivedAtMs: 0 },
    ]
    const seen: string[] = []
    const stats = await runLive({
      source: new ListSource(events),
      analyze: async (f) => {
        if (f.timestampNs === 33_000_000n) throw new Error('no depth inside')
        return sceneFor(f)
      },
      watches: [],
      onEvent: (e) => seen.push(e.kind === 'message' ? e.topic : e.message),
    })
    expect(seen).toEqual(['bad message', 'frame 1: no depth inside'])
    expect([stats.processed, stats.failed]).toEqual([2, 1])
  })

  it('drops stale frames at the source while the pipeline is busy (latest-frame-wins), and counts them', async () => {
    const channel = new LatestChannel()
    const source: FrameSource = {
      description: 'push',
      droppedFrames: () => channel.dropped,
      close: async () => channel.close(),
      [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator](),
    }
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const analysed: number[] = []
    channel.push({ kind: 'frame', frame: frameAt(0), receivedAtMs: 0 })
    const run = runLive({
      source,
      inFlight: 1,
      analyze: async (f) => {
        analysed.push(Number(f.timestampNs / 33_000_000n))
        if (analysed.length === 1) await gate
        return sceneFor(f)
      },
      watches: [],
    })
    await new Promise((r) => setTimeout(r, 5))
    for (let i = 1; i <= 6; i++) channel.push({ kind: 'frame', frame: frameAt(i), receivedAtMs: 0 })
    release()
    await new Promise((r) => setTimeout(r, 5))
    channel.close()
    const stats = await run
    expect(analysed).toEqual([0, 6])
    expect(stats.dropped).toBe(5)
  })
})

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3)
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95)
    expect(percentile([], 50)).toBeNaN()
  })
})
