import type { SceneSummary } from '../contract/sceneSchema'
import { median } from '../engine/geometry/stats'
import { formatLength } from '../engine/scene/naming'
import { labelCheckText } from './labelCheckText'
import { analyzeRequestFromArgs } from './loadFrameFromArgs'
import { callService, questionServiceOptions, withCliService } from './cliService'
import type { CliArgs } from './args'

/**
 * `spatial-lens scene`: analyses the frame through the service (`scene:analyze`, as the app does) and prints its
 * summary (a table, or the contract-validated JSON object).
 */
export async function runSceneCommand(args: CliArgs, print: (text: string) => void): Promise<void> {
  // Decoding happens here, once, outside the timings.
  const request = await analyzeRequestFromArgs(args)
  const summary = await withCliService(questionServiceOptions(args), async (service) => {
    const first = (await callService(service, 'scene:analyze', request)).summary
    if (args.repeat <= 1) return first
    // --repeat N times the scene compute: the first (cold) analysis is the untimed warm-up, as in the Open3D
    // reference (the JIT compiles the hot loops on the first frame, and a live camera never runs cold); the N
    // timed runs follow. The reported scene is the first one.
    const runs: SceneSummary[] = []
    for (let i = 0; i < args.repeat; i++)
      runs.push((await callService(service, 'scene:analyze', request)).summary)
    return withMedianTimings(first, runs)
  })
  if (args.json) {
    print(JSON.stringify({ ...summary, repeat: args.repeat }, null, 2))
    return
  }
  print(describeScene(summary, args.repeat))
  for (const step of summary.perception?.steps ?? []) {
    print(`${step.stage}: ${step.modelId} on ${step.provider}, ${step.ms.toFixed(1)} ms`)
  }
}

/** The summary with each stage's median time over the timed runs (for benchmarks). */
function withMedianTimings(summary: SceneSummary, runs: SceneSummary[]): SceneSummary {
  const last = runs[runs.length - 1]
  const timingsMs: Record<string, number> = {}
  for (const stage of Object.keys(last.timingsMs))
    timingsMs[stage] = median(runs.map((r) => r.timingsMs[stage] ?? 0))
  return { ...summary, timingsMs, totalMs: median(runs.map((r) => r.totalMs)) }
}

function describeScene(scene: SceneSummary, repeat: number): string {
  const lines: string[] = []
  const p = scene.provenance
  lines.push(
    `${p.sourceDescription ?? 'frame'} — ${p.intrinsics.width}×${p.intrinsics.height}, depth: ${p.depthSource}`,
  )
  if (scene.plane) {
    const n = scene.plane.normal.map((x) => x.toFixed(3)).join(', ')
    lines.push(
      `support plane: normal (${n}) in the camera frame, camera ${formatLength(scene.plane.offset)} above it`,
    )
  } else {
    lines.push(`no support plane: ${p.frameNote}`)
  }
  lines.push(`${scene.objects.length} object(s):`)
  for (const o of scene.objects) {
    const c = o.centerInWorld.map((x) => x.toFixed(3)).join(', ')
    const s = o.sizeM
    const label = o.labelCheck ? `  ${labelCheckText(o.labelCheck)}` : ''
    lines.push(
      `  ${o.name.padEnd(24)} centre (${c}) m  size ${formatLength(s.width)} × ${formatLength(s.depth)} × ${formatLength(s.height)}  ${o.pointCount} points${label}`,
    )
  }
  for (const f of scene.robotFrames?.points ?? []) {
    const w = f.pointInWorld.map((x) => x.toFixed(3)).join(', ')
    const gripper = f.frameId === scene.robotFrames?.gripperFrameId ? ' (the gripper)' : ''
    lines.push(`  TF frame ${f.frameId.padEnd(15)} origin (${w}) m${gripper}`)
  }
  for (const warning of scene.warnings) lines.push(`warning: ${warning}`)
  const stages = Object.entries(scene.timingsMs)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')
  lines.push(
    `compute ${scene.totalMs.toFixed(1)} ms${repeat > 1 ? ` (median of ${repeat}, after one warm-up run)` : ''}: ${stages}`,
  )
  return lines.join('\n')
}
