#!/usr/bin/env node
// `npm run bench`: our scene pipeline (through the CLI) next to Open3D doing the same work on the same frame,
// stage by stage, at 320×240, 640×480 and 1280×960 (tests/fixtures/synthetic-tabletop), plus centre accuracy
// against the ground truth. Writes bench/results/latest.json.
//
//   node bench/run.js [--repeat 15] [--rounds 3] [--resolutions 320x240,640x480,1280x960] [--timeout-s 300]
//                     [--python /usr/bin/python3] [--o3d-threads N] [--o3d-warmup 1] [--no-open3d]
//                     [--cli bin/spatial-lens.js] [--out bench/results/latest.json] [--check]
//
// --rounds R runs each side R times per resolution, alternating which goes first, and reports the median of the
// rounds (steadier on a shared machine). --o3d-threads N sets OMP_NUM_THREADS for Open3D (ours is single-threaded).
// --check exits 1 when ours/Open3D total at 640×480 is above the 0.5× target (for CI); otherwise the exit code is
// 0 when every run that was attempted produced numbers, 1 when one failed. Ends with bench/models.js (per-model
// inference times of the installed models; bench/results/models.json).

import { runChild } from './childProcess.js'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  centreAccuracy,
  combineRounds,
  compareStages,
  formatAccuracy,
  formatStageTable,
  normalAngleDeg,
  parseJsonOutput,
  parseResolution,
  syntheticIntrinsics,
  validateOpen3d,
  validateOurs,
} from './lib.js'
import { runModelBench } from './models.js'
import { runEnsembleBench } from './ensemble.js'
import { runLiveBench } from './live.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'synthetic-tabletop')
const REFERENCE_PY = join(ROOT, 'bench', 'open3d_reference.py')
const TARGET_RESOLUTION = '640x480'
const TARGET_RATIO = 0.5
const INSTALL_HINT =
  'Open3D is not importable by any Python found. Install it with\n' +
  '    sudo apt-get install python3-open3d      (Debian/Ubuntu; then it is /usr/bin/python3)\n' +
  '  or pip install open3d (into the python3 on PATH), or point --python / $PYTHON at an interpreter that has it.'

const options = parseArgs(process.argv.slice(2))
const results = await main(options).catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(2)
})
process.exitCode = results.exitCode
// Then per-model inference times through the same CLI (bench/models.js; also runnable on its own).
if (!options.noOurs) {
  const modelsExit = await runModelBench(options.cli ? { cli: resolve(options.cli) } : {})
  // Then the live pipeline at camera rate (bench/live.js: fps, dropped frames, latency p50/p95, time per stage).
  const liveExit = await runLiveBench(options.cli ? { cli: resolve(options.cli) } : {})
  process.exitCode = Math.max(results.exitCode, modelsExit, liveExit)
}
// Then SpatialEnsemble's statements per second (bench/ensemble.js; pure CPU, also runnable on its own).
process.exitCode = Math.max(process.exitCode ?? 0, await runEnsembleBench())

async function main(opts) {
  printMachine()
  const cli = await prepareCli(opts)
  const python = opts.noOpen3d ? null : findPython(opts.python)
  if (!opts.noOpen3d && !python)
    console.log(`\n${INSTALL_HINT}\n(continuing with our numbers only)`)
  if (python)
    console.log(`open3d: ${python.python} (Open3D ${python.version}, numpy ${python.numpy})`)
  console.log(
    `repeats: ${opts.repeat} per run (median per stage)${opts.rounds > 1 ? `, ${opts.rounds} alternating rounds per side (median of rounds)` : ''}; ` +
      `timeout per run ${opts.timeoutS} s; Open3D threads: ${opts.o3dThreads ?? `OpenMP default (${os.cpus().length})`}, ours: 1 (Node main thread)`,
  )

  const tmp = mkdtempSync(join(os.tmpdir(), 'spatial-lens-bench-'))
  const runs = []
  let failed = false
  try {
    for (const resolution of opts.resolutions) {
      const run = await benchResolution(resolution, { ...opts, cli, python, tmp })
      if (run.errors.length) failed = true
      runs.push(run)
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  const target = runs.find((r) => r.resolution === TARGET_RESOLUTION)
  const targetRatio = target?.stages.find((row) => row.stage === 'total')?.ratio ?? null
  console.log(`\n== target: ours ≤ ${TARGET_RATIO}× Open3D total at ${TARGET_RESOLUTION} ==`)
  if (targetRatio === null) {
    const why = !target
      ? `${TARGET_RESOLUTION} is not in --resolutions`
      : !cli
        ? 'our CLI was not run'
        : !python
          ? 'Open3D was not run'
          : 'a run failed (see errors above)'
    console.log(`  not measured: ${why}`)
  } else {
    const verdict = targetRatio <= TARGET_RATIO ? 'MET' : 'NOT MET'
    console.log(
      `  ${verdict}: ours/Open3D = ${targetRatio.toFixed(2)}× (${target.ours.totalMs.toFixed(1)} ms vs ${target.open3d.totalMs.toFixed(1)} ms)`,
    )
  }

  const report = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    repeats: opts.repeat,
    rounds: opts.rounds,
    cli: cli ? relative(ROOT, cli.path) : null,
    open3d: python
      ? {
          python: python.python,
          version: python.version,
          numpy: python.numpy,
          threads: opts.o3dThreads ?? 'default (OpenMP: all cores)',
          warmup: opts.o3dWarmup,
        }
      : null,
    target: {
      resolution: TARGET_RESOLUTION,
      maxRatio: TARGET_RATIO,
      ratio: targetRatio,
      met: targetRatio !== null && targetRatio <= TARGET_RATIO,
    },
    runs,
  }
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nresults: ${relative(process.cwd(), opts.out) || opts.out}`)

  let exitCode = failed ? 1 : 0
  if (opts.check && !report.target.met) exitCode = 1
  return { exitCode }
}

async function benchResolution(resolution, ctx) {
  const { width, height } = parseResolution(resolution)
  const rgb = join(FIXTURES, `scene_${resolution}_color.png`)
  const depth = join(FIXTURES, `scene_${resolution}_depth.png`)
  const gtPath = join(FIXTURES, `scene_${resolution}_gt.json`)
  const run = { resolution, ours: null, open3d: null, stages: [], accuracy: {}, errors: [] }
  run.loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100)
  run.cpuBusyBefore = await cpuBusyFraction(500)
  const busyNote =
    run.cpuBusyBefore > 0.2
      ? `  (warning: CPUs ${(run.cpuBusyBefore * 100).toFixed(0)}% busy with other work just before; timings will be skewed)`
      : ''
  console.log(`\n== ${resolution} ==${busyNote}`)
  for (const file of [rgb, depth, gtPath]) {
    if (!existsSync(file)) {
      run.errors.push(`missing fixture ${relative(ROOT, file)}`)
      console.log(`  error: missing fixture ${relative(ROOT, file)}`)
      return run
    }
  }
  const gt = JSON.parse(readFileSync(gtPath, 'utf8'))
  const intrinsics = syntheticIntrinsics(width, height)
  const intrinsicsPath = join(ctx.tmp, `intrinsics_${resolution}.json`)
  writeFileSync(intrinsicsPath, JSON.stringify(intrinsics))

  // Geometry only (no detector), the same work as the Open3D reference; model times are bench/models.js's.
  const oursArgs = ctx.cli && [
    ...ctx.cli.args,
    'scene',
    '--rgb',
    rgb,
    '--depth',
    depth,
    '--intrinsics',
    intrinsicsPath,
    '--detector',
    'none',
    '--json',
    '--repeat',
    String(ctx.repeat),
  ]
  const open3dArgs = ctx.python && [
    REFERENCE_PY,
    '--rgb',
    rgb,
    '--depth',
    depth,
    '--repeat',
    String(ctx.repeat),
    '--warmup',
    String(ctx.o3dWarmup),
    '--fx',
    String(intrinsics.fx),
    '--fy',
    String(intrinsics.fy),
    '--cx',
    String(intrinsics.cx),
    '--cy',
    String(intrinsics.cy),
  ]
  const open3dEnv = ctx.o3dThreads
    ? { ...process.env, OMP_NUM_THREADS: String(ctx.o3dThreads) }
    : process.env
  const sides = {
    ours:
      oursArgs &&
      (async (label) =>
        validateOurs(
          parseJsonOutput(
            (await runChild(process.execPath, oursArgs, { timeoutS: ctx.timeoutS, label })).stdout,
            label,
          ),
        )),
    open3d:
      open3dArgs &&
      (async (label) =>
        validateOpen3d(
          parseJsonOutput(
            (
              await runChild(ctx.python.python, open3dArgs, {
                timeoutS: ctx.timeoutS,
                label,
                env: open3dEnv,
              })
            ).stdout,
            label,
          ),
        )),
  }
  const rounds = { ours: [], open3d: [] }
  const failedSides = new Set()
  for (let round = 0; round < ctx.rounds; round++) {
    // Alternate which side goes first, so a load change during the run hits both alike.
    const order = round % 2 === 0 ? ['ours', 'open3d'] : ['open3d', 'ours']
    for (const side of order) {
      if (!sides[side] || failedSides.has(side)) continue
      const label = `${side === 'ours' ? 'our CLI' : 'open3d_reference.py'} at ${resolution}${ctx.rounds > 1 ? ` (round ${round + 1})` : ''}`
      try {
        rounds[side].push(await sides[side](label))
      } catch (error) {
        failedSides.add(side)
        run.errors.push(error.message)
        console.log(`  ${side} failed: ${error.message}`)
      }
    }
  }
  if (rounds.ours.length && !failedSides.has('ours'))
    run.ours = combineRounds(rounds.ours, 'timingsMs')
  if (rounds.open3d.length && !failedSides.has('open3d'))
    run.open3d = combineRounds(rounds.open3d, 'stagesMs')

  run.stages = compareStages(run.ours, run.open3d)
  const truePlane = gt.table_plane_camera?.coeffs?.slice(0, 3)
  if (run.ours) {
    run.accuracy.ours = centreAccuracy(run.ours.objects, gt.objects)
    run.accuracy.ours.planeAngleDeg = normalAngleDeg(
      run.ours.plane?.normal ?? run.ours.planeNormal,
      truePlane,
    )
  }
  if (run.open3d) {
    run.accuracy.open3d = centreAccuracy(run.open3d.objects, gt.objects)
    run.accuracy.open3d.planeAngleDeg = normalAngleDeg(run.open3d.planeNormal, truePlane)
  }
  if (run.ours || run.open3d) {
    console.log(indent(formatStageTable(run.stages)))
    console.log('')
    if (ctx.cli)
      console.log(
        indent(formatAccuracy('ours  ', run.accuracy.ours, run.accuracy.ours?.planeAngleDeg)),
      )
    if (ctx.python)
      console.log(
        indent(formatAccuracy('open3d', run.accuracy.open3d, run.accuracy.open3d?.planeAngleDeg)),
      )
  }
  return run
}

/** Where our CLI is: --cli, else bin/spatial-lens.js (building out/ first when its entry is missing). */
async function prepareCli(opts) {
  if (opts.noOurs) return null
  const path = resolve(opts.cli ?? join(ROOT, 'bin', 'spatial-lens.js'))
  if (!existsSync(path)) {
    console.log(
      `\nour CLI ${relative(ROOT, path)} does not exist yet: printing Open3D's numbers only.`,
    )
    return null
  }
  if (!opts.cli && !existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    console.log('out/main/cli.js is missing: running `npx electron-vite build` first …')
    try {
      const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
      await runChild(npx, ['electron-vite', 'build'], {
        timeoutS: 600,
        label: 'electron-vite build',
        cwd: ROOT,
      })
    } catch (error) {
      throw new Error(`could not build the CLI: ${error.message}`)
    }
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
      throw new Error('`electron-vite build` finished but out/main/cli.js is still missing')
    }
  }
  return { path, args: [path] }
}

/** First interpreter (--python, $PYTHON, python3, /usr/bin/python3, python) that imports open3d and numpy. */
function findPython(explicit) {
  const candidates = [explicit, process.env.PYTHON, 'python3', '/usr/bin/python3', 'python'].filter(
    Boolean,
  )
  const tried = []
  for (const python of [...new Set(candidates)]) {
    const probe = spawnSync(
      python,
      ['-c', 'import open3d, numpy; print(open3d.__version__, numpy.__version__)'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    if (probe.status === 0) {
      const [version, numpy] = probe.stdout.trim().split(/\s+/)
      return { python, version, numpy }
    }
    const why = probe.error
      ? (probe.error.code ?? probe.error.message)
      : (probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`)
    tried.push(`${python}: ${why}`)
  }
  console.log(`\nno Python with Open3D; tried:\n${tried.map((t) => `  ${t}`).join('\n')}`)
  if (explicit) throw new Error(`--python ${explicit} cannot import open3d and numpy`)
  return null
}

/** Fraction of all CPU time spent busy over the next `ms` (while the bench itself is idle): other work. */
async function cpuBusyFraction(ms) {
  const sample = () =>
    os.cpus().reduce(
      (acc, cpu) => {
        const t = cpu.times
        acc.idle += t.idle
        acc.total += t.user + t.nice + t.sys + t.idle + t.irq
        return acc
      },
      { idle: 0, total: 0 },
    )
  const a = sample()
  await new Promise((r) => setTimeout(r, ms))
  const b = sample()
  const total = b.total - a.total
  return total > 0 ? Math.round((1 - (b.idle - a.idle) / total) * 1000) / 1000 : 0
}

function machineInfo() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  }
}

function printMachine() {
  const m = machineInfo()
  console.log(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, load ${m.loadAverage.join(' ')}`,
  )
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

function parseArgs(argv) {
  const opts = {
    repeat: 15,
    rounds: 3,
    resolutions: ['320x240', '640x480', '1280x960'],
    timeoutS: 300,
    python: null,
    o3dThreads: null,
    o3dWarmup: 1,
    noOpen3d: false,
    noOurs: false,
    cli: null,
    out: join(ROOT, 'bench', 'results', 'latest.json'),
    check: false,
  }
  const positive = (name, text) => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1)
      throw usage(`${name} must be a whole number ≥ 1, got "${text}"`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw usage(`${arg} needs a value`)
      return argv[++i]
    }
    switch (arg) {
      case '--repeat':
        opts.repeat = positive(arg, value())
        break
      case '--resolutions':
        opts.resolutions = value()
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
        break
      case '--rounds':
        opts.rounds = positive(arg, value())
        break
      case '--timeout-s':
        opts.timeoutS = positive(arg, value())
        break
      case '--python':
        opts.python = value()
        break
      case '--o3d-threads':
        opts.o3dThreads = positive(arg, value())
        break
      case '--o3d-warmup': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 0) throw usage('--o3d-warmup must be a whole number ≥ 0')
        opts.o3dWarmup = n
        break
      }
      case '--no-open3d':
        opts.noOpen3d = true
        break
      case '--no-ours':
        opts.noOurs = true
        break
      case '--cli':
        opts.cli = value()
        break
      case '--out':
        opts.out = resolve(value())
        break
      case '--check':
        opts.check = true
        break
      case '-h':
      case '--help':
        console.log(
          readFileSync(fileURLToPath(import.meta.url), 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('//'))
            .map((l) => l.slice(3))
            .join('\n'),
        )
        process.exit(0)
        break
      default:
        throw usage(`unknown option ${arg}`)
    }
  }
  for (const r of opts.resolutions) parseResolution(r)
  return opts
}

function usage(message) {
  console.error(`bench: ${message} (see node bench/run.js --help)`)
  process.exit(2)
}
