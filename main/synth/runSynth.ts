/**
 * `spatial-lens synth` on one machine: plan the inputs, skip jobs whose shard exists (resume), run the rest on the
 * worker pool with a progress line on stderr, then write the manifest (counts per type, filters' effect, exact
 * configuration, seed, version) from the per-job stats of every finished job.
 */

import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { writeFileAtomic } from '../files/atomicWrite'
import {
  DEFAULT_MCAP,
  datasetConfig,
  pinDatasetConfig,
  type McapReadOptions,
} from './datasetConfig'
import { appVersion } from '../app/appVersion'
import { UserError } from '../app/userError'
import type { SynthCounts, SynthManifest } from '../contract/synthSchema'
import { pendingJobs, planJobs, shardPath, type PlanInput, type SynthPlan } from './plan'
import { prepareOutDir, type JobConfig } from './runJob'
import { runPool, type JobOutcome } from './synthPool'
import { createProgress } from './progress'
import { listMcapFrames } from './mcapJobs'

export interface SynthOptions extends Omit<JobConfig, 'roots'> {
  inputs: string[]
  workers: number
  /** Where progress goes (stderr in the CLI). */
  log: (text: string) => void
  isTty: boolean
  /** MCAP inputs: the topics to read (picked per file when the colour topic is omitted) and every N-th frame. */
  mcap?: McapReadOptions
}

export interface SynthSummary {
  manifest: SynthManifest
  ranJobs: number
  skippedJobs: number
  failures: { jobId: string; message: string }[]
  seconds: number
}

/** Runs the whole dataset (see the module comment). @throws SynthPlanError / config mismatch (user errors). */
export async function runSynth(options: SynthOptions): Promise<SynthSummary> {
  const started = Date.now()
  const inputs = await Promise.all(options.inputs.map(listInput))
  for (const input of inputs) await listRecordings(input, options.mcap)
  const plan = planJobs(inputs)
  await prepareOutDir(options.outDir)
  const config = await pinConfig(options, plan)
  const done = new Set(
    (await readdir(join(options.outDir, 'shards'))).map((name) => `shards/${name}`),
  )
  const pending = pendingJobs(plan, done)
  const jobConfig: JobConfig = { ...config, roots: plan.roots }
  const progress = createProgress(
    pending.length,
    plan.jobs.length - pending.length,
    options.log,
    options.isTty,
  )
  const failures: { jobId: string; message: string }[] = []
  await runPool(pending, jobConfig, options.workers, (outcome: JobOutcome) => {
    if (outcome.ok) progress.tick(outcome.result.samples)
    else {
      failures.push({ jobId: outcome.jobId, message: outcome.message })
      progress.tick(0)
    }
  })
  progress.finish()
  const manifest = await writeManifest(plan, options, config, failures)
  return {
    manifest,
    ranJobs: pending.length,
    skippedJobs: plan.jobs.length - pending.length,
    failures,
    seconds: (Date.now() - started) / 1000,
  }
}

/** Adds the listings of the input's recordings (.mcap, .db3, .bag) (their frames on the chosen topics) for the plan (fleet: reuse). */
export async function listRecordings(
  input: PlanInput,
  mcap: McapReadOptions | undefined,
): Promise<void> {
  for (const file of input.files.filter((f) => /\.(mcap|db3|bag)$/i.test(f))) {
    input.mcaps ??= {}
    input.mcaps[file] = await listMcapFrames(
      join(input.root, file),
      mcap?.topics ?? {},
      mcap?.every,
    )
  }
}

/** A folder's files (relative, '/' separated), or a single PCD / image file as its own input (fleet: reuse). */
export async function listInput(input: string): Promise<PlanInput> {
  const path = resolve(input)
  const info = await stat(path).catch(() => null)
  if (!info) throw new UserError(`synth: input not found: ${input}`)
  if (info.isFile()) return { root: dirname(path), files: [basename(path)] }
  const files = await readdir(path, { recursive: true, withFileTypes: true })
  return {
    root: path,
    files: files
      .filter((entry) => entry.isFile())
      .map((entry) => relative(path, join(entry.parentPath, entry.name)).split(sep).join('/')),
  }
}

/**
 * The run's exact configuration, stored in config.json on the first run; a rerun into the same folder must use
 * the same one (else resumed shards would mix two configurations). The fleet pins the same (datasetConfig.ts).
 */
export async function pinConfig(options: SynthOptions, plan: SynthPlan) {
  const hasRecordings = plan.jobs.some((job) => job.input.kind === 'mcap')
  await pinDatasetConfig(
    options.outDir,
    datasetConfig(options, plan.roots, hasRecordings ? (options.mcap ?? DEFAULT_MCAP) : null),
  )
  return {
    outDir: options.outDir,
    seed: options.seed,
    filters: options.filters,
    perception: options.perception,
    withPoints: options.withPoints,
  }
}

/**
 * Sums the per-job stats of every job whose shard exists into manifest.json (atomically). The fleet calls it
 * too: it reads only the dataset folder, so any machine that sees the folder can write the manifest.
 */
export async function writeManifest(
  plan: SynthPlan,
  options: Pick<SynthOptions, 'outDir' | 'workers'>,
  config: Awaited<ReturnType<typeof pinConfig>>,
  failures: { jobId: string; message: string }[],
): Promise<SynthManifest> {
  const counts: SynthCounts = { frames: 0, framesKept: 0, samples: 0, perType: {}, dropped: {} }
  const shards: string[] = []
  const add = (target: Record<string, number>, source: Record<string, number>) => {
    for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value
  }
  for (const job of plan.jobs) {
    const stats = await readFile(join(options.outDir, 'stats', `${job.id}.json`), 'utf8').catch(
      () => null,
    )
    const hasShard = await stat(join(options.outDir, shardPath(job.id))).then(
      () => true,
      () => false,
    )
    if (!hasShard || stats === null) continue
    const parsed = JSON.parse(stats) as {
      samples: number
      perType: Record<string, number>
      dropped: Record<string, number>
      kept: boolean
    }
    shards.push(shardPath(job.id))
    counts.frames += 1
    counts.framesKept += parsed.kept ? 1 : 0
    counts.samples += parsed.samples
    add(counts.perType, parsed.perType)
    add(counts.dropped, parsed.dropped)
  }
  const manifest: SynthManifest = {
    format: 'spatial-lens-synth/1',
    version: appVersion(),
    seed: config.seed,
    config: { ...config, inputs: plan.roots, workers: options.workers },
    images: 'copied',
    jobs: plan.jobs.length,
    shards,
    counts,
    notes: [
      ...plan.notes,
      ...failures.map(
        (failure) => `job ${failure.jobId} failed (pending, rerun to retry): ${failure.message}`,
      ),
    ],
  }
  await writeFileAtomic(join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2))
  return manifest
}
