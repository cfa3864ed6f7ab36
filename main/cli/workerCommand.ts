import { parseFleetWorkerArgs } from './fleetArgs'
import { assertRedisReachable } from '../fleet/queueUrl'
import { fleetWorkerName, poolFrameRunner, startFleetWorker } from '../fleet/fleetWorker'
import { SynthThreadPool } from '../synth/synthPool'

/**
 * `spatial-lens worker --queue URL`: takes jobs until SIGINT/SIGTERM, then finishes the jobs it
 * holds and exits (a second signal, or SIGKILL, stops at once: those jobs return to the queue
 * through stalled-job detection).
 */
export async function runWorkerCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  const args = parseFleetWorkerArgs(argv)
  await assertRedisReachable(args.target)
  const s = args.settings
  print(
    `worker ${fleetWorkerName()} on ${args.queueName} at ${args.target.display}: concurrency ${s.concurrency}, ` +
      `${s.threads} thread(s) shared by its jobs, ` +
      `lock ${s.lockDurationMs} ms, stalled check every ${s.stalledIntervalMs} ms, max stalls ${s.maxStalledCount}`,
  )
  // One pool for the whole process: every job reuses its threads (and the models they loaded).
  const pool = new SynthThreadPool(s.threads)
  const worker = startFleetWorker(args.target, args.queueName, s, poolFrameRunner(pool), print)
  await new Promise<void>((resolve) => {
    let stopping = false
    const stop = () => {
      if (stopping) process.exit(130)
      stopping = true
      print('stopping: finishing the jobs in hand (signal again to stop now)')
      void worker.close().then(resolve, resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await pool.close()
  return 0
}
