import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { UnrecoverableError } from 'bullmq'
import {
  fleetJobDataSchema,
  fleetJobResultSchema,
  type FleetJobResult,
} from '../contract/fleetSchema'
import { shardPath, type SynthJob } from '../synth/plan'
import type { JobConfig } from '../synth/runJob'
import type { JobOutcome } from '../synth/synthPool'

/** Runs frames and reports each outcome: the local pool (`runPool`) in the CLI, a stand-in in tests. */
export type FrameRunner = (
  frames: SynthJob[],
  config: JobConfig,
  onOutcome: (outcome: JobOutcome) => void,
) => Promise<void>

/**
 * Runs one queued job: validates its data (malformed data fails at once, without retries: a retry
 * cannot fix it), skips frames whose shard exists (done before: nothing is run or written twice),
 * runs the rest, and fails, naming each failed frame and why, if any frame failed. A retry then
 * runs only those frames: the others have their shards.
 */
export async function processFleetJob(
  data: unknown,
  runFrames: FrameRunner,
  worker: string,
): Promise<FleetJobResult> {
  const parsed = fleetJobDataSchema.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new UnrecoverableError(`invalid fleet job data: ${issues}`)
  }
  const { frames, config } = parsed.data
  const started = Date.now()
  const pending = frames.filter((frame) => !existsSync(join(config.outDir, shardPath(frame.id))))
  const failures: string[] = []
  let samples = 0
  await runFrames(pending, config, (outcome) => {
    if (outcome.ok) samples += outcome.result.samples
    else
      failures.push(
        `${frames.find((f) => f.id === outcome.jobId)?.name ?? outcome.jobId}: ${outcome.message}`,
      )
  })
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${frames.length} frame(s) failed: ${failures.join('; ')}`.slice(
        0,
        4000,
      ),
    )
  }
  return fleetJobResultSchema.parse({
    frames: frames.length,
    ran: pending.length,
    skipped: frames.length - pending.length,
    samples,
    worker,
    ms: Date.now() - started,
  })
}
