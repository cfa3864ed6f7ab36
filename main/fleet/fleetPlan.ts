// The same listing as the local `synth` (absolute roots: workers on other machines open them as given).
import { resolve } from 'node:path'
import { UserError } from '../app/userError'
import { listInput } from '../synth/runSynth'
import { planJobs, stableHash, SynthPlanError, type SynthPlan } from '../synth/plan'
import type { JobConfig } from '../synth/runJob'
import { fleetJobDataSchema, type FleetJobData } from '../contract/fleetSchema'

/** What a fleet run was asked to do: the local synth's inputs and configuration, plus the batch size. */
export interface FleetPlanRequest {
  inputs: string[]
  config: Omit<JobConfig, 'roots'>
  /** Frames per queued job (fewer Redis entries for big datasets; a retry redoes only unfinished frames). */
  framesPerJob: number
}

/**
 * The local plan (main/synth/plan.ts: one job per frame, stable ids, one shard per frame) cut into
 * queue jobs of `framesPerJob` frames. A queue job's id hashes its frames' ids and the configuration:
 * the same command always gives the same ids, so re-submitting never duplicates.
 */
export async function planFleetJobs(
  request: FleetPlanRequest,
): Promise<{ plan: SynthPlan; jobs: FleetJobData[] }> {
  if (
    !Number.isInteger(request.framesPerJob) ||
    request.framesPerJob < 1 ||
    request.framesPerJob > 10_000
  ) {
    throw new UserError(`--frames-per-job must be an integer 1-10000, got ${request.framesPerJob}`)
  }
  let plan: SynthPlan
  try {
    plan = planJobs(await Promise.all(request.inputs.map(listInput)))
  } catch (error) {
    if (error instanceof SynthPlanError) throw new UserError(error.message)
    throw error
  }
  const config = { ...request.config, outDir: resolve(request.config.outDir), roots: plan.roots }
  const configKey = JSON.stringify(config)
  const jobs: FleetJobData[] = []
  for (let start = 0; start < plan.jobs.length; start += request.framesPerJob) {
    const frames = plan.jobs.slice(start, start + request.framesPerJob)
    const id = `j${stableHash(`${configKey}\u0000${frames.map((f) => f.id).join('\u0000')}`)}`
    jobs.push(fleetJobDataSchema.parse({ version: 1, id, frames, config }))
  }
  return { plan, jobs }
}
