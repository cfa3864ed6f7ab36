import type { Queue } from 'bullmq'
import { UserError } from '../app/userError'
import { parseFleetSynthArgs, type FleetSubmitArgs } from './fleetArgs'
import { assertRedisReachable } from '../fleet/queueUrl'
import { planFleetJobs } from '../fleet/fleetPlan'
import { pinDatasetConfig } from '../synth/datasetConfig'
import { openFleetQueue, readFleetStatus, submitFleetJobs } from '../fleet/fleetQueue'
import type { FleetStatus } from '../contract/fleetSchema'
import { makeOutDirs } from '../synth/runJob'
import { runSynth } from '../synth/runSynth'

const POLL_MS = 1000

/**
 * `spatial-lens synth … --queue URL` (submit, then wait with fleet-wide progress unless --detach)
 * and `spatial-lens synth --status --queue URL`. Exit 0 when no job failed, 1 when some did.
 */
export async function runFleetSynthCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  const args = parseFleetSynthArgs(argv)
  await assertRedisReachable(args.target)
  const queue = openFleetQueue(args.target, args.queueName)
  try {
    if (args.kind === 'status') {
      const status = await readFleetStatus(queue)
      print(
        args.json ? JSON.stringify(status, null, 2) : describeStatus(status, args.target.display),
      )
      return status.counts.failed > 0 ? 1 : 0
    }
    return await submitAndWait(args, queue, print)
  } catch (error) {
    throw lostRedis(error, args.target.display)
  } finally {
    await queue.close()
  }
}

async function submitAndWait(
  args: FleetSubmitArgs,
  queue: Queue,
  print: (text: string) => void,
): Promise<number> {
  const { jobs, pinned } = await planFleetJobs(args)
  const frames = jobs.reduce((sum, job) => sum + job.frames.length, 0)
  // Only creates folders: workers of an earlier submission may be writing temporary files there now.
  await makeOutDirs(args.config.outDir)
  // Pinned before any job is queued, exactly as the local synth pins it (either can finish the other's dataset).
  await pinDatasetConfig(args.config.outDir, pinned)
  const report = await submitFleetJobs(queue, jobs, args.jobSettings)
  if (!args.json) {
    print(
      `submitted ${jobs.length} job(s), ${frames} frame(s) to ${args.queueName} at ${args.target.display}: ` +
        `${report.added} new, ${report.alreadyQueued} already queued, ${report.retried} failed one(s) retried`,
    )
  }
  if (args.detach) {
    if (args.json) print(JSON.stringify({ jobs: jobs.length, frames, ...report }))
    return 0
  }
  let last = ''
  for (;;) {
    const status = await readFleetStatus(queue)
    const line = progressLine(status)
    if (!args.json && line !== last) print(line)
    last = line
    const { waiting, active, delayed } = status.counts
    if (waiting + active + delayed === 0) {
      const ours = new Set(jobs.map((job) => job.id))
      const failed = status.failedJobs.filter((job) => ours.has(job.id))
      if (args.json) print(JSON.stringify(status))
      else
        for (const job of failed)
          print(`failed ${job.id} after ${job.attemptsMade} attempt(s): ${job.reason}`)
      if (failed.length > 0) {
        if (!args.json) print(finishHint(args))
        return 1
      }
      await writeManifest(args, print)
      return 0
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/**
 * Every frame has its shard: the local synth over the same inputs then runs nothing and writes the
 * manifest (counts per type, filters' effect, exact configuration), exactly as on one machine.
 */
async function writeManifest(args: FleetSubmitArgs, print: (text: string) => void): Promise<void> {
  const summary = await runSynth({
    ...args.config,
    inputs: args.inputs,
    mcap: args.mcap,
    workers: 1,
    log: () => {},
    isTty: false,
  })
  const { counts } = summary.manifest
  if (summary.ranJobs > 0)
    print(`note: ${summary.ranJobs} frame(s) had no shard after the fleet finished and ran here`)
  if (!args.json) {
    print(
      `dataset: ${counts.frames} frame(s) (${counts.framesKept} kept), ${counts.samples} QA pair(s); manifest ${args.config.outDir}/manifest.json`,
    )
  }
}

function finishHint(args: FleetSubmitArgs): string {
  return (
    'the manifest is written once every frame has its shard: fix the failed inputs and submit again ' +
    `(failed jobs are retried), or finish on one machine with: spatial-lens synth ${args.inputs.join(' ')} --out ${args.config.outDir}`
  )
}

/** A Redis outage mid-command (the client gave up reconnecting) as a user-facing error. */
function lostRedis(error: unknown, where: string): unknown {
  const message = error instanceof Error ? error.message : String(error)
  if (!/maxRetriesPerRequest|max retries per request|Connection is closed/i.test(message))
    return error
  return new UserError(
    `lost the connection to Redis at ${where} (${message}); queued jobs stay queued: ` +
      'run this command again, or synth --status, when Redis is back',
  )
}

/** One progress line: jobs done of all, states, workers online, fleet rate. */
export function progressLine(status: FleetStatus): string {
  const c = status.counts
  const total = c.waiting + c.active + c.delayed + c.completed + c.failed
  const rate = status.workers.reduce((sum, w) => sum + w.framesPerSecond, 0)
  return (
    `fleet: ${c.completed + c.failed}/${total} job(s) finished — completed ${c.completed}, failed ${c.failed}, ` +
    `active ${c.active}, waiting ${c.waiting}, retry-delayed ${c.delayed}; ${status.workersOnline.length} worker(s) online, ` +
    `${rate.toFixed(2)} frames/s`
  )
}

/** `synth --status` as text. */
export function describeStatus(status: FleetStatus, where: string): string {
  const lines = [`queue ${status.queue} at ${where}`, progressLine(status)]
  if (status.workersOnline.length) lines.push(`online: ${status.workersOnline.join(', ')}`)
  for (const w of status.workers) {
    lines.push(
      `  ${w.worker}: ${w.jobs} job(s), ${w.frames} frame(s), ${w.samples} sample(s), ${w.framesPerSecond.toFixed(2)} frames/s`,
    )
  }
  if (status.workers.length)
    lines.push(`(rates over the newest ${status.sampledJobs} completed job(s))`)
  for (const job of status.failedJobs) {
    lines.push(`failed ${job.id} after ${job.attemptsMade} attempt(s): ${job.reason}`)
  }
  return lines.join('\n')
}
