#!/usr/bin/env node
// `npm run bench` (last part): throughput of `spatial-lens synth` on this machine — frames and QA pairs per second
// with 1 and 2 worker threads (scaling), per core — and the arithmetic of what SpatialVLM's 10 M images would take
// on N such machines. Frames: copies of the synthetic tabletop (tests/fixtures) at 640×480, detector none (the
// geometry-only perception: no model needed; a detector adds its inference time per frame, see bench/models.js).
//
//   node bench/synth.js [--frames 64] [--workers 1,2] [--resolution 640x480] [--detector none]
//                       [--out bench/results/synth.json]

import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatTable, parseResolution } from './lib.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'bin', 'spatial-lens.js')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'synthetic-tabletop')
const SPATIALVLM_IMAGES = 10_000_000

const opts = parseArgs(process.argv.slice(2))
const tmp = mkdtempSync(join(os.tmpdir(), 'spatial-lens-synth-bench-'))
try {
  const input = makeInput(tmp, opts)
  const rows = opts.workers.map((workers) => runOnce(input, workers, tmp))
  report(rows)
} catch (error) {
  console.error(`bench synth: ${error.message}`)
  process.exitCode = 2
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

function parseArgs(argv) {
  const o = {
    frames: 64,
    workers: [1, 2],
    resolution: '640x480',
    detector: 'none',
    out: join(ROOT, 'bench', 'results', 'synth.json'),
  }
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    if (flag === '--frames') o.frames = Number(value)
    else if (flag === '--workers') o.workers = value.split(',').map(Number)
    else if (flag === '--resolution') o.resolution = value
    else if (flag === '--detector') o.detector = value
    else if (flag === '--out') o.out = resolve(value)
    else throw new Error(`unknown option ${flag}`)
  }
  if (!Number.isInteger(o.frames) || o.frames < 1)
    throw new Error('--frames must be a whole number ≥ 1')
  parseResolution(o.resolution)
  return o
}

/** rgb/NNNN.png + depth/NNNN.png copies of the fixture and its intrinsics.json. */
function makeInput(dir, o) {
  const input = join(dir, 'input')
  mkdirSync(join(input, 'rgb'), { recursive: true })
  mkdirSync(join(input, 'depth'), { recursive: true })
  for (let i = 0; i < o.frames; i++) {
    const name = `${String(i).padStart(4, '0')}.png`
    copyFileSync(join(FIXTURES, `scene_${o.resolution}_color.png`), join(input, 'rgb', name))
    copyFileSync(join(FIXTURES, `scene_${o.resolution}_depth.png`), join(input, 'depth', name))
  }
  const gt = JSON.parse(readFileSync(join(FIXTURES, `scene_${o.resolution}_gt.json`), 'utf8'))
  const [width, height] = gt.resolution
  writeFileSync(
    join(input, 'intrinsics.json'),
    JSON.stringify({ width, height, ...gt.intrinsics, depthScale: 1000 }),
  )
  return input
}

function runOnce(input, workers, dir) {
  const out = join(dir, `out-${workers}`)
  const started = process.hrtime.bigint()
  const run = spawnSync(
    process.execPath,
    [CLI, 'synth', input, '--out', out, '--workers', String(workers), '--detector', opts.detector],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (run.status !== 0)
    throw new Error(`synth with ${workers} workers failed: ${run.stderr || run.stdout}`)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
  const inner = Number(/in ([\d.]+) s/.exec(run.stdout)?.[1] ?? seconds)
  return {
    workers,
    frames: manifest.counts.frames,
    samples: manifest.counts.samples,
    seconds: inner,
    processSeconds: seconds,
  }
}

function report(rows) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  // The load average says whether the cores were free: per-core rates mean little on a shared machine.
  const load = os.loadavg().map((value) => value.toFixed(1))
  console.log(
    `\nsynth throughput — ${os.cpus().length} cores (${cpu}), Node ${process.version}, ${opts.frames} frames at ${opts.resolution}, detector ${opts.detector}; load average ${load.join(' / ')} (1 / 5 / 15 min) after the runs`,
  )
  const base = rows[0]
  const body = rows.map((r) => {
    const fps = r.frames / r.seconds
    return [
      String(r.workers),
      r.seconds.toFixed(1),
      fps.toFixed(2),
      (r.samples / r.seconds).toFixed(0),
      (fps / r.workers).toFixed(2),
      (r.samples / r.seconds / r.workers).toFixed(0),
      `${(fps / (base.frames / base.seconds)).toFixed(2)}×`,
    ]
  })
  console.log(
    formatTable(
      ['workers', 's', 'frames/s', 'QA/s', 'frames/s/core', 'QA/s/core', 'speed-up'],
      body,
      [1, 2, 3, 4, 5, 6],
    ),
  )
  // The projection uses the best rate measured for a whole machine (the run with the most frames/s),
  // not one worker's rate times the cores: workers share the main thread's writing and the memory bus,
  // so 2 workers on 2 cores do not double 1 worker's rate.
  const best = rows.reduce((a, b) => (b.frames / b.seconds > a.frames / a.seconds ? b : a))
  const perCore = best.frames / best.seconds / best.workers
  const cores = os.cpus().length
  const machineRate = best.frames / best.seconds
  const qaPerFrame = best.samples / best.frames
  console.log(
    `\nSpatialVLM scale: ${SPATIALVLM_IMAGES.toLocaleString('en')} images at ${machineRate.toFixed(2)} frames/s per ${cores}-core machine (measured with ${best.workers} worker${best.workers === 1 ? '' : 's'}; ${qaPerFrame.toFixed(0)} QA pairs/frame → ${((SPATIALVLM_IMAGES * qaPerFrame) / 1e9).toFixed(1)} B pairs):`,
  )
  const projection = [1, 10, 100, 1000].map((n) => [
    String(n),
    formatDuration(SPATIALVLM_IMAGES / (machineRate * n)),
  ])
  console.log(formatTable(['machines', 'time for 10 M images'], projection, [1]))
  console.log(
    '(linear in machines: jobs share nothing but the queue; detector inference time per frame is extra)',
  )
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(
    opts.out,
    JSON.stringify(
      {
        machine: { cores, cpu, node: process.version, loadAverage: os.loadavg() },
        options: opts,
        rows,
        perCore,
        machineRate,
      },
      null,
      2,
    ),
  )
}

function formatDuration(seconds) {
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`
  if (seconds < 86400 * 2) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86400).toFixed(1)} days`
}
