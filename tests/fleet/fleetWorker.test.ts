/**
 * The fleet worker's frame runner: every queued job of a `spatial-lens worker` process runs on the process's one
 * thread pool (threads started once), and preparing the dataset folder never removes another worker's temporary files.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { poolFrameRunner } from '../../main/fleet/fleetWorker'
import { processFleetJob } from '../../main/fleet/fleetProcessor'
import { SynthThreadPool } from '../../main/synth/synthPool'
import type { SynthJob } from '../../main/synth/plan'

const dir = mkdtempSync(join(tmpdir(), 'fleet-worker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Replies like synth.worker; the sample count is the thread's id, so the job results say which thread ran them. */
const workerPath = join(dir, 'thread.mjs')
writeFileSync(
  workerPath,
  `import { parentPort, threadId } from 'node:worker_threads'
parentPort.on('message', ({ job }) => {
  parentPort.postMessage({ ok: true, result: { jobId: job.id, samples: threadId, perType: {}, dropped: {}, kept: true } })
})`,
)

const frame = (id: string): SynthJob => ({
  id,
  inputIndex: 0,
  name: `${id}.pcd`,
  input: { kind: 'pcd', pcd: `${id}.pcd` },
})

const jobData = (id: string, outDir: string, frames: SynthJob[]) => ({
  version: 1,
  id,
  frames,
  config: {
    outDir,
    roots: ['/data/in'],
    seed: 1,
    filters: { minPoints: 200, requirePlane: true, minObjects: 2, maxPairs: 12 },
    perception: { detector: 'none' },
    withPoints: false,
  },
})

describe('poolFrameRunner', () => {
  it('runs two queued jobs on the same thread, started once', async () => {
    const pool = new SynthThreadPool(1, workerPath)
    const runner = poolFrameRunner(pool)
    const outDir = join(dir, 'reuse')
    try {
      const first = await processFleetJob(jobData('j00000001', outDir, [frame('fa')]), runner, 'w')
      const second = await processFleetJob(jobData('j00000002', outDir, [frame('fb')]), runner, 'w')
      expect(first.samples).toBeGreaterThan(0)
      expect(second.samples).toBe(first.samples)
      expect(pool.threadsStarted).toBe(1)
    } finally {
      await pool.close()
    }
  })

  it('creates the dataset folders but leaves temporary files other workers are writing', async () => {
    const outDir = join(dir, 'shared')
    mkdirSync(join(outDir, 'shards'), { recursive: true })
    const othersTemp = join(outDir, 'shards', 'f9.jsonl.4242.1.tmp')
    writeFileSync(othersTemp, '{"half": ')
    const pool = new SynthThreadPool(1, workerPath)
    try {
      await processFleetJob(jobData('j00000003', outDir, [frame('fc')]), poolFrameRunner(pool), 'w')
    } finally {
      await pool.close()
    }
    expect(existsSync(othersTemp)).toBe(true)
    for (const folder of ['shards', 'images', 'points', 'stats'])
      expect(existsSync(join(outDir, folder))).toBe(true)
  })
})
