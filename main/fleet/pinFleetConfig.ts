import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../app/userError'
import { writeFileAtomic } from '../files/atomicWrite'
import type { JobConfig } from '../synth/runJob'

/**
 * Pins the run's configuration in `<outDir>/config.json` before any job is queued, in the form the
 * local `synth` writes and checks (main/synth/runSynth.ts), or refuses when the folder holds a
 * dataset made with another one. Needed before queueing: shards are named by frame, not by
 * configuration, so a worker would take a shard of another configuration for a finished frame.
 */
export async function pinFleetConfig(
  config: Omit<JobConfig, 'roots'>,
  roots: string[],
): Promise<void> {
  const pinned = JSON.stringify(
    {
      seed: config.seed,
      filters: config.filters,
      perception: config.perception,
      withPoints: config.withPoints,
      inputs: roots,
    },
    null,
    2,
  )
  const path = join(config.outDir, 'config.json')
  const existing = await readFile(path, 'utf8').catch(() => null)
  if (existing === null) return writeFileAtomic(path, pinned)
  if (existing !== pinned) {
    throw new UserError(
      `synth: ${config.outDir} holds a dataset made with another configuration (${path}); ` +
        'submit with the same options or choose a new --out folder',
    )
  }
}
