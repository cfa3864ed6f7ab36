import type { Frame } from '../engine/types'
import type { FleetFrameRef, FleetJobData } from '../contract/fleetSchema'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { loadPcdFrame } from '../sources/pcd'
import { perceiveAndBuild } from '../services/perceiveAndBuild'
import { perceptionSettingsSchema } from '../perception/perceptionSettings'
import { shardPath, writeShardAtomically } from './shardFile'

/** What running one job produced: its shard and how many frames and samples went into it. */
export interface FleetJobOutput {
  shard: string
  frames: number
  samples: number
}

/**
 * The fleet's unit of work: one job in, one shard out. The worker calls this and nothing else, so
 * the local pool's job runner plugs in here unchanged (the same code on one machine or a fleet).
 */
export type FleetJobRunner = (job: FleetJobData) => Promise<FleetJobOutput>

/**
 * Placeholder runner until the synthesis job runner is merged: each frame → the app's perception
 * and scene → one JSONL record with its objects (metres, world frame). Sample ids are
 * `<jobId>-<frame index>`, so a retried job writes the same ids into the same shard.
 */
export const runSceneRecordJob: FleetJobRunner = async (job) => {
  const perception = perceptionSettingsSchema.parse(job.config.perception ?? {})
  const lines: string[] = []
  for (const [index, ref] of job.inputs.entries()) {
    const frame = await loadRef(ref)
    const { scene } = await perceiveAndBuild(frame, [], perception)
    lines.push(
      JSON.stringify({
        id: `${job.id}-${index}`,
        frame: ref.kind === 'pcd' ? ref.pcd : ref.rgb,
        plane: scene.plane ? { normal: Array.from(scene.plane.normal), offsetM: scene.plane.offset } : null,
        objects: scene.objects.map((o) => ({
          label: o.label,
          centerInWorldM: Array.from(o.centerInWorld),
          sizeM: o.sizeM,
        })),
      }),
    )
  }
  const shard = shardPath(job.outDir, job.id)
  writeShardAtomically(shard, lines)
  return { shard, frames: job.inputs.length, samples: lines.length }
}

function loadRef(ref: FleetFrameRef): Promise<Frame> {
  if (ref.kind === 'pcd') return loadPcdFrame(ref.pcd)
  return loadRgbdFrame({ rgbPath: ref.rgb, depthPath: ref.depth, intrinsicsPath: ref.intrinsics })
}
