import { describe, expect, it } from 'vitest'
import {
  jobSeed,
  pendingJobs,
  planJobs,
  shardPath,
  stableHash,
  SynthPlanError,
} from '../../main/synth/plan'
import { addHours, humanLength, humanVolume } from '../../main/synth/humanText'

const recording = {
  root: '/data/run1',
  files: [
    'intrinsics.json',
    'rgb/0002.png',
    'rgb/0001.png',
    'depth/0001.png',
    'depth/0002.png',
    'rgb/0003.png',
    'notes.txt',
  ],
}

describe('planJobs', () => {
  it('pairs RGB-D frames like the app folder source, in natural order, and notes unpaired images', () => {
    const plan = planJobs([recording])
    expect(plan.jobs.map((job) => job.input)).toEqual([
      {
        kind: 'rgbd',
        color: 'rgb/0001.png',
        depth: 'depth/0001.png',
        intrinsics: 'intrinsics.json',
      },
      {
        kind: 'rgbd',
        color: 'rgb/0002.png',
        depth: 'depth/0002.png',
        intrinsics: 'intrinsics.json',
      },
    ])
    expect(plan.notes.join()).toMatch(/rgb\/0003.png/)
  })

  it('makes colour-only jobs without depth images and one job per PCD', () => {
    const plan = planJobs([
      { root: '/photos', files: ['a.jpg', 'b.jpg', 'camera.json'] },
      { root: '/clouds', files: ['x.pcd', 'y.PCD'] },
    ])
    expect(plan.jobs.map((job) => job.input.kind)).toEqual(['color', 'color', 'pcd', 'pcd'])
    expect(plan.jobs.map((job) => job.inputIndex)).toEqual([0, 0, 1, 1])
  })

  it('gives stable ids that do not depend on the listing order, and distinct ids per frame', () => {
    const a = planJobs([recording]).jobs.map((job) => job.id)
    const b = planJobs([{ ...recording, files: [...recording.files].reverse() }]).jobs.map(
      (job) => job.id,
    )
    expect(b).toEqual(a)
    expect(new Set(a).size).toBe(a.length)
    expect(a[0]).toMatch(/^f[0-9a-f]{16}$/)
  })

  it('refuses a recording whose frames were not listed, and empty inputs', () => {
    expect(() => planJobs([{ root: '/r', files: ['a.mcap'] }])).toThrow(
      '/r/a.mcap: recording not listed',
    )
    expect(() => planJobs([{ root: '/r', files: ['readme.md'] }])).toThrow(SynthPlanError)
  })

  it('leaves out jobs whose shard exists (resume)', () => {
    const plan = planJobs([recording])
    const pending = pendingJobs(plan, new Set([shardPath(plan.jobs[0].id)]))
    expect(pending).toEqual([plan.jobs[1]])
  })

  it('hashes with 64-bit FNV-1a (published test vectors) and seeds jobs independently of workers', () => {
    expect(stableHash('')).toBe('cbf29ce484222325')
    expect(stableHash('a')).toBe('af63dc4c8601ec8c')
    // Was: jobSeed(1, 'fa') toBe jobSeed(1, 'fa'), which a pure function cannot fail. Reference: the low 32 bits
    // of FNV-1a-64 of "1:fa" and "2:fa", computed in Python (independent of stableHash).
    expect(jobSeed(1, 'fa')).toBe(3661417415)
    expect(jobSeed(2, 'fa')).toBe(1712012768)
  })
})

describe('human-style values', () => {
  it('rounds lengths like SpatialVLM answers', () => {
    expect(humanLength(0.123)).toBe('about 12 cm')
    expect(humanLength(0.412)).toBe('about 40 cm')
    expect(humanLength(0.438)).toBe('about 45 cm')
    expect(humanLength(1.234)).toBe('about 1.2 m')
    expect(humanLength(0.98)).toBe('about 1.0 m')
    expect(humanLength(-0.01)).toBe('touching (0 cm)')
    expect(() => humanLength(Number.NaN)).toThrow()
  })

  it('gives volumes in litres and opposite clock hours', () => {
    expect(humanVolume(0.00081)).toBe('about 0.8 litres')
    expect(humanVolume(0.0223)).toBe('about 22 litres')
    expect(addHours(3, 6)).toBe(9)
    expect(addHours(8, 6)).toBe(2)
    expect(addHours(12, 6)).toBe(6)
    expect(addHours(6, 6)).toBe(12)
  })
})
