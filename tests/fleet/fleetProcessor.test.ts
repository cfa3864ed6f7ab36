import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UnrecoverableError } from 'bullmq'
import { processFleetJob, type FrameRunner } from '../../main/fleet/fleetProcessor'
import type { SynthJob } from '../../main/synth/plan'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function frame(id: string): SynthJob {
  return {
    id,
    inputIndex: 0,
    name: `${id}.png`,
    input: { kind: 'rgbd', color: `${id}.png`, depth: `${id}_depth.png`, intrinsics: 'k.json' },
  }
}

function jobData(outDir: string, frames: SynthJob[]) {
  return {
    version: 1,
    id: 'j0123456789abcdef',
    frames,
    config: {
      outDir,
      roots: ['/data/in'],
      seed: 7,
      filters: { minPoints: 200, requirePlane: true, minObjects: 2, maxPairs: 12 },
      perception: { detector: 'none' },
      withPoints: false,
    },
  }
}

/** A runner that records which frames it was given and gives each `samples` samples (or fails the ones in `failing`). */
function recordingRunner(seen: string[], failing: Set<string> = new Set()): FrameRunner {
  return async (frames, _config, onOutcome) => {
    for (const f of frames) {
      seen.push(f.id)
      if (failing.has(f.id))
        onOutcome({ ok: false, jobId: f.id, message: `cannot decode ${f.id}_depth.png` })
      else
        onOutcome({
          ok: true,
          result: { jobId: f.id, samples: 5, perType: {}, dropped: {}, kept: true },
        })
    }
  }
}

describe('processFleetJob', () => {
  it('runs only the frames without a shard: a retried or re-submitted job writes nothing twice', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fleet-proc-'))
    dirs.push(outDir)
    mkdirSync(join(outDir, 'shards'))
    writeFileSync(join(outDir, 'shards', 'fb.jsonl'), '')
    const seen: string[] = []
    const result = await processFleetJob(
      jobData(outDir, [frame('fa'), frame('fb'), frame('fc')]),
      recordingRunner(seen),
      'host:1',
    )
    expect(seen).toEqual(['fa', 'fc'])
    expect(result).toMatchObject({ frames: 3, ran: 2, skipped: 1, samples: 10, worker: 'host:1' })
  })

  it('fails naming each failed frame and why (the others keep their shards)', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fleet-proc-'))
    dirs.push(outDir)
    const job = jobData(outDir, [frame('fa'), frame('fb')])
    await expect(processFleetJob(job, recordingRunner([], new Set(['fb'])), 'h:1')).rejects.toThrow(
      '1 of 2 frame(s) failed: fb.png: cannot decode fb_depth.png',
    )
  })

  it.each([
    [
      'a relative output folder',
      (d: ReturnType<typeof jobData>) => ({ ...d, config: { ...d.config, outDir: 'out' } }),
    ],
    [
      'a path leaving its root',
      (d: ReturnType<typeof jobData>) => ({
        ...d,
        frames: [{ ...frame('fa'), input: { kind: 'pcd', pcd: '../x.pcd' } }],
      }),
    ],
    [
      'a frame beyond the roots',
      (d: ReturnType<typeof jobData>) => ({ ...d, frames: [{ ...frame('fa'), inputIndex: 3 }] }),
    ],
    ['another layout version', (d: ReturnType<typeof jobData>) => ({ ...d, version: 2 })],
  ])('refuses %s without retries (UnrecoverableError) and runs nothing', async (_what, spoil) => {
    const seen: string[] = []
    const data = spoil(jobData('/data/out', [frame('fa')]))
    const error = await processFleetJob(data, recordingRunner(seen), 'h:1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnrecoverableError)
    expect((error as Error).message).toMatch(/^invalid fleet job data: /)
    expect(seen).toEqual([])
  })
})
