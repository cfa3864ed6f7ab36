#!/usr/bin/env node
// `node bench/sceneCpu.js [--rounds 30] [--reference REV]`: CPU time per frame of the scene engine (buildScene)
// on the three real 640×480 Kinect frames (tests/fixtures/pcl-kinect), the live bench's frames, in two modes:
// geometry clusters only, and NanoDet-m's detections as regions plus the unmatched clusters (what `watch
// --detector nanodet` builds). Per-call CPU time (process.cpuUsage), not wall time, so it stays usable on a machine
// shared with other work; the per-stage split is each stage's share of the call's wall time × its CPU time.
// --reference REV bundles the engine of that git revision too and runs both alternately in this process, printing
// the ratio and whether the scenes are identical (every field but the timings): speed-ups must not change results.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const arg = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback
}
const rounds = Number(arg('--rounds', 30))
const reference = arg('--reference')
if (!Number.isInteger(rounds) || rounds < 3) {
  console.error('bench/sceneCpu: --rounds must be a whole number ≥ 3')
  process.exit(2)
}
const { build } = await import('esbuild').catch(() => {
  console.error('bench/sceneCpu: esbuild (installed with vite) is missing; run npm install')
  process.exit(2)
})
mkdirSync(join(ROOT, '.tmp'), { recursive: true })
const tmp = mkdtempSync(join(ROOT, '.tmp', 'bench-scene-cpu-'))

/** Bundles `contents` (TypeScript, imports relative to `dir`) and imports it. */
async function load(contents, dir, name) {
  const outfile = join(tmp, `${name}.mjs`)
  await build({
    stdin: { contents, resolveDir: dir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'warning',
  })
  return import(pathToFileURL(outfile).href)
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
/** A scene as text without its timings, typed arrays as lists: equal text = equal results. */
const resultText = (scene) =>
  JSON.stringify({ ...scene, timingsMs: undefined, totalMs: undefined }, (_, v) =>
    typeof v === 'bigint' ? String(v) : ArrayBuffer.isView(v) ? Array.from(v) : v,
  )

try {
  const engines = [['current', await load(ENGINE('./main'), ROOT, 'current')]]
  if (reference) {
    const dir = join(tmp, 'reference')
    mkdirSync(dir)
    execFileSync(
      'sh',
      ['-c', `git archive ${JSON.stringify(reference)} main | tar -x -C ${JSON.stringify(dir)}`],
      {
        cwd: ROOT,
      },
    )
    engines.push([reference, await load(ENGINE('./main'), dir, 'reference')])
  }
  const tools = await load(
    `export { loadRgbdFrame } from './main/sources/rgbdFrame'
     export { nanodetRegions } from './bench/prompts/detect'`,
    ROOT,
    'tools',
  )
  const kinect = join(ROOT, 'tests', 'fixtures', 'pcl-kinect')
  const stems = readdirSync(join(kinect, 'rgbd'))
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .map((n) => n.slice(0, -'_rgb.png'.length))
  const frames = []
  const regions = []
  for (const stem of stems) {
    const frame = await tools.loadRgbdFrame({
      rgbPath: join(kinect, 'rgbd', `${stem}_rgb.png`),
      depthPath: join(kinect, 'rgbd', `${stem}_depth.png`),
      intrinsicsPath: join(kinect, 'intrinsics.json'),
    })
    frames.push(frame)
    regions.push((await tools.nanodetRegions(ROOT, frame)).regions)
  }
  console.log(
    `== scene engine CPU per 640×480 Kinect frame (median of ${rounds - 2} calls after 2 warm-up, one thread) ==`,
  )
  for (const mode of ['geometry clusters', 'NanoDet regions + unmatched clusters']) {
    const times = new Map(engines.map(([name]) => [name, []]))
    const stages = new Map(engines.map(([name]) => [name, {}]))
    let isSame = true
    for (let i = 0; i < rounds; i++) {
      const f = i % frames.length
      const options =
        mode === 'geometry clusters' ? {} : { regions: regions[f], includeUnmatchedClusters: true }
      const order = i % 2 === 0 ? engines : [...engines].reverse()
      const texts = []
      for (const [name, engine] of order) {
        const start = cpuMs()
        const scene = engine.buildScene(frames[f], options)
        const spent = cpuMs() - start
        if (i < frames.length) texts.push(resultText(scene))
        if (i < 2) continue
        times.get(name).push(spent)
        const split = stages.get(name)
        for (const [stage, ms] of Object.entries(scene.timingsMs))
          split[stage] = (split[stage] ?? 0) + (ms / scene.totalMs) * spent
      }
      if (texts.length === 2 && texts[0] !== texts[1]) isSame = false
    }
    console.log(`  ${mode}:`)
    for (const [name] of engines) {
      const split = Object.entries(stages.get(name))
        .map(([stage, ms]) => `${stage} ${(ms / (rounds - 2)).toFixed(1)}`)
        .join(', ')
      console.log(`    ${name.padEnd(10)} ${median(times.get(name)).toFixed(1)} ms  (${split})`)
    }
    if (reference) {
      const ratio = median(times.get('current')) / median(times.get(reference))
      console.log(
        `    current / ${reference}: ${ratio.toFixed(2)}×; scenes ${isSame ? 'identical' : 'DIFFERENT'}`,
      )
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

/** The entry that exposes an engine's buildScene, relative to a tree root. */
function ENGINE(main) {
  return `export { buildScene } from '${main}/engine/scene/buildScene'`
}
