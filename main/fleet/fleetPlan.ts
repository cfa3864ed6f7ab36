import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError } from '../services/userError'
import { fleetJobDataSchema, type FleetFrameRef, type FleetJobData } from '../contract/fleetSchema'

/** What a run was asked to do: input folders, output folder, configuration, batch size. */
export interface FleetPlanRequest {
  inputDirs: string[]
  outDir: string
  /** Intrinsics for RGB-D folders without their own `intrinsics.json`. */
  intrinsics?: string
  config: Record<string, unknown>
  framesPerJob: number
}

/**
 * Lists the frames of the input folders (sorted, so every machine plans the same jobs): RGB-D as
 * `<name>_color.png` + `<name>_depth.png` with the folder's `intrinsics.json` (or `--intrinsics`),
 * and `*.pcd` clouds. Paths are made absolute: workers on other machines open them as given.
 */
export function discoverFrames(request: Pick<FleetPlanRequest, 'inputDirs' | 'intrinsics'>): FleetFrameRef[] {
  const frames: FleetFrameRef[] = []
  for (const dir of request.inputDirs.map((d) => resolve(d))) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`input folder not found: ${dir}`)
    const names = readdirSync(dir).sort()
    const folderIntrinsics = join(dir, 'intrinsics.json')
    const intrinsics = existsSync(folderIntrinsics) ? folderIntrinsics : request.intrinsics && resolve(request.intrinsics)
    for (const name of names) {
      if (name.toLowerCase().endsWith('.pcd')) frames.push({ kind: 'pcd', pcd: join(dir, name) })
      const match = /^(.*)_color\.png$/i.exec(name)
      if (!match) continue
      const depth = join(dir, `${match[1]}_depth.png`)
      if (!existsSync(depth)) throw new UserError(`${join(dir, name)} has no depth image ${depth}`)
      if (!intrinsics) throw new UserError(`${dir} has no intrinsics.json: add one or pass --intrinsics K.json`)
      frames.push({ kind: 'rgbd', rgb: join(dir, name), depth, intrinsics })
    }
  }
  if (frames.length === 0) throw new UserError(`no frames (*_color.png + *_depth.png, *.pcd) in ${request.inputDirs.join(', ')}`)
  return frames
}

/** A stable job id: the same inputs and configuration always give the same id (re-submitting never duplicates). */
export function stableJobId(inputs: FleetFrameRef[], config: Record<string, unknown>): string {
  const hash = createHash('sha256').update(JSON.stringify({ inputs, config: sortKeys(config) }))
  return `j${hash.digest('hex').slice(0, 24)}`
}

/** The run's jobs: the frames in order, `framesPerJob` at a time, each with its stable id. */
export function planFleetJobs(request: FleetPlanRequest): FleetJobData[] {
  if (!Number.isInteger(request.framesPerJob) || request.framesPerJob < 1 || request.framesPerJob > 10_000) {
    throw new UserError(`--frames-per-job must be an integer 1-10000, got ${request.framesPerJob}`)
  }
  const frames = discoverFrames(request)
  const jobs: FleetJobData[] = []
  for (let start = 0; start < frames.length; start += request.framesPerJob) {
    const inputs = frames.slice(start, start + request.framesPerJob)
    const id = stableJobId(inputs, request.config)
    jobs.push(fleetJobDataSchema.parse({ version: 1, id, inputs, config: request.config, outDir: resolve(request.outDir) }))
  }
  return jobs
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}
