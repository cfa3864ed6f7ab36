/**
 * The work plan of `spatial-lens synth`: input files → deterministic jobs with stable ids, one output shard per
 * job, and the manifest's shape. Pure (works on path lists, no node:*), so the one-machine pool and the fleet
 * (BullMQ) share it: a job is done ⇔ its shard `shards/<jobId>.jsonl` exists, so a retried or resumed job never
 * writes a sample twice.
 */

import { pairSequenceFiles, naturalCompare } from '../engine/sequence/pairSequenceFiles'

/** What one job reads. Paths are relative to its input root (`inputIndex` into the plan's roots). */
export type SynthJobInput =
  | { kind: 'rgbd'; color: string; depth: string; intrinsics: string }
  | { kind: 'color'; color: string; intrinsics: string }
  | { kind: 'pcd'; pcd: string }
  /** One frame of a recording: colour frame `frameIndex` of `colorTopic`, times as decimal ns (JSON-safe). */
  | {
      kind: 'mcap'
      mcap: string
      colorTopic: string
      depthTopic: string
      cameraInfoTopic: string
      frameIndex: number
      logTimeNs: string
      stampNs: string
    }

/** A recording's frames on its chosen topics, listed by the node side (mcapJobs.ts) before planning. */
export interface McapListing {
  colorTopic: string
  depthTopic?: string
  cameraInfoTopic?: string
  /** Which topics were picked automatically ('' when given). */
  note: string
  /** Colour frames: index on the colour topic, log time and header stamp (decimal ns). */
  frames: { index: number; logTimeNs: string; stampNs: string }[]
}

/** One frame to turn into samples; `id` is stable across runs and machines (a hash of root index, kind, paths). */
export interface SynthJob {
  id: string
  /** Index of the input root in `SynthPlan.roots`. */
  inputIndex: number
  /** Frame name shown in progress and stored on samples ("rgb/0001.png"). */
  name: string
  input: SynthJobInput
}

export interface SynthPlan {
  /** The input folders, as given (the node side resolves them). */
  roots: string[]
  /** Jobs in a fixed order: roots in order, frames in natural name order. */
  jobs: SynthJob[]
  /** Files left out and why (unpaired images, unsupported formats). */
  notes: string[]
}

/** One input folder's file list (paths relative to the folder, '/' separated). */
export interface PlanInput {
  root: string
  files: string[]
  /** Listings of the `.mcap` files among `files` (by file); needed when `mcapSupported`. */
  mcaps?: Record<string, McapListing>
}

const PCD = /\.pcd$/i
/** Recordings synth reads through the MCAP reader: MCAP, rosbag2 SQLite and ROS 1 bags. */
const MCAP = /\.(mcap|db3|bag)$/i
const IMAGE = /\.(png|jpe?g)$/i
const JSON_FILE = /\.json$/i

/** Thrown for inputs that cannot be planned (the message is for the user). */
export class SynthPlanError extends Error {}

/**
 * Lists the inputs into jobs. RGB-D and colour-only frames are paired like the app's folder source
 * ({@link pairSequenceFiles}); each PCD file is one job; each listed frame of an MCAP recording is one job (id from
 * the file, topics, frame index and stamp); the caller lists each recording's frames first (`mcaps`).
 * @throws SynthPlanError with a user-facing message (no frames, a recording not listed, pairing errors).
 */
export function planJobs(inputs: PlanInput[]): SynthPlan {
  const jobs: SynthJob[] = []
  const notes: string[] = []
  inputs.forEach((input, inputIndex) => {
    const files = [...input.files].sort(naturalCompare)
    jobs.push(...recordingJobs(input, inputIndex, files, notes))
    for (const pcd of files.filter((file) => PCD.test(file)))
      jobs.push(makeJob(inputIndex, pcd, { kind: 'pcd', pcd }))
    jobs.push(...imageJobs(input, inputIndex, files, notes))
  })
  if (jobs.length === 0)
    throw new SynthPlanError(
      'No frames found: give folders of colour PNG/JPEG (+ depth PNG) with an intrinsics.json, PCD files or MCAP recordings.',
    )
  const seen = new Set<string>()
  for (const job of jobs) {
    if (seen.has(job.id))
      throw new SynthPlanError(`Two inputs give the same job id ${job.id} (${job.name})`)
    seen.add(job.id)
  }
  return { roots: inputs.map((input) => input.root), jobs, notes }
}

/** A job per listed frame of each recording among `files`; the listings' notes go to `notes`. */
function recordingJobs(
  input: PlanInput,
  inputIndex: number,
  files: string[],
  notes: string[],
): SynthJob[] {
  const jobs: SynthJob[] = []
  for (const mcap of files.filter((file) => MCAP.test(file))) {
    const listing = input.mcaps?.[mcap]
    if (!listing) throw new SynthPlanError(`${input.root}/${mcap}: recording not listed`)
    if (listing.note) notes.push(listing.note)
    if (listing.frames.length === 0)
      notes.push(`${input.root}/${mcap}: no frames on ${listing.colorTopic}`)
    for (const frame of listing.frames)
      jobs.push(
        makeJob(inputIndex, `${mcap}#${frame.index}`, {
          kind: 'mcap',
          mcap,
          colorTopic: listing.colorTopic,
          depthTopic: listing.depthTopic ?? '',
          cameraInfoTopic: listing.cameraInfoTopic ?? '',
          frameIndex: frame.index,
          logTimeNs: frame.logTimeNs,
          stampNs: frame.stampNs,
        }),
      )
  }
  return jobs
}

/** A job per colour frame among `files` (RGB-D or colour-only, paired like the folder source); notes to `notes`. */
function imageJobs(
  input: PlanInput,
  inputIndex: number,
  files: string[],
  notes: string[],
): SynthJob[] {
  const imageFiles = files.filter((file) => IMAGE.test(file) || JSON_FILE.test(file))
  if (!imageFiles.some((file) => IMAGE.test(file))) return []
  let paired
  try {
    paired = pairSequenceFiles(imageFiles.map((path) => ({ file: path, path })))
  } catch (error) {
    throw new SynthPlanError(`${input.root}: ${(error as Error).message}`)
  }
  notes.push(...paired.notes.map((note) => `${input.root}: ${note}`))
  return paired.frames.map((frame) => {
    const jobInput: SynthJobInput = frame.depth
      ? { kind: 'rgbd', color: frame.color, depth: frame.depth, intrinsics: paired.intrinsics }
      : { kind: 'color', color: frame.color, intrinsics: paired.intrinsics }
    return makeJob(inputIndex, frame.color, jobInput)
  })
}

function makeJob(inputIndex: number, name: string, input: SynthJobInput): SynthJob {
  const key = [inputIndex, input.kind, ...Object.values(input).slice(1)].join('\u0000')
  return { id: `f${stableHash(key)}`, inputIndex, name, input }
}

/** The shard of a job, relative to the dataset folder: written once, atomically, when the job is done. */
export function shardPath(jobId: string): string {
  return `shards/${jobId}.jsonl`
}

/** The point-cloud sidecar of a job (with `--with-points`), relative to the dataset folder. */
export function pointsPath(jobId: string): string {
  return `points/${jobId}.json`
}

/** The copied image of a job, relative to the dataset folder (samples reference it). */
export function imagePath(job: SynthJob): string {
  const ext =
    job.input.kind === 'pcd' || job.input.kind === 'mcap'
      ? '.png'
      : (/\.[a-z]+$/i.exec(job.input.color)?.[0] ?? '.png')
  return `images/${job.id}${ext.toLowerCase()}`
}

/** Jobs whose shard is not in `doneShards` (paths as {@link shardPath} gives them): what a resumed run does. */
export function pendingJobs(plan: SynthPlan, doneShards: ReadonlySet<string>): SynthJob[] {
  return plan.jobs.filter((job) => !doneShards.has(shardPath(job.id)))
}

/**
 * 64-bit FNV-1a as 16 hex digits: stable across platforms and runs (ids must not change between a crash and the
 * rerun, nor between machines of a fleet).
 */
export function stableHash(text: string): string {
  let hash = 0xcbf29ce484222325n
  const prime = 0x100000001b3n
  const mask = 0xffffffffffffffffn
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i))
    hash = (hash * prime) & mask
  }
  return hash.toString(16).padStart(16, '0')
}

/** A per-job seed from the run seed and the job id (32-bit), so a job's samples do not depend on which worker ran it. */
export function jobSeed(runSeed: number, jobId: string): number {
  return Number(BigInt(`0x${stableHash(`${runSeed}:${jobId}`)}`) & 0xffffffffn)
}
