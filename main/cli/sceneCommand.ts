import type { Scene } from '../engine/types'
import { buildScene } from '../engine/scene/buildScene'
import { median } from '../engine/geometry/stats'
import { sceneSummarySchema } from '../contract/sceneSchema'
import { summarizeScene } from '../frames/sceneSummary'
import { formatLength } from '../engine/scene/naming'
import { labelCheckText } from './labelCheckText'
import { loadFrameFromArgs } from './loadFrameFromArgs'
import { perceiveAndBuild } from '../frames/perceiveAndBuild'
import { withRobotFrames } from '../engine/tf/robotFrames'
import type { CliArgs } from './args'

/** `spatial-lens scene`: builds the scene and prints it (a table, or one contract-validated JSON object). */
export async function runSceneCommand(args: CliArgs, print: (text: string) => void): Promise<void> {
  const loaded = await loadFrameFromArgs(args)
  // Perception runs once (its models are timed in its report and by `npm run bench`); --repeat
  // times the scene compute. With --repeat, the first (cold) build is the untimed warm-up, as in
  // the Open3D reference: the JIT compiles the hot loops on the first frame, and a live camera
  // never runs cold. The N timed runs follow.
  const perceived = await perceiveAndBuild(loaded.frame, loaded.regions, args.perception)
  const runs: Scene[] =
    args.repeat > 1
      ? Array.from({ length: args.repeat }, () =>
          buildScene(perceived.frame, perceived.sceneOptions),
        )
      : [perceived.scene]
  // The reported scene is the perceived one (it carries any model-given names); runs give timings.
  // TF frames are placed on it here, after the build: TF is the recording's, not the scene builder's.
  const perceivedScene = loaded.robot
    ? withRobotFrames(perceived.scene, loaded.robot)
    : perceived.scene
  const scene = withMedianTimings(perceivedScene, runs)
  const summary = sceneSummarySchema.parse({
    ...summarizeScene(scene, 'cli'),
    perception: perceived.perception,
  })
  if (args.json) {
    print(JSON.stringify({ ...summary, repeat: args.repeat }, null, 2))
    return
  }
  print(describeScene(scene, args.repeat))
  for (const step of perceived.perception.steps) {
    print(`${step.stage}: ${step.modelId} on ${step.provider}, ${step.ms.toFixed(1)} ms`)
  }
}

/** The scene with each stage's median time over all runs (for benchmarks). */
function withMedianTimings(scene: Scene, runs: Scene[]): Scene {
  const last = runs[runs.length - 1]
  const timingsMs: Record<string, number> = {}
  for (const stage of Object.keys(last.timingsMs))
    timingsMs[stage] = median(runs.map((r) => r.timingsMs[stage] ?? 0))
  return { ...scene, timingsMs, totalMs: median(runs.map((r) => r.totalMs)) }
}

function describeScene(scene: Scene, repeat: number): string {
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
