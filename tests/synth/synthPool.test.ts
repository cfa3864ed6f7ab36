import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runPool, type JobOutcome } from '../../main/synth/synthPool'
import type { JobConfig } from '../../main/synth/runJob'
import type { SynthJob } from '../../main/synth/plan'

const dir = mkdtempSync(join(tmpdir(), 'synth-pool-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A stand-in worker script: replies like synth.worker, but exits or throws on the job named in `bad`. */
function fakeWorker(name: string, onBad: string): string {
  const path = join(dir, `${name}.mjs`)
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads'
parentPort.on('message', (job) => {
  if (job.name === 'bad') { ${onBad} }
  parentPort.postMessage({ ok: true, result: { jobId: job.id, samples: 1, perType: {}, dropped: {}, kept: true } })
})`,
  )
  return path
}

const jobs: SynthJob[] = ['a', 'bad', 'c', 'd'].map((name, index) => ({
  id: `f${index}`,
  inputIndex: 0,
  name,
  input: { kind: 'pcd', pcd: `${name}.pcd` },
}))
const config = {} as JobConfig

describe('runPool', () => {
  for (const [label, onBad] of [
    ['exits', 'process.exit(3)'],
    ['throws', "throw new Error('boom')"],
  ]) {
    it(`fails only the job whose worker ${label}, replaces the worker and finishes the rest`, async () => {
      const outcomes: JobOutcome[] = []
      await runPool(jobs, config, 2, (outcome) => outcomes.push(outcome), fakeWorker(label, onBad))
      expect(outcomes).toHaveLength(jobs.length)
      const failures = outcomes.filter((outcome) => !outcome.ok)
      expect(failures.map((failure) => failure.jobId)).toEqual(['f1'])
      const done = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result.jobId] : []))
      expect(done.sort()).toEqual(['f0', 'f2', 'f3'])
    })
  }
})
