import { UnrecoverableError } from 'bullmq'
import { fleetJobDataSchema, fleetJobResultSchema, type FleetJobResult } from '../contract/fleetSchema'
import { shardExists, shardPath } from './shardFile'
import type { FleetJobRunner } from './sceneRecordJob'

/**
 * Runs one queued job: validates its data (a malformed job fails at once, without retries: retrying
 * cannot fix it), skips a job whose shard already exists (done before: a re-submitted or duplicated
 * job repeats no work and writes no second copy), else runs it.
 */
export async function processFleetJob(data: unknown, runner: FleetJobRunner, worker: string): Promise<FleetJobResult> {
  const parsed = fleetJobDataSchema.safeParse(data)
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid fleet job data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  const job = parsed.data
  const started = Date.now()
  if (shardExists(job.outDir, job.id)) {
    return fleetJobResultSchema.parse({
      shard: shardPath(job.outDir, job.id),
      skipped: true,
      frames: 0,
      samples: 0,
      worker,
      ms: 0,
    })
  }
  const output = await runner(job)
  return fleetJobResultSchema.parse({ ...output, skipped: false, worker, ms: Date.now() - started })
}
