/**
 * Worker thread of `spatial-lens synth` (and of each fleet worker process): takes one job at a time from the pool
 * and runs it (runJob) with the configuration that came with it, so one thread serves jobs of any dataset for as
 * long as the pool lives. Replies { ok, result } or { ok: false, jobId, message }.
 */

import { parentPort } from 'node:worker_threads'
import { runJob } from './runJob'
import type { SynthTask } from './synthPool'

parentPort!.on('message', ({ job, config }: SynthTask) => {
  runJob(job, config).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, jobId: job.id, message: (error as Error).message }),
  )
})
