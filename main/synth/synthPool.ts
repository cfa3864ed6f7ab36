/**
 * The worker-thread pool of synth jobs: N threads (default: all cores), each taking the next pending job as soon as
 * it is free (frames differ in cost). A pool lives as long as its owner wants: one `spatial-lens synth` run, or a
 * whole `spatial-lens worker` process of the fleet, whose queued jobs all reuse the same threads (and so the models
 * each thread loaded once). Every message carries its job's configuration, so one pool serves any dataset. Without
 * a built worker (running from sources, tests) the jobs run inline on this thread, one at a time.
 */

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { packageRoot } from '../app/paths'
import { runJob, type JobConfig, type JobResult } from './runJob'
import type { SynthJob } from './plan'

export type JobOutcome =
  { ok: true; result: JobResult } | { ok: false; jobId: string; message: string }

/** What the pool posts to a thread: one job and the configuration of its dataset. */
export interface SynthTask {
  job: SynthJob
  config: JobConfig
}

/** Built worker bundle, or null when running from sources. */
export function synthWorkerPath(): string | null {
  const path = join(packageRoot(), 'out', 'main', 'synth.worker.js')
  return existsSync(path) ? path : null
}

interface QueuedTask extends SynthTask {
  settle: (outcome: JobOutcome) => void
}

/**
 * A pool of `size` synth threads, started on first use and kept until {@link SynthThreadPool.close}. A thread that
 * throws or exits mid-job fails only that job (it stays pending) and is replaced by a new thread.
 */
export class SynthThreadPool {
  private readonly queue: QueuedTask[] = []
  private readonly threads: (Worker | null)[]
  private readonly busy: boolean[]
  private isClosed = false
  /** Threads started so far, replacements included (a crashed thread's replacement counts). */
  threadsStarted = 0

  constructor(
    readonly size: number,
    private readonly workerPath: string | null = synthWorkerPath(),
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`a synth pool needs at least one thread (got ${size})`)
    this.threads = Array.from({ length: size }, () => null)
    this.busy = Array.from({ length: size }, () => false)
  }

  /** Runs `jobs` with `config`, calling `onOutcome` after each; resolves when all are done. Callers may overlap. */
  async run(
    jobs: SynthJob[],
    config: JobConfig,
    onOutcome: (outcome: JobOutcome) => void,
  ): Promise<void> {
    if (this.isClosed) throw new Error('the synth pool is closed')
    if (this.workerPath === null) {
      for (const job of jobs)
        onOutcome(await runJob(job, config).then(ok, (error: unknown) => failed(job, error)))
      return
    }
    await Promise.all(
      jobs.map(
        (job) =>
          new Promise<void>((resolve) => {
            this.queue.push({
              job,
              config,
              settle: (outcome) => {
                onOutcome(outcome)
                resolve()
              },
            })
            this.dispatch()
          }),
      ),
    )
  }

  /** Stops every thread (after the jobs in hand are done: call it when no `run` is pending). */
  async close(): Promise<void> {
    this.isClosed = true
    await Promise.all(this.threads.map((thread) => thread?.terminate()))
    this.threads.fill(null)
  }

  /** Hands queued tasks to idle threads, starting threads as needed. */
  private dispatch(): void {
    for (let slot = 0; slot < this.size && this.queue.length > 0; slot++) {
      if (this.busy[slot]) continue
      this.busy[slot] = true
      void this.runOn(slot, this.queue.shift()!).then(() => {
        this.busy[slot] = false
        this.dispatch()
      })
    }
  }

  private startThread(slot: number): Worker {
    const thread = new Worker(this.workerPath!)
    this.threadsStarted++
    // A job's failure is reported by runOn; between jobs an error or exit only frees the slot for a new thread.
    thread.on('error', () => {})
    thread.on('exit', () => {
      if (this.threads[slot] === thread) this.threads[slot] = null
    })
    this.threads[slot] = thread
    return thread
  }

  private async runOn(slot: number, task: QueuedTask): Promise<void> {
    let thread: Worker
    try {
      thread = this.threads[slot] ?? this.startThread(slot)
    } catch (error) {
      task.settle(failed(task.job, error)) // a thread that cannot start fails the job, never hangs the run
      return
    }
    const outcome = await new Promise<JobOutcome>((resolve) => {
      const settle = (result: JobOutcome) => {
        thread.off('error', onError).off('exit', onExit).off('message', onMessage)
        resolve(result)
      }
      // A thread that throws or exits mid-job fails that job and is dropped; the slot starts a new one.
      const onError = (error: Error) => {
        this.threads[slot] = null
        settle(failed(task.job, error))
      }
      const onExit = (code: number) => {
        this.threads[slot] = null
        settle(
          failed(task.job, new Error(`the synth worker exited (code ${code}) during this frame`)),
        )
      }
      const onMessage = (message: JobOutcome) => settle(message)
      thread.on('error', onError).on('exit', onExit).on('message', onMessage)
      thread.postMessage({ job: task.job, config: task.config } satisfies SynthTask)
    })
    task.settle(outcome)
  }
}

/**
 * One run on a pool of its own (`spatial-lens synth` on one machine): `workers` threads at most, no more than jobs.
 */
export async function runPool(
  jobs: SynthJob[],
  config: JobConfig,
  workers: number,
  onOutcome: (outcome: JobOutcome) => void,
  workerPath = synthWorkerPath(),
): Promise<void> {
  const pool = new SynthThreadPool(Math.max(1, Math.min(workers, jobs.length)), workerPath)
  try {
    await pool.run(jobs, config, onOutcome)
  } finally {
    await pool.close()
  }
}

const ok = (result: JobResult): JobOutcome => ({ ok: true, result })
const failed = (job: SynthJob, error: unknown): JobOutcome => ({
  ok: false,
  jobId: job.id,
  message: (error as Error).message,
})
