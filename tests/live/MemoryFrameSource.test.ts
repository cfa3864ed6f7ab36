import { describe, expect, it } from 'vitest'
import { MemoryFrameSource } from '../../main/live/MemoryFrameSource'
import type { SourceEvent } from '../../main/live/FrameSource'
import type { Frame } from '../../main/engine/types'

/** A tiny frame whose single depth pixel tells frames apart. */
function frame(depthM: number): Frame {
  return {
    cameraId: 'mem',
    timestampNs: 0n,
    rgb: { width: 1, height: 1, data: new Uint8Array(3) },
    depth: { width: 1, height: 1, data: new Float32Array([depthM]) },
    intrinsics: { width: 1, height: 1, fx: 1, fy: 1, cx: 0, cy: 0 },
    depthSource: 'sensor',
  }
}

async function collect(source: MemoryFrameSource, delayMs = 0): Promise<SourceEvent[]> {
  const events: SourceEvent[] = []
  for await (const e of source) {
    events.push(e)
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
  }
  return events
}

const depthOf = (e: SourceEvent) => (e.kind === 'frame' ? e.frame.depth!.data[0] : NaN)

describe('MemoryFrameSource', () => {
  it('on demand: cycles the frames for `count` deliveries, stamped one period apart, sharing pixels', async () => {
    const frames = [frame(1), frame(2), frame(3)]
    const source = new MemoryFrameSource({ frames, count: 5 })
    const events = await collect(source)
    expect(events.map(depthOf)).toEqual([1, 2, 3, 1, 2])
    expect(events.map((e) => (e.kind === 'frame' ? e.frame.timestampNs : -1n))).toEqual([
      0n,
      33_333_333n,
      66_666_666n,
      99_999_999n,
      133_333_332n,
    ])
    // No decoding per frame, and the replayed originals are left untouched (copies carry the stamps).
    expect(events.every((e) => e.kind === 'frame' && e.decodeMs === 0)).toBe(true)
    expect(events[3].kind === 'frame' && events[3].frame.depth).toBe(frames[0].depth)
    expect(frames.map((f) => f.timestampNs)).toEqual([0n, 0n, 0n])
    expect(source.droppedFrames()).toBe(0)
    expect(source.totalFrames()).toBe(5)
  })

  it('paced like a camera: a slow consumer drops frames (counted), never queues them', async () => {
    const source = new MemoryFrameSource({ frames: [frame(1), frame(2)], count: 40, fps: 500 })
    const events = await collect(source, 10)
    const delivered = events.filter((e) => e.kind === 'frame')
    // Each pull takes 10 ms while a frame falls due every 2 ms: most are replaced before they are taken.
    expect(source.droppedFrames()).toBeGreaterThan(0)
    expect(delivered.length + source.droppedFrames()).toBe(40)
    // Stamps say which camera slot each delivery was, so they grow with the gaps the drops left.
    const stamps = delivered.map((e) => (e.kind === 'frame' ? e.frame.timestampNs : 0n))
    expect(stamps.every((s, i) => i === 0 || s > stamps[i - 1])).toBe(true)
  })

  it('arrival is when the frame fell due, so latency counts the wait for a busy pipeline', async () => {
    const source = new MemoryFrameSource({ frames: [frame(1)], count: 3, fps: 100 })
    let previous = -Infinity
    for await (const e of source) {
      if (e.kind !== 'frame') continue
      expect(e.receivedAtMs).toBeLessThanOrEqual(performance.now())
      expect(e.receivedAtMs).toBeGreaterThan(previous)
      previous = e.receivedAtMs
    }
  })

  it('stops when closed', async () => {
    const source = new MemoryFrameSource({ frames: [frame(1)], count: 1000, fps: 1000 })
    let n = 0
    for await (const e of source) {
      if (e.kind === 'frame' && ++n === 3) await source.close()
    }
    expect(n).toBe(3)
  })

  it('an empty list is an error event, bad options a clear error', async () => {
    expect(await collect(new MemoryFrameSource({ frames: [] }))).toEqual([
      { kind: 'error', message: expect.stringMatching(/no frames to replay/) },
    ])
    expect(() => new MemoryFrameSource({ frames: [frame(1)], count: -1 })).toThrow(/count/)
    expect(() => new MemoryFrameSource({ frames: [frame(1)], fps: 0 })).toThrow(/fps/)
  })
})
