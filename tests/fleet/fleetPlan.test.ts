import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planFleetJobs, type FleetPlanRequest } from '../../main/fleet/fleetPlan'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { writeRgbdMcap } from '../helpers/rgbdMcap'
import { fleetJobDataSchema } from '../../main/contract/fleetSchema'

let work: string
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fleet-plan-'))
  mkdirSync(join(work, 'in'))
  for (let i = 0; i < 5; i++) {
    copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(work, 'in', `f${i}_color.png`))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'), join(work, 'in', `f${i}_depth.png`))
  }
  writeFileSync(join(work, 'in', 'intrinsics.json'), '{}')
  mkdirSync(join(work, 'rec'))
  await writeRgbdMcap(join(work, 'rec', 'a.mcap'), 3)
  await writeRgbdMcap(join(work, 'rec', 'b.mcap'), 2)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

function request(
  overrides: Partial<FleetPlanRequest['config']> = {},
  framesPerJob = 2,
): FleetPlanRequest {
  return {
    inputs: [join(work, 'in')],
    framesPerJob,
    config: {
      outDir: join(work, 'out'),
      seed: 0,
      filters: { minPoints: 200, requirePlane: true, minObjects: 2, maxPairs: 12 },
      perception: { detector: 'none' },
      withPoints: false,
      ...overrides,
    },
  }
}

describe('planFleetJobs', () => {
  it('cuts the plan into jobs of framesPerJob frames, every frame exactly once, in order', async () => {
    const { jobs } = await planFleetJobs(request())
    expect(jobs.map((job) => job.frames.length)).toEqual([2, 2, 1])
    const names = jobs.flatMap((job) => job.frames.map((f) => f.name))
    expect(names).toEqual([
      'f0_color.png',
      'f1_color.png',
      'f2_color.png',
      'f3_color.png',
      'f4_color.png',
    ])
    expect(
      jobs.every(
        (job) =>
          job.config.roots[0] === join(work, 'in') && job.config.outDir === join(work, 'out'),
      ),
    ).toBe(true)
  })

  it('gives the same ids for the same command and new ids for another configuration', async () => {
    const first = (await planFleetJobs(request())).jobs.map((job) => job.id)
    const again = (await planFleetJobs(request())).jobs.map((job) => job.id)
    const otherSeed = (await planFleetJobs(request({ seed: 1 }))).jobs.map((job) => job.id)
    expect(again).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
    expect(otherSeed.some((id) => first.includes(id))).toBe(false)
  })

  it('refuses a bad batch size and a missing input with clear messages', async () => {
    await expect(planFleetJobs(request({}, 0))).rejects.toThrow(
      '--frames-per-job must be an integer 1-10000',
    )
    await expect(planFleetJobs({ ...request(), inputs: [join(work, 'nope')] })).rejects.toThrow(
      'input not found',
    )
  })

  it('cuts recordings into segments of their own: a queue job never mixes two recordings or a folder', async () => {
    const { jobs, pinned } = await planFleetJobs({
      ...request({}, 2),
      inputs: [join(work, 'rec'), join(work, 'in')],
    })
    const names = jobs.map((job) => job.frames.map((f) => f.name))
    expect(names).toEqual([
      ['a.mcap#0', 'a.mcap#1'],
      ['a.mcap#2'],
      ['b.mcap#0', 'b.mcap#1'],
      ['f0_color.png', 'f1_color.png'],
      ['f2_color.png', 'f3_color.png'],
      ['f4_color.png'],
    ])
    // Each recording frame crosses Redis as a valid job (topics and times included) and keeps its plan id.
    const frame = fleetJobDataSchema.parse(JSON.parse(JSON.stringify(jobs[0]))).frames[1]
    expect(frame.input).toMatchObject({ kind: 'mcap', mcap: 'a.mcap', frameIndex: 1 })
    expect(new Set(jobs.flatMap((job) => job.frames.map((f) => f.id))).size).toBe(10)
    expect(pinned.mcap).toEqual({ topics: {}, every: 1 })
  })

  it('keeps every N-th recording frame with --every', async () => {
    const { jobs } = await planFleetJobs({
      ...request({}, 16),
      inputs: [join(work, 'rec')],
      mcap: { topics: {}, every: 2 },
    })
    expect(jobs.map((job) => job.frames.map((f) => f.name))).toEqual([
      ['a.mcap#0', 'a.mcap#2'],
      ['b.mcap#0'],
    ])
  })
})
