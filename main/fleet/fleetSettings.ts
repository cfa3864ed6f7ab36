import { availableParallelism } from 'node:os'

/**
 * The fleet's reliability settings, with the reasons for each default (README "A fleet").
 *
 * A worker holds a lock on each job it runs and renews it every `lockDurationMs / 2`. When a
 * worker dies (SIGKILL, power, network), its lock expires after at most `lockDurationMs`; another
 * worker's stalled-job check (every `stalledIntervalMs`) then moves the job back to the waiting
 * list. A job that stalls more than `maxStalledCount` times fails ("job stalled more than allowable
 * limit"), so a frame that kills every worker that touches it cannot cycle forever.
 */
export interface FleetWorkerSettings {
  /** Lock time, ms: long enough that a busy event loop never loses a lock it still holds. */
  lockDurationMs: number
  /** How often each worker looks for stalled jobs, ms. */
  stalledIntervalMs: number
  /** Stalls a job may survive before it fails. */
  maxStalledCount: number
  /** Jobs one worker process runs at once. */
  concurrency: number
  /** Worker threads of the process, started once and shared by all its jobs (frames of a job run in parallel). */
  threads: number
}

/** Retry policy set on each job when it is submitted. */
export interface FleetJobSettings {
  /** Total tries of a job that throws (first run included). */
  attempts: number
  /** First retry delay, ms; doubles each retry (exponential backoff). */
  backoffMs: number
}

export const DEFAULT_WORKER_SETTINGS: FleetWorkerSettings = {
  lockDurationMs: 120_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 2,
  concurrency: 1,
  threads: availableParallelism(),
}

export const DEFAULT_JOB_SETTINGS: FleetJobSettings = { attempts: 3, backoffMs: 10_000 }

/** The queue name used when `--queue-name` is not given. */
export const DEFAULT_QUEUE_NAME = 'spatial-lens-synth'
