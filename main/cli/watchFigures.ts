/**
 * The running figures of `spatial-lens watch`: time per stage, completions and latencies, for the progress line
 * while it runs and the summary at the end (watchSummary).
 */
import type { Scene } from '../engine/types'
import type { FrameSource } from '../live/FrameSource'
import { percentile, type LiveResult } from '../live/livePipeline'
import type { StageTimes } from '../live/stagedAnalysis'
import { emptyTimeSplitSums, type TimeSplitSums } from '../live/timeSplit'
import { formatLength } from '../engine/answers/format'
import type { RunMeasures } from './watchSummary'

/** Latencies the progress line's p95 is taken over (the newest). */
const RECENT_LATENCIES = 300

export class WatchFigures {
  private readonly started = performance.now()
  private readonly recent: number[] = []
  private readonly sums = { analyzeMs: 0, sceneMs: 0, trackAndWatchMs: 0, sinksMs: 0 }
  private readonly sceneStages: Record<string, number> = {}
  private readonly split: TimeSplitSums = emptyTimeSplitSums()
  /** Completion time and latency per frame, for the steady-state figures (warm-up frames excluded). */
  private readonly done: { atMs: number; latencyMs: number }[] = []

  /** Detection and geometry time of one analysis (staged: detection may be reused). */
  addStageTimes(times: StageTimes): void {
    this.split.analyses++
    this.split.detectionMs += times.detectionMs
    this.split.geometryMs += times.geometryMs
    this.split.detectionAgeFrames += times.detectionAgeFrames
  }

  /** One analysed frame: its wall time (ms) and the scene's own stage timings. */
  addScene(analyzeMs: number, scene: Scene): void {
    this.sums.analyzeMs += analyzeMs
    this.sums.sceneMs += scene.totalMs
    for (const [stage, ms] of Object.entries(scene.timingsMs))
      this.sceneStages[stage] = (this.sceneStages[stage] ?? 0) + ms
  }

  /** Decode, tracking and watch times of one processed frame. */
  addResult(r: LiveResult): void {
    this.sums.trackAndWatchMs += r.trackAndWatchMs
    this.split.frames++
    this.split.decodeMs += r.decodeMs ?? 0
    this.split.trackingMs += r.trackMs
    this.split.watchMs += r.trackAndWatchMs - r.trackMs
  }

  /** A frame's sinks are done (they started at `sinkStartMs`): counts it and gives the progress line. */
  frameDone(
    r: LiveResult,
    sinkStartMs: number,
    source: Pick<FrameSource, 'totalFrames' | 'droppedFrames'>,
  ): string {
    const fps = ((r.frameIndex + 1) * 1000) / (performance.now() - this.started)
    this.sums.sinksMs += performance.now() - sinkStartMs
    this.done.push({ atMs: performance.now(), latencyMs: r.latencyMs })
    this.recent.push(r.latencyMs)
    if (this.recent.length > RECENT_LATENCIES) this.recent.shift()
    return progressLine(r, source.totalFrames?.() ?? null, fps, source.droppedFrames(), this.recent)
  }

  /** What the summary needs. */
  measures(json: boolean, schedule: string): RunMeasures {
    const { done, split, sceneStages, sums } = this
    return { json, schedule, done, split, sceneStages, sums }
  }
}

/** One-line progress: frames, rate, drops, latency, current readings. */
function progressLine(
  r: LiveResult,
  total: number | null,
  fps: number,
  dropped: number,
  latencies: number[],
): string {
  const readings = r.readings.map((x) =>
    x.valueM === null ? 'n/a' : formatLength(x.valueM) + (x.isAlerting ? ' ALERT' : ''),
  )
  return `frame ${r.frameIndex + 1}${total ? `/${total}` : ''}  ${fps.toFixed(1)} fps  dropped ${dropped}  p95 ${percentile(latencies, 95).toFixed(0)} ms  tracks ${r.tracks.filter((t) => t.isConfirmed).length}  ${readings.join('  ')}`
}
