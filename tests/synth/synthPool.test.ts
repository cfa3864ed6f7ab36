import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runPool, SynthThreadPool, type JobOutcome } from '../../main/synth/synthPool'
import type { JobConfig } from '../../main/synth/runJob'
import type { SynthJob } from '../../main/synth/plan'

const dir = mkdtempSync(join(tmpdir(), 'synth-pool-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * A stand-in worker script: replies like synth.worker (one message per { job, config }), adding the thread's id and
 * the seed of the configuration it was given, but exits or throws on the job named 'bad'.
 */
function fakeWorker(name: string, onBad: string): string {
  const path = join(dir, `${name}.mjs`)
  writeFileSync(
    path,
    `import { parentPort, threadId } from 'node:worker_threads'
parentPort.on('message', ({ job, config }) => {
  if (job.name === 'bad') { ${onBad} }
  parentPort.postMessage({ ok: true, result: { jobId: job.id, samples: 1, perType: {}, dropped: {}, kept: true, thread: threadId, seed: config.seed } })
})`,
  )
  return path
}

const makeJobs = (names: string[]): SynthJob[] =>
  names.map((name, index) => ({
    id: `f${index}`,
    inputIndex: 0,
    name,
    input: { kind: 'pcd', pcd: `${name}.pcd` },
  }))
const jobs = makeJobs(['a', 'bad', 'c', 'd'])
const config = (seed: number) => ({ seed }) as JobConfig

/** Runs `names` on the pool; returns each job's thread id and seed seen by the thread, by job name. */
async function runOn(pool: SynthThreadPool, names: string[], seed = 0) {
  const outcomes: JobOutcome[] = []
  await pool.run(makeJobs(names), config(seed), (outcome) => outcomes.push(outcome))
  return outcomes.map((outcome) =>
    outcome.ok
      ? (outcome.result as unknown as { thread: number; seed: number })
      : { failed: outcome.message },
  )
}

describe('runPool', () => {
  for (const [label, onBad] of [
    ['exits', 'process.exit(3)'],
    ['throws', "throw new Error('boom')"],
  ]) {
    it(`fails only the job whose worker ${label}, replaces the worker and finishes the rest`, async () => {
      const outcomes: JobOutcome[] = []
      await runPool(jobs, config(0), 2, (o) => outcomes.push(o), fakeWorker(label, onBad))
      expect(outcomes).toHaveLength(jobs.length)
      const failures = outcomes.filter((outcome) => !outcome.ok)
      expect(failures.map((failure) => failure.jobId)).toEqual(['f1'])
      const done = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result.jobId] : []))
      expect(done.sort()).toEqual(['f0', 'f2', 'f3'])
    })
  }
})

describe('SynthThreadPool (one per fleet worker process)', () => {
  it('keeps its threads across runs, each run with its own configuration', async () => {
    const pool = new SynthThreadPool(1, fakeWorker('reuse', 'process.exit(3)'))
    try {
      const first = await runOn(pool, ['a', 'b'], 7)
      const second = await runOn(pool, ['c'], 8)
      const threads = new Set([...first, ...second].map((r) => (r as { thread: number }).thread))
      expect(threads.size).toBe(1)
      expect(pool.threadsStarted).toBe(1)
      expect(first.map((r) => (r as { seed: number }).seed)).toEqual([7, 7])
      expect(second.map((r) => (r as { seed: number }).seed)).toEqual([8])
    } finally {
      await pool.close()
    }
  })

  it('replaces a crashed thread and keeps the replacement for later runs', async () => {
    const pool = new SynthThreadPool(1, fakeWorker('crash', 'process.exit(3)'))
    try {
      const [before] = await runOn(pool, ['a'])
      const crashed = await runOn(pool, ['bad', 'b'])
      const [after] = await runOn(pool, ['c'])
      expect(crashed[0]).toEqual({ failed: 'the synth worker exited (code 3) during this frame' })
      const threadOf = (r: unknown) => (r as { thread: number }).thread
      expect(threadOf(crashed[1])).not.toBe(threadOf(before))
      expect(threadOf(after)).toBe(threadOf(crashed[1]))
      expect(pool.threadsStarted).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it('runs overlapping runs (a worker with --concurrency 2) on the same threads', async () => {
    const pool = new SynthThreadPool(2, fakeWorker('overlap', 'process.exit(3)'))
    try {
      const [a, b] = await Promise.all([
        runOn(pool, ['a', 'b', 'c'], 1),
        runOn(pool, ['d', 'e'], 2),
      ])
      expect(a.map((r) => (r as { seed: number }).seed)).toEqual([1, 1, 1])
      expect(b.map((r) => (r as { seed: number }).seed)).toEqual([2, 2])
      expect(pool.threadsStarted).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it('fails the jobs, without hanging, when its thread script cannot start', async () => {
    const pool = new SynthThreadPool(1, join(dir, 'missing.mjs'))
    try {
      const outcomes = await runOn(pool, ['a', 'b'])
      expect(outcomes).toHaveLength(2)
      for (const outcome of outcomes) expect(outcome).toHaveProperty('failed')
    } finally {
      await pool.close()
    }
  })

  it('refuses a pool without threads and a run after close', async () => {
    expect(() => new SynthThreadPool(0, null)).toThrow('at least one thread')
    const pool = new SynthThreadPool(1, null)
    await pool.close()
    await expect(pool.run([], config(0), () => {})).rejects.toThrow('closed')
  })
})
