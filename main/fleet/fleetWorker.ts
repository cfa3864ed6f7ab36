import { hostname } from 'node:os'
import { Worker } from 'bullmq'
import { connectionOptions, type RedisTarget } from './queueUrl'
import type { FleetWorkerSettings } from './fleetSettings'
import { processFleetJob } from './fleetProcessor'
import type { FleetJobRunner } from './sceneRecordJob'

/** This process's name in the fleet (BullMQ client name, and `worker` in each job's result). */
export function fleetWorkerName(): string {
  return `${hostname()}:${process.pid}`
}

/**
 * Starts a BullMQ worker on the queue: it takes jobs until closed. `log` gets one line per job
 * event ("started <id>", "done <id> …", "failed <id>: reason").
 */
export function startFleetWorker(
  target: RedisTarget,
  queueName: string,
  settings: FleetWorkerSettings,
  runner: FleetJobRunner,
  log: (line: string) => void,
): Worker {
  const name = fleetWorkerName()
  const worker = new Worker(
    queueName,
    async (job) => {
      log(`started ${job.id} (attempt ${job.attemptsMade + 1})`)
      return processFleetJob(job.data, runner, name)
    },
    {
      connection: connectionOptions(target),
      name,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    },
  )
  worker.on('completed', (job, result: { skipped?: boolean; samples?: number }) => {
    log(`done ${job.id}: ${result.skipped ? 'shard existed, skipped' : `${result.samples} sample(s)`}`)
  })
  worker.on('failed', (job, error) => {
    log(`failed ${job?.id ?? '?'} (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`)
  })
  worker.on('error', (error) => log(`queue error: ${error.message}`))
  return worker
}
