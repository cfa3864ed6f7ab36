import { Queue } from 'bullmq'
import { connectionOptions, type RedisTarget } from './queueUrl'
import type { FleetJobSettings } from './fleetSettings'
import {
  fleetJobResultSchema,
  fleetStatusSchema,
  type FleetJobData,
  type FleetStatus,
} from '../contract/fleetSchema'

/** Opens the fleet's queue (a producer: it runs no jobs). Close it when done. */
export function openFleetQueue(target: RedisTarget, queueName: string): Queue {
  return new Queue(queueName, { connection: connectionOptions(target, 'client') })
}

/** What a submission did: jobs added now, jobs the queue already had, failed jobs sent back for another try. */
export interface SubmitReport {
  added: number
  alreadyQueued: number
  retried: number
}

/**
 * Puts the plan's jobs on the queue with their stable ids as BullMQ job ids: a job the queue
 * already holds (waiting, running, done) is not added again, so re-submitting never duplicates.
 * Jobs of this plan that had failed are retried (with a fresh set of attempts).
 */
export async function submitFleetJobs(
  queue: Queue,
  jobs: FleetJobData[],
  settings: FleetJobSettings,
): Promise<SubmitReport> {
  const report: SubmitReport = { added: 0, alreadyQueued: 0, retried: 0 }
  for (let start = 0; start < jobs.length; start += 500) {
    const batch = jobs.slice(start, start + 500)
    const states = await Promise.all(batch.map((job) => queue.getJobState(job.id)))
    const fresh = batch.filter((_, i) => states[i] === 'unknown')
    report.alreadyQueued += batch.length - fresh.length
    await queue.addBulk(
      fresh.map((job) => ({
        name: 'synth',
        data: job,
        opts: {
          jobId: job.id,
          attempts: settings.attempts,
          backoff: { type: 'exponential', delay: settings.backoffMs },
          removeOnComplete: false,
          removeOnFail: false,
        },
      })),
    )
    report.added += fresh.length
    for (const [i, job] of batch.entries()) {
      if (states[i] !== 'failed') continue
      await (await queue.getJob(job.id))?.retry('failed', { resetAttemptsMade: true })
      report.retried++
    }
  }
  return report
}

/**
 * The queue's state seen from anywhere in the fleet: counts, connected workers, per-worker rates
 * over the newest `sample` completed jobs, and the failed jobs with their reasons (newest 50).
 */
export async function readFleetStatus(queue: Queue, sample = 1000): Promise<FleetStatus> {
  const counts = await queue.getJobCounts(
    'waiting',
    'prioritized',
    'active',
    'delayed',
    'completed',
    'failed',
  )
  const clients = await queue.getWorkers()
  const online = new Set(
    clients.map((c) => String(c.rawname ?? '').split(':w:')[1]).filter(Boolean),
  )
  const completed = await queue.getCompleted(0, sample - 1)
  const perWorker = new Map<string, { jobs: number; frames: number; samples: number; ms: number }>()
  for (const job of completed) {
    const result = fleetJobResultSchema.safeParse(job.returnvalue)
    if (!result.success) continue
    const entry = perWorker.get(result.data.worker) ?? { jobs: 0, frames: 0, samples: 0, ms: 0 }
    entry.jobs++
    entry.frames += result.data.ran
    entry.samples += result.data.samples
    entry.ms += result.data.ms
    perWorker.set(result.data.worker, entry)
  }
  const failed = await queue.getFailed(0, 49)
  return fleetStatusSchema.parse({
    queue: queue.name,
    counts: {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    },
    workersOnline: [...online].sort(),
    workers: [...perWorker.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([worker, e]) => ({
        worker,
        jobs: e.jobs,
        frames: e.frames,
        samples: e.samples,
        framesPerSecond: e.ms > 0 ? (e.frames * 1000) / e.ms : 0,
      })),
    sampledJobs: completed.length,
    failedJobs: failed.map((job) => ({
      id: String(job.id),
      reason: job.failedReason ?? '(no reason recorded)',
      attemptsMade: job.attemptsMade,
      finishedOn: job.finishedOn ?? null,
    })),
  })
}
