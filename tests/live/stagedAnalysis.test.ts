import { describe, expect, it } from 'vitest'
import { stagedAnalyze, type Detected, type LiveAnalyzer } from '../../main/live/stagedAnalysis'
import type { Frame, Scene } from '../../main/engine/types'

const frameAt = (i: number): Frame => ({
  cameraId: 'c',
  timestampNs: BigInt(i),
  rgb: { width: 1, height: 1, data: new Uint8Array(3) },
  depth: { width: 1, height: 1, data: new Float32Array([1]) },
  intrinsics: { width: 1, height: 1, fx: 1, fy: 1, cx: 0, cy: 0 },
  depthSource: 'sensor',
})

/** A fake analyzer: detection resolves when the test releases it; the scene records which detection it used. */
function fakeAnalyzer() {
  const pending: { frame: number; release: () => void }[] = []
  const detected: number[] = []
  const analyzer: LiveAnalyzer = {
    detect: (frame) =>
      new Promise<Detected>((resolve) => {
        const i = Number(frame.timestampNs)
        pending.push({
          frame: i,
          release: () => {
            detected.push(i)
            resolve({
              frame,
              regions: [{ label: `from ${i}`, box: [0, 0, 1, 1] }],
              includeUnmatchedClusters: true,
            })
          },
        })
      }),
    build: async (frame, d) =>
      ({
        cameraId: `${frame.timestampNs} with ${'label' in d.regions[0] ? d.regions[0].label : ''}`,
      }) as unknown as Scene,
  }
  return { analyzer, pending, detected }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('stagedAnalyze', () => {
  it('every-frame: each frame is lifted with its own detections', async () => {
    const { analyzer, pending } = fakeAnalyzer()
    const ages: number[] = []
    const analyze = stagedAnalyze(analyzer, 'every-frame', (_f, t) =>
      ages.push(t.detectionAgeFrames),
    )
    const a = analyze(frameAt(0))
    const b = analyze(frameAt(1))
    await flush()
    expect(pending.map((p) => p.frame)).toEqual([0, 1])
    pending[1].release()
    pending[0].release()
    expect((await a).cameraId).toBe('0 with from 0')
    expect((await b).cameraId).toBe('1 with from 1')
    expect(ages).toEqual([0, 0])
  })

  it('latest: one detection at a time on the newest frame; frames in between reuse the last detections', async () => {
    const { analyzer, pending } = fakeAnalyzer()
    const ages: number[] = []
    const analyze = stagedAnalyze(analyzer, 'latest', (_f, t) => ages.push(t.detectionAgeFrames))
    // Frame 0 has nothing to reuse: it waits for its own detection.
    const first = analyze(frameAt(0))
    await flush()
    pending[0].release()
    expect((await first).cameraId).toBe('0 with from 0')
    // Frame 1 starts a detection (the detector is free) but is lifted at once with frame 0's.
    expect((await analyze(frameAt(1))).cameraId).toBe('1 with from 0')
    // Frame 2 arrives while frame 1's detection still runs: no second detection is started.
    expect((await analyze(frameAt(2))).cameraId).toBe('2 with from 0')
    expect(pending.map((p) => p.frame)).toEqual([0, 1])
    pending[1].release()
    await flush()
    expect((await analyze(frameAt(3))).cameraId).toBe('3 with from 1')
    expect(pending.map((p) => p.frame)).toEqual([0, 1, 3])
    expect(ages).toEqual([0, 1, 2, 2])
  })

  it('latest: a failed first detection fails that frame with a clear error, and the next frame tries again', async () => {
    let calls = 0
    const analyzer: LiveAnalyzer = {
      detect: async (frame) => {
        if (calls++ === 0) throw new Error('model missing')
        return { frame, regions: [], includeUnmatchedClusters: false }
      },
      build: async (frame) => ({ cameraId: String(frame.timestampNs) }) as unknown as Scene,
    }
    const analyze = stagedAnalyze(analyzer, 'latest')
    await expect(analyze(frameAt(0))).rejects.toThrow(/detector failed on the first frame/)
    expect((await analyze(frameAt(1))).cameraId).toBe('1')
  })
})
