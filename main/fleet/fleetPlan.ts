// The same listing as the local `synth` (absolute roots: workers on other machines open them as given).
import { resolve } from 'node:path'
import { UserError } from '../app/userError'
import { listInput, listRecordings } from '../synth/runSynth'
import { planJobs, stableHash, SynthPlanError, type SynthJob, type SynthPlan } from '../synth/plan'
import type { JobConfig } from '../synth/runJob'
import {
  DEFAULT_MCAP,
  datasetConfig,
  type DatasetConfig,
  type McapReadOptions,
} from '../synth/datasetConfig'
import { fleetJobDataSchema, type FleetJobData } from '../contract/fleetSchema'

/** What a fleet run was asked to do: the local synth's inputs and configuration, plus the batch size. */
export interface FleetPlanRequest {
  inputs: string[]
  config: Omit<JobConfig, 'roots'>
  /** How MCAP recordings among the inputs are read (default: topics picked per file, every frame). */
  mcap?: McapReadOptions
  /** Frames per queued job (fewer Redis entries for big datasets; a retry redoes only unfinished frames). */
  framesPerJob: number
}

/**
 * The local plan (main/synth/plan.ts: one job per frame, stable ids, one shard per frame) cut into
 * queue jobs of `framesPerJob` frames; a recording's frames are cut into segments of their own (a
 * queue job never mixes two recordings, nor a recording and a folder's frames). A queue job's id
 * hashes its frames' ids and the configuration: the same command always gives the same ids, so
 * re-submitting never duplicates. `pinned` is config.json as the local synth writes it.
 */
export async function planFleetJobs(
  request: FleetPlanRequest,
): Promise<{ plan: SynthPlan; jobs: FleetJobData[]; pinned: DatasetConfig }> {
  if (
    !Number.isInteger(request.framesPerJob) ||
    request.framesPerJob < 1 ||
    request.framesPerJob > 10_000
  ) {
    throw new UserError(`--frames-per-job must be an integer 1-10000, got ${request.framesPerJob}`)
  }
  const mcap = request.mcap ?? DEFAULT_MCAP
  let plan: SynthPlan
  try {
    const inputs = await Promise.all(request.inputs.map(listInput))
    for (const input of inputs) await listRecordings(input, mcap)
    plan = planJobs(inputs)
  } catch (error) {
    if (error instanceof SynthPlanError) throw new UserError(error.message)
    throw error
  }
  const config = { ...request.config, outDir: resolve(request.config.outDir), roots: plan.roots }
  const configKey = JSON.stringify(config)
  const jobs = segments(plan.jobs, request.framesPerJob).map((frames) => {
    const id = `j${stableHash(`${configKey}\u0000${frames.map((f) => f.id).join('\u0000')}`)}`
    return fleetJobDataSchema.parse({ version: 1, id, frames, config })
  })
  const hasRecordings = plan.jobs.some((job) => job.input.kind === 'mcap')
  return { plan, jobs, pinned: datasetConfig(config, plan.roots, hasRecordings ? mcap : null) }
}

/**
 * Consecutive frames of one source (a recording, or the folders' frames) cut into runs of at most `size`.
 * Plans without recordings are cut exactly as before recordings were taken (same queue job ids).
 */
function segments(frames: SynthJob[], size: number): SynthJob[][] {
  const sourceOf = (job: SynthJob) =>
    job.input.kind === 'mcap' ? `${job.inputIndex}\u0000${job.input.mcap}` : ''
  const out: SynthJob[][] = []
  let current: SynthJob[] = []
  for (const frame of frames) {
    if (
      current.length === size ||
      (current.length > 0 && sourceOf(current[0]) !== sourceOf(frame))
    ) {
      out.push(current)
      current = []
    }
    current.push(frame)
  }
  if (current.length > 0) out.push(current)
  return out
}
