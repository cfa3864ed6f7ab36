import { hostname } from 'node:os'
import { Worker } from 'bullmq'
import { connectionOptions, type RedisTarget } from './queueUrl'
import type { FleetWorkerSettings } from './fleetSettings'
import { processFleetJob, type FrameRunner } from './fleetProcessor'
import type { SynthThreadPool } from '../synth/synthPool'
import { makeOutDirs } from '../synth/runJob'

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
  runFrames: FrameRunner,
  log: (line: string) => void,
): Worker {
  const name = fleetWorkerName()
  const worker = new Worker(
    queueName,
    async (job) => {
      log(`started ${job.id} (attempt ${job.attemptsMade + 1})`)
      return processFleetJob(job.data, runFrames, name)
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
  worker.on('completed', (job, result: { ran: number; skipped: number; samples: number }) => {
    log(
      `done ${job.id}: ${result.ran} frame(s) run, ${result.skipped} already done, ${result.samples} sample(s)`,
    )
  })
  worker.on('failed', (job, error) => {
    log(`failed ${job?.id ?? '?'} (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`)
  })
  worker.on('error', (error) => log(`queue error: ${error.message}`))
  return worker
}

/**
 * The local pool as the fleet's frame runner: a job's frames run on the process's one thread pool (created once
 * by `spatial-lens worker` and reused by every job it takes) with the same code as `spatial-lens synth` on one
 * machine (runJob: perception, scene, samples, atomic shard). The dataset's folders are created if missing, but
 * no temporary file is removed: other workers of the fleet may be writing theirs there right now.
 */
export function poolFrameRunner(pool: SynthThreadPool): FrameRunner {
  return async (frames, config, onOutcome) => {
    await makeOutDirs(config.outDir)
    await pool.run(frames, config, onOutcome)
  }
}
