/** The summary `spatial-lens watch` ends with: one JSON object (--json) or one line, and the exit status. */
import { percentile, type runLive } from '../live/livePipeline'
import { liveTimeSplit, type TimeSplitSums } from '../live/timeSplit'

/** Rate and latency after the warm-up (first model run, JIT): frames after the first `WARM_UP` ones. */
const WARM_UP = 3

/** What the run measured besides runLive's stats, for the summary. */
export interface RunMeasures {
  json: boolean
  schedule: string
  done: { atMs: number; latencyMs: number }[]
  split: TimeSplitSums
  sceneStages: Record<string, number>
  sums: { analyzeMs: number; sceneMs: number; trackAndWatchMs: number; sinksMs: number }
}

/** Prints the run's summary (one JSON object with --json, else one line); returns the exit status. */
export function printSummary(
  stats: Awaited<ReturnType<typeof runLive>>,
  m: RunMeasures,
  print: (line: string) => void,
): number {
  if (m.json) {
    const n = Math.max(1, stats.processed)
    print(
      JSON.stringify({
        processed: stats.processed,
        dropped: stats.dropped,
        failed: stats.failed,
        fps: (stats.processed * 1000) / stats.elapsedMs,
        latencyMs: {
          p50: percentile(stats.latenciesMs, 50),
          p95: percentile(stats.latenciesMs, 95),
        },
        steady: steadyState(m.done),
        detectionSchedule: m.schedule,
        timeSplitMeanMs: liveTimeSplit(m.split, m.sceneStages),
        sceneStagesMeanMs: Object.fromEntries(
          Object.entries(m.sceneStages).map(([k, v]) => [k, v / n]),
        ),
        meanMs: {
          analyze: m.sums.analyzeMs / n,
          scene: m.sums.sceneMs / n,
          perception: (m.sums.analyzeMs - m.sums.sceneMs) / n,
          trackAndWatch: m.sums.trackAndWatchMs / n,
          sinks: m.sums.sinksMs / n,
        },
      }),
    )
    return 0
  }
  const latency =
    stats.latenciesMs.length === 0
      ? 'no latency (no frame answered)'
      : `latency p50 ${percentile(stats.latenciesMs, 50).toFixed(0)} ms p95 ${percentile(stats.latenciesMs, 95).toFixed(0)} ms`
  print(
    `${stats.processed} frames in ${(stats.elapsedMs / 1000).toFixed(1)} s (${((stats.processed * 1000) / stats.elapsedMs).toFixed(1)} fps), ` +
      `dropped ${stats.dropped}, failed ${stats.failed}, ${latency}`,
  )
  // Every frame failed: nothing was measured, which a script must be able to tell from success.
  return stats.processed === 0 && stats.failed > 0 ? 1 : 0
}

function steadyState(done: { atMs: number; latencyMs: number }[]) {
  if (done.length <= WARM_UP + 1) return null
  const rest = done.slice(WARM_UP)
  const spanMs = rest[rest.length - 1].atMs - done[WARM_UP - 1].atMs
  const latencies = rest.map((d) => d.latencyMs)
  return {
    frames: rest.length,
    fps: (rest.length * 1000) / spanMs,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  }
}
