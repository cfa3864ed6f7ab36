#!/usr/bin/env node
// `node bench/ensemble.js` (also part of `npm run bench`): statements verified per second on this CPU by each
// SpatialEnsemble voter (geometry on a 3D scene lifted from the boxes, geometry on 2D boxes, language prior) and by
// the whole ensemble (parse + voters + weighted vote), over the VSR test captions of both splits (tests/fixtures/vsr)
// against their images' ground-truth COCO boxes (tests/fixtures/vsr-images/coco_boxes.json) where the fixture has
// them, else constructed boxes (see bench/ensembleBench.ts). Reference in the same run: parsing the caption alone. Single thread, median of --rounds passes after a warm-up. Writes
// bench/results/ensemble.json.
//
//   node bench/ensemble.js [--rounds 7] [--out FILE]

import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatTable } from './lib.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Runs the ensemble bench; resolves to its exit code. */
export async function runEnsembleBench(options = {}) {
  const opts = { rounds: 7, out: join(ROOT, 'bench', 'results', 'ensemble.json'), ...options }
  console.log(
    `\n== SpatialEnsemble: statements verified per second (VSR test captions on ground-truth or constructed boxes; median of ${opts.rounds}) ==`,
  )
  const tmp = mkdtempSync(join(os.tmpdir(), 'spatial-lens-ensemble-bench-'))
  try {
    const bundle = join(tmp, 'ensembleBench.mjs')
    await build({
      entryPoints: [join(ROOT, 'bench', 'ensembleBench.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      logLevel: 'error',
    })
    const { runEnsembleBench: run } = await import(pathToFileURL(bundle).href)
    const result = run(ROOT, opts.rounds)
    const voters = result.rows.filter(
      (r) => !r.name.startsWith('parse') && !r.name.startsWith('ensemble'),
    )
    const cheapest = voters.reduce((a, b) => (a.usPerStatement <= b.usPerStatement ? a : b))
    const parse = result.rows.find((r) => r.name.startsWith('parse'))
    console.log(
      `${result.statements} statements (${result.withGroundTruthBoxes} on ground-truth boxes, the rest on constructed ones); ${os.cpus()[0]?.model ?? 'cpu'}; Node ${process.version}, one thread`,
    )
    console.log(
      formatTable(
        ['voter', 'statements/s', 'µs/statement', 'time ÷ parse only'],
        result.rows.map((r) => [
          r.name,
          Math.round(r.statementsPerS).toLocaleString('en-US'),
          r.usPerStatement.toFixed(2),
          `${(r.usPerStatement / parse.usPerStatement).toFixed(2)}×`,
        ]),
        [false, true, true, true],
      ),
    )
    const ensembleRow = result.rows.find((r) => r.name.startsWith('ensemble'))
    console.log(
      `ensemble vs the cheapest voter alone (${cheapest.name}): ${(ensembleRow.usPerStatement / cheapest.usPerStatement).toFixed(1)}× the time per statement`,
    )
    mkdirSync(dirname(opts.out), { recursive: true })
    writeFileSync(
      opts.out,
      JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          node: process.version,
          cpu: os.cpus()[0]?.model,
          ...result,
        },
        null,
        2,
      ) + '\n',
    )
    console.log(`results: ${relative(process.cwd(), opts.out) || opts.out}`)
    return 0
  } catch (error) {
    console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
  const rounds = Number(value('--rounds') ?? 7)
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error('--rounds must be a whole number ≥ 1')
    process.exit(2)
  }
  const out = value('--out')
  process.exitCode = await runEnsembleBench({ rounds, ...(out ? { out: resolve(out) } : {}) })
}
