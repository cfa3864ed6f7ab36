/**
 * A small worker-thread pool for synth jobs: N workers (default: all cores), each taking the next pending job as
 * soon as it is free (frames differ in cost). Without a built worker (running from sources, tests) the jobs run
 * inline on this thread, one at a time.
 */

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { packageRoot } from '../app/paths'
import { runJob, type JobConfig, type JobResult } from './runJob'
import type { SynthJob } from './plan'

export type JobOutcome =
  { ok: true; result: JobResult } | { ok: false; jobId: string; message: string }

/** Built worker bundle, or null when running from sources. */
export function synthWorkerPath(): string | null {
  const path = join(packageRoot(), 'out', 'main', 'synth.worker.js')
  return existsSync(path) ? path : null
}

/**
 * Runs `jobs` on `workers` threads, calling `onOutcome` after each job (success or failure; a failed job stays
 * pending for the next run). Resolves when all are done.
 */
export async function runPool(
  jobs: SynthJob[],
  config: JobConfig,
  workers: number,
  onOutcome: (outcome: JobOutcome) => void,
  workerPath = synthWorkerPath(),
): Promise<void> {
  const queue = [...jobs]
  if (workerPath === null) {
    for (const job of queue)
      onOutcome(await runJob(job, config).then(ok, (error: unknown) => failed(job, error)))
    return
  }
  const threads = Math.max(1, Math.min(workers, queue.length))
  await Promise.all(
    Array.from({ length: threads }, () => drain(queue, config, workerPath, onOutcome)),
  )
}

const ok = (result: JobResult): JobOutcome => ({ ok: true, result })
const failed = (job: SynthJob, error: unknown): JobOutcome => ({
  ok: false,
  jobId: job.id,
  message: (error as Error).message,
})

/** One worker: takes jobs until the queue is empty; a crashed worker fails its job and is replaced. */
async function drain(
  queue: SynthJob[],
  config: JobConfig,
  workerPath: string,
  onOutcome: (outcome: JobOutcome) => void,
) {
  let worker: Worker | null = null
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      worker ??= new Worker(workerPath, { workerData: config })
      const current: Worker = worker
      const outcome = await new Promise<JobOutcome>((resolve) => {
        const settle = (result: JobOutcome) => {
          current.off('error', onError).off('exit', onExit).off('message', onMessage)
          resolve(result)
        }
        // A thread that throws or exits mid-job fails that job (it stays pending) and is replaced.
        const onError = (error: Error) => {
          worker = null
          settle(failed(job!, error))
        }
        const onExit = (code: number) => {
          worker = null
          settle(
            failed(job!, new Error(`the synth worker exited (code ${code}) during this frame`)),
          )
        }
        const onMessage = (message: JobOutcome) => settle(message)
        current.on('error', onError).on('exit', onExit).on('message', onMessage)
        current.postMessage(job)
      })
      onOutcome(outcome)
    }
  } finally {
    await (worker as Worker | null)?.terminate()
  }
}
