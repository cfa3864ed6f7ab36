/**
 * Worker thread of `spatial-lens synth`: takes one job at a time from the pool and runs it (runJob). Replies
 * { ok, result } or { ok: false, message }.
 */

import { parentPort, workerData } from 'node:worker_threads'
import { runJob, type JobConfig } from './runJob'
import type { SynthJob } from './plan'

const config = workerData as JobConfig

parentPort!.on('message', (job: SynthJob) => {
  runJob(job, config).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, jobId: job.id, message: (error as Error).message }),
  )
})
