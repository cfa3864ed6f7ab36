/**
 * Runs one synth job on this thread: load the frame, perceive and build the scene like the app
 * (perceiveAndBuild), generate the samples, then write the image copy, the optional point sidecar and — last,
 * atomically — the shard. A job is done ⇔ its shard exists, so a crash before the rename leaves it pending and a
 * rerun redoes it whole; no sample is ever written twice.
 */

import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { encode } from 'fast-png'
import type { Frame, Scene } from '../engine/types'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { loadPcdFrame } from '../sources/pcd'
import { perceiveAndBuild } from '../frames/perceiveAndBuild'
import { writeFileAtomic } from '../files/atomicWrite'
import type { PerceptionSettingsInput } from '../contract/perceptionSettings'
import type { SynthPoints } from '../contract/synthSchema'
import { generateSamples, type SynthFilters } from './generateSamples'
import { sampleLine } from './sampleLine'
import { loadMcapJobFrame } from './mcapJobs'
import { imagePath, jobSeed, pointsPath, shardPath, type SynthJob } from './plan'

export interface JobConfig {
  outDir: string
  roots: string[]
  seed: number
  filters: SynthFilters
  perception: PerceptionSettingsInput
  withPoints: boolean
}

/** What one job produced (summed into the manifest). */
export interface JobResult {
  jobId: string
  samples: number
  perType: Record<string, number>
  dropped: Record<string, number>
  kept: boolean
}

/** Runs `job` (see the module comment). @throws the loader's / perception's error (the job stays pending). */
export async function runJob(job: SynthJob, config: JobConfig): Promise<JobResult> {
  const frame = await loadJobFrame(job, config.roots[job.inputIndex])
  const { scene, frame: perceived } = await perceiveAndBuild(frame, [], config.perception)
  const image = imagePath(job)
  const points = config.withPoints ? pointsPath(job.id) : ''
  const generated = generateSamples(
    scene,
    { jobId: job.id, image, frame: job.name, points, seed: jobSeed(config.seed, job.id) },
    config.filters,
  )
  const perType: Record<string, number> = {}
  for (const sample of generated.samples)
    perType[sample.question_type] = (perType[sample.question_type] ?? 0) + 1
  if (generated.samples.length > 0) {
    await writeImage(job, frame, join(config.outDir, image), config.roots[job.inputIndex])
    if (generated.kept && config.withPoints)
      await writeFileAtomic(
        join(config.outDir, points),
        JSON.stringify(objectPoints(generated.kept, perceived)),
      )
  }
  const lines = generated.samples.map((sample) => `${sampleLine(sample)}\n`).join('')
  await writeFileAtomic(
    join(config.outDir, 'stats', `${job.id}.json`),
    JSON.stringify({
      samples: generated.samples.length,
      perType,
      dropped: generated.dropped,
      kept: generated.kept !== null,
    }),
  )
  // The shard marks the job done, also when the frame gave no sample (an empty shard).
  await writeFileAtomic(join(config.outDir, shardPath(job.id)), lines)
  return {
    jobId: job.id,
    samples: generated.samples.length,
    perType,
    dropped: generated.dropped,
    kept: generated.kept !== null,
  }
}

/**
 * Creates the dataset's sub-folders (once per run, before any job) and removes temporary files a killed run left
 * (a write that never reached its rename). One-machine runs only: fleet machines may be writing their own.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  await makeOutDirs(outDir)
  for (const folder of OUT_FOLDERS) {
    for (const name of await readdir(join(outDir, folder)))
      if (name.endsWith('.tmp')) await rm(join(outDir, folder, name), { force: true })
  }
}

const OUT_FOLDERS = ['shards', 'images', 'points', 'stats']

/** Creates the dataset's sub-folders if missing, touching nothing in them (safe while other machines write there). */
export async function makeOutDirs(outDir: string): Promise<void> {
  for (const folder of OUT_FOLDERS) await mkdir(join(outDir, folder), { recursive: true })
}

async function loadJobFrame(job: SynthJob, root: string): Promise<Frame> {
  const input = job.input
  if (input.kind === 'pcd') return loadPcdFrame(join(root, input.pcd))
  if (input.kind === 'mcap') return loadMcapJobFrame(input, root)
  return loadRgbdFrame({
    rgbPath: join(root, input.color),
    depthPath: input.kind === 'rgbd' ? join(root, input.depth) : undefined,
    intrinsicsPath: join(root, input.intrinsics),
  })
}

/** Images are copied (not linked) so the dataset folder stands alone; PCD and MCAP frames get their colours as a PNG. */
async function writeImage(
  job: SynthJob,
  frame: Frame,
  target: string,
  root: string,
): Promise<void> {
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    return
  if (job.input.kind !== 'pcd' && job.input.kind !== 'mcap') {
    await copyFile(join(root, job.input.color), target)
    return
  }
  const { width, height, data } = frame.rgb
  await writeFile(target, encode({ width, height, data, channels: 3, depth: 8 }))
}

const MAX_POINTS_PER_OBJECT = 4000

/** Object points in the world frame (metres), evenly subsampled to at most 4000 per object. */
export function objectPoints(scene: Scene, frame: Frame): SynthPoints {
  const { fx, fy, cx, cy, width } = frame.intrinsics
  const m = scene.worldFromCamera
  const depth = frame.depth?.data
  const objects = scene.objects.map((object) => {
    const indices = object.pixelIndices
    const step = Math.max(1, Math.ceil(indices.length / MAX_POINTS_PER_OBJECT))
    const points: number[] = []
    for (let k = 0; depth && k < indices.length; k += step) {
      const index = indices[k]
      const z = depth[index]
      if (!(z > 0)) continue
      const x = (((index % width) - cx) * z) / fx
      const y = ((Math.floor(index / width) - cy) * z) / fy
      for (let r = 0; r < 3; r++)
        points.push(Math.round((m[r] * x + m[4 + r] * y + m[8 + r] * z + m[12 + r]) * 1e4) / 1e4)
    }
    return { name: object.name, points }
  })
  return { frame: 'world', unit: 'metre', objects }
}
