#!/usr/bin/env node
// `node bench/models.js` (also the last part of `npm run bench`): per-model inference time on this machine, through
// the real CLI path (`spatial-lens scene … --json`, perception.steps), for the models that are present: NanoDet-m
// (built in) always, the depth, open-vocabulary and SAM models when installed in the model cache
// (`spatial-lens models list`). Each run is a fresh process, so a step's time is the model's FIRST inference in
// that process, what a one-shot CLI call pays (a long-running `serve` is warmer). "process" is the whole call:
// Node start-up, session creation, the image decode, perception and the scene. Writes bench/results/models.json.
//
//   node bench/models.js [--runs 5] [--timeout-s 180] [--cli bin/spatial-lens.js] [--models DIR] [--out FILE]
//
// --models DIR reads models from DIR instead of $SPATIAL_LENS_MODELS / the per-user cache. Relative depth models
// are calibrated first (`spatial-lens calibrate` on the synthetic RGB-D frame) into a temporary SPATIAL_LENS_HOME,
// so your own calibrations are never touched. Exit code 1 when a run that was attempted failed.

import { runChild } from './childProcess.js'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatTable, parseJsonOutput, syntheticIntrinsics } from './lib.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'synthetic-tabletop')
const RESOLUTION = '640x480'
const DEPTH_TASKS = new Set(['metric-depth', 'relative-depth'])
const DEPTH_HINT = 'spatial-lens models download depth-anything-v2-small-metric-indoor'

/** Runs the model bench; resolves to its exit code (0, or 1 when an attempted run failed). */
export async function runModelBench(options = {}) {
  const opts = {
    runs: 5,
    timeoutS: 180,
    cli: join(ROOT, 'bin', 'spatial-lens.js'),
    models: null,
    out: join(ROOT, 'bench', 'results', 'models.json'),
    ...options,
  }
  console.log(
    `\n== models: inference per frame at ${RESOLUTION}, through the CLI (each run a fresh process; median of ${opts.runs}) ==`,
  )
  console.log(`machine: ${machineLine()}`)
  const [load] = os.loadavg()
  if (load > os.cpus().length / 2)
    console.log(
      `warning: load ${load.toFixed(1)} on ${os.cpus().length} cores: other work is running; timings will be skewed`,
    )
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    console.log('  skipped: out/main/cli.js is missing (run `npm run build` first)')
    return 1
  }
  const home = mkdtempSync(join(os.tmpdir(), 'spatial-lens-models-bench-'))
  const env = {
    ...process.env,
    SPATIAL_LENS_HOME: home,
    ...(opts.models ? { SPATIAL_LENS_MODELS: resolve(opts.models) } : {}),
  }
  const ctx = { ...opts, env, intrinsics: join(home, 'intrinsics.json') }
  writeFileSync(ctx.intrinsics, JSON.stringify(syntheticIntrinsics(640, 480)))
  const rows = []
  let failed = false
  try {
    const listing = parseJsonOutput(
      (await cli(ctx, ['models', 'list', '--json'], 'models list')).stdout,
      'models list --json',
    )
    console.log(`models directory: ${listing.modelsDirectory}`)
    const present = listing.models.filter(
      (m) => m.status === 'installed' || m.status === 'built-in',
    )
    for (const job of benchJobs(present)) {
      try {
        rows.push(await job.run(ctx))
      } catch (error) {
        failed = true
        rows.push({ model: job.model, task: job.task, error: error.message })
        console.log(`  ${job.model} failed: ${error.message}`)
      }
    }
    const skipped = listing.models.filter((m) => !present.includes(m))
    if (!present.some((m) => DEPTH_TASKS.has(m.task))) {
      console.log(`no depth model installed: colour-only frames skipped; \`${DEPTH_HINT}\``)
    }
    printTable(rows)
    const notBenched = present.filter((m) => !rows.some((r) => r.model === m.id)).map((m) => m.id)
    if (notBenched.length)
      console.log(`installed but not on a CLI path yet (not timed): ${notBenched.join(', ')}`)
    if (skipped.length)
      console.log(`not installed (not timed): ${skipped.map((m) => m.id).join(', ')}`)
    const report = {
      generatedAt: new Date().toISOString(),
      machine: machineLine(),
      resolution: RESOLUTION,
      runs: opts.runs,
      modelsDirectory: listing.modelsDirectory,
      rows,
    }
    mkdirSync(dirname(opts.out), { recursive: true })
    writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n')
    console.log(`results: ${relative(process.cwd(), opts.out) || opts.out}`)
  } catch (error) {
    failed = true
    console.log(`  models bench failed: ${error.message}`)
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
  return failed ? 1 : 0
}

/** What to time for the installed models: one job per model the CLI can run. */
function benchJobs(present) {
  const has = (id) => present.some((m) => m.id === id)
  const rgbd = () => ['--rgb', fixture('color'), '--depth', fixture('depth')]
  const jobs = []
  if (has('nanodet-m')) {
    jobs.push(
      stepJob('nanodet-m', 'detection', 'detection', (ctx) => [
        ...rgbd(),
        '--intrinsics',
        ctx.intrinsics,
        '--detector',
        'nanodet',
        '--segmenter',
        'none',
      ]),
    )
  }
  if (has('owlv2-base-patch16-ensemble')) {
    jobs.push(
      stepJob('owlv2-base-patch16-ensemble', 'open-vocabulary-detection', 'detection', (ctx) => [
        ...rgbd(),
        '--intrinsics',
        ctx.intrinsics,
        '--detector',
        'owlv2',
        '--queries',
        'mug,laptop,bottle',
        '--segmenter',
        'none',
      ]),
    )
  }
  if (has('slimsam-77-uniform') && has('nanodet-m')) {
    jobs.push(
      stepJob(
        'slimsam-77-uniform',
        'segmentation',
        'segmentation',
        (ctx) => [
          ...rgbd(),
          '--intrinsics',
          ctx.intrinsics,
          '--detector',
          'nanodet',
          '--segmenter',
          'slimsam-77-uniform',
        ],
        'boxes from NanoDet-m',
      ),
    )
  }
  for (const model of present.filter((m) => DEPTH_TASKS.has(m.task))) {
    const colourOnly = (ctx) => [
      '--rgb',
      fixture('color'),
      '--intrinsics',
      ctx.intrinsics,
      '--camera',
      'bench',
      '--depth-model',
      model.id,
      '--detector',
      'none',
      '--segmenter',
      'none',
    ]
    const job = stepJob(model.id, model.task, 'depth', colourOnly, 'colour-only frame → scene')
    const isRelative = model.task === 'relative-depth'
    jobs.push({
      ...job,
      run: async (ctx) => {
        let note = job.note
        if (isRelative) {
          const args = [
            'calibrate',
            '--camera',
            'bench',
            '--depth-model',
            model.id,
            '--rgb',
            fixture('color'),
            '--depth',
            fixture('depth'),
            '--intrinsics',
            ctx.intrinsics,
            '--json',
          ]
          const fit = parseJsonOutput(
            (await cli(ctx, args, `calibrate ${model.id}`)).stdout,
            `calibrate ${model.id}`,
          )
          note += `; calibrated on the RGB-D frame: residual ${(fit.residualRmsM * 100).toFixed(1)} cm RMS`
        }
        return { ...(await job.run(ctx)), note }
      },
    })
  }
  return jobs
}

/** Times one perception step over N fresh-process scene runs (median, min, max), plus the process wall time. */
function stepJob(model, task, stage, sceneArgs, note = 'RGB-D frame') {
  return {
    model,
    task,
    note,
    run: async (ctx) => {
      const stepMs = []
      const wallMs = []
      const sceneMs = []
      let provider = null
      for (let i = 0; i < ctx.runs; i++) {
        const label = `${model} (run ${i + 1}/${ctx.runs})`
        const { stdout, ms } = await cli(ctx, ['scene', ...sceneArgs(ctx), '--json'], label)
        const summary = parseJsonOutput(stdout, label)
        const step = summary.perception?.steps?.find(
          (s) => s.stage === stage && s.modelId === model,
        )
        if (!step) throw new Error(`${label}: no ${stage} step for ${model} in perception.steps`)
        stepMs.push(step.ms)
        wallMs.push(ms)
        sceneMs.push(summary.totalMs)
        provider = step.provider
      }
      return {
        model,
        task,
        stage,
        provider,
        note,
        stepMs: stats(stepMs),
        processMs: stats(wallMs),
        sceneComputeMs: stats(sceneMs),
      }
    },
  }
}

function printTable(rows) {
  const ms = (x) => (x === undefined ? '—' : x.toFixed(1))
  const body = rows.map((r) =>
    r.error
      ? [r.model, r.task, '—', 'failed', '—', '—', r.error.split('\n')[0]]
      : [
          r.model,
          r.task,
          r.provider,
          ms(r.stepMs.median),
          `${ms(r.stepMs.min)}–${ms(r.stepMs.max)}`,
          ms(r.processMs.median),
          r.note,
        ],
  )
  if (body.length === 0) {
    console.log('  nothing to time')
    return
  }
  const header = ['model', 'task', 'provider', 'ms/frame (1st run)', 'range', 'process ms', 'input']
  console.log(
    formatTable(header, body, [false, false, false, true, true, true, false])
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  )
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], values }
}

function fixture(kind) {
  return join(FIXTURES, `scene_${RESOLUTION}_${kind}.png`)
}

/** Runs the CLI with a wall-clock timeout; resolves { stdout, ms } on exit 0, rejects with its error line otherwise. */
function cli(ctx, args, label) {
  return runChild(process.execPath, [ctx.cli, ...args], {
    timeoutS: ctx.timeoutS,
    label,
    env: ctx.env,
  })
}

function machineLine() {
  const cpus = os.cpus()
  const memoryGiB = Math.round((os.totalmem() / 2 ** 30) * 10) / 10
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
  return `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${memoryGiB} GiB, ${os.platform()} ${os.release()} ${os.arch()}, Node ${process.version}, load ${load}`
}

function parseArgs(argv) {
  const opts = {}
  const fail = (message) => {
    console.error(`bench/models: ${message} (see node bench/models.js --help)`)
    process.exit(2)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${arg} needs a value`))
    const whole = (text) =>
      Number.isInteger(Number(text)) && Number(text) >= 1
        ? Number(text)
        : fail(`${arg} must be a whole number ≥ 1, got "${text}"`)
    if (arg === '--runs') opts.runs = whole(value())
    else if (arg === '--timeout-s') opts.timeoutS = whole(value())
    else if (arg === '--cli') opts.cli = resolve(value())
    else if (arg === '--models') opts.models = value()
    else if (arg === '--out') opts.out = resolve(value())
    else if (arg === '-h' || arg === '--help') {
      console.log(
        'usage: node bench/models.js [--runs 5] [--timeout-s 180] [--cli bin/spatial-lens.js] [--models DIR] [--out FILE]',
      )
      process.exit(0)
    } else fail(`unknown option ${arg}`)
  }
  return opts
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runModelBench(parseArgs(process.argv.slice(2)))
}
