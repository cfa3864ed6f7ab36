#!/usr/bin/env node
// `node bench/live.js` (also part of `npm run bench`): sustained frames per second and latency (p50/p95 from a
// frame's arrival to the updated watch answer) for 640×480 RGB-D through detection + scene + tracking + one watch
// query, CPU only, through the real CLI (`spatial-lens watch --rgb-dir … --fps 30 --json`). The frames are the three
// consecutive real Kinect frames of tests/fixtures/pcl-kinect/rgbd, cycled. The source publishes at 30 fps with
// latest-frame-wins, so frames the pipeline cannot take are dropped and counted, never queued. Also runs without
// a detector (geometry clusters only), with the detector at its own rate (`--detect latest`: each frame lifted with
// the newest finished detections), and unpaced (as fast as it goes). Per frame it prints the time split: decode,
// detection (waiting for and running it), lifting (noise model → plane segmentation), objects (regions/clusters →
// boxes → names), tracking, watch. Latency runs from when the paced frame was due (as a camera would deliver it),
// so it includes decoding. Two kinds of source: "camera-like" (`--preload`: the folder decoded once, then replayed
// from memory at 30 fps with latest-frame-wins, as a robot camera's raw frames arrive: no decoding per frame) and
// "PNG folder" (each taken frame read and decoded from its PNG files, ~0.15 s of it on this machine).
// --reference-cli runs the same configurations through another build (e.g. the previous commit's) in the same
// run, for a before/after ratio on the same machine load; only the PNG-folder ones unless --reference-preloads
// says the other build knows --preload. --only TEXT keeps the configurations whose name contains TEXT.
// Writes bench/results/live.json.
//
//   node bench/live.js [--frames 300] [--timeout-s 300] [--cli bin/spatial-lens.js] [--out FILE]
//                      [--reference-cli OTHER/bin/spatial-lens.js [--reference-preloads]] [--only TEXT]

import { runChild } from './childProcess.js'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseJsonOutput } from './lib.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const KINECT = join(ROOT, 'tests', 'fixtures', 'pcl-kinect')
// NanoDet names the two nearest objects "laptop" and "book"; without a detector they are geometry clusters.
const WATCH_DETECTOR = 'distance between the laptop and the book'
const WATCH_CLUSTERS = 'distance between the left grey object and the right grey object'
const TARGET = { fps: 30, p95Ms: 50 }

function argValue(args, name, fallback) {
  const i = args.indexOf(name)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback
}

/** A folder of `frames` RGB-D pairs cycling the three Kinect frames (f0000_rgb.png, f0000_depth.png, …). */
function prepareFrames(dir, frames) {
  const stems = readdirSync(join(KINECT, 'rgbd'))
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .map((n) => n.slice(0, -'_rgb.png'.length))
  for (let i = 0; i < frames; i++) {
    const stem = stems[i % stems.length]
    const name = `f${String(i).padStart(4, '0')}`
    symlinkSync(join(KINECT, 'rgbd', `${stem}_rgb.png`), join(dir, `${name}_rgb.png`))
    symlinkSync(join(KINECT, 'rgbd', `${stem}_depth.png`), join(dir, `${name}_depth.png`))
  }
}

/** One run's lines: rate and latency, then where a frame's time went. */
function formatRun(name, r) {
  const s = r.steady ?? { fps: NaN, latencyMs: { p50: NaN, p95: NaN } }
  const pad = ''.padEnd(30)
  const lines = [
    `  ${name.padEnd(30)} steady ${s.fps.toFixed(1).padStart(5)} fps  latency p50 ${s.latencyMs.p50.toFixed(0)} ms p95 ${s.latencyMs.p95.toFixed(0)} ms  ` +
      `(processed ${r.processed}, dropped ${r.dropped}; whole run incl. warm-up ${r.fps.toFixed(1)} fps)`,
  ]
  const t = r.timeSplitMeanMs
  if (t) {
    lines.push(
      `  ${pad} mean ms per frame: decode ${t.decode.toFixed(1)}, detection ${t.detection.toFixed(1)}, lifting ${t.lifting.toFixed(1)}, objects ${t.objects.toFixed(1)}, ` +
        `other geometry ${t.otherGeometry.toFixed(1)}, tracking ${t.tracking.toFixed(2)}, watch ${t.watch.toFixed(2)}` +
        (t.detectionAgeFrames > 0
          ? `; detections ${t.detectionAgeFrames.toFixed(1)} frames old on average`
          : ''),
    )
  } else {
    const m = r.meanMs
    lines.push(
      `  ${pad} mean per frame: analyse ${m.analyze.toFixed(1)} ms (scene ${m.scene.toFixed(1)}, perception + waiting ${m.perception.toFixed(1)}), track + watch ${m.trackAndWatch.toFixed(2)} ms`,
    )
  }
  lines.push(
    `  ${pad} scene stages: ${Object.entries(r.sceneStagesMeanMs ?? {})
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  )
  return lines.join('\n')
}

/** Runs the live bench; resolves to its exit code (0, or 1 when a run failed). */
export async function runLiveBench(options = {}) {
  const opts = {
    frames: 300,
    timeoutS: 300,
    cli: join(ROOT, 'bin', 'spatial-lens.js'),
    out: join(ROOT, 'bench', 'results', 'live.json'),
    ...options,
  }
  console.log(
    `\n== live: 640×480 RGB-D → detection + scene + tracking + 1 watch query (CPU, ${os.cpus().length} cores), ${opts.frames} frames ==`,
  )
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    console.log('  skipped: out/main/cli.js is missing (run `npm run build` first)')
    return 1
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'spatial-lens-live-bench-'))
  const runs = []
  let exitCode = 0
  try {
    prepareFrames(dir, opts.frames)
    const camera = ['--preload']
    const configs = [
      {
        name: 'camera-like: nanodet, paced 30 fps',
        args: [...camera, '--detector', 'nanodet', '--fps', '30'],
        watch: WATCH_DETECTOR,
      },
      {
        name: 'camera-like: nanodet latest, paced 30 fps',
        args: [...camera, '--detector', 'nanodet', '--detect', 'latest', '--fps', '30'],
        watch: WATCH_DETECTOR,
      },
      {
        name: 'camera-like: no detector, paced 30 fps',
        args: [...camera, '--detector', 'none', '--fps', '30'],
        watch: WATCH_CLUSTERS,
      },
      {
        name: 'camera-like: nanodet, unpaced',
        args: [...camera, '--detector', 'nanodet', '--max-frames', '40'],
        watch: WATCH_DETECTOR,
      },
      {
        name: 'PNG folder: nanodet, paced 30 fps',
        args: ['--detector', 'nanodet', '--fps', '30'],
        watch: WATCH_DETECTOR,
      },
      {
        name: 'PNG folder: no detector, paced 30 fps',
        args: ['--detector', 'none', '--fps', '30'],
        watch: WATCH_CLUSTERS,
      },
    ].filter((c) => !opts.only || c.name.includes(opts.only))
    const reference = opts.referenceCli
      ? configs
          .filter((c) => opts.referencePreloads || !c.args.includes('--preload'))
          .map((c) => ({ ...c, name: `reference: ${c.name}`, cli: opts.referenceCli }))
      : []
    for (const config of [...configs, ...reference]) {
      const args = [
        config.cli ?? opts.cli,
        'watch',
        '--rgb-dir',
        dir,
        '--intrinsics',
        join(KINECT, 'intrinsics.json'),
        ...config.args,
        '--json',
        config.watch,
      ]
      try {
        const { stdout } = await runChild(process.execPath, args, {
          timeoutS: opts.timeoutS,
          label: `watch (${config.name})`,
        })
        const r = parseJsonOutput(stdout, 'spatial-lens watch')
        runs.push({ config: config.name, watch: config.watch, ...r })
        console.log(formatRun(config.name, r))
      } catch (error) {
        exitCode = 1
        console.log(`  ${config.name}: ${error.message}`)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  for (const run of runs.filter((r) => r.config.startsWith('reference: '))) {
    const ours = runs.find((r) => r.config === run.config.slice('reference: '.length))
    if (ours?.steady && run.steady)
      console.log(
        `  ${ours.config}: ${(ours.steady.fps / run.steady.fps).toFixed(2)}× the reference build's steady fps (${ours.steady.fps.toFixed(1)} vs ${run.steady.fps.toFixed(1)})`,
      )
  }
  const paced = runs.find((r) => r.config === 'camera-like: nanodet, paced 30 fps')
  if (paced) {
    const s = paced.steady ?? { fps: 0, latencyMs: { p95: Infinity } }
    const met = s.fps >= TARGET.fps * 0.95 && s.latencyMs.p95 <= TARGET.p95Ms
    const [load] = os.loadavg()
    console.log(
      `  target ≥ ${TARGET.fps} fps with p95 ≤ ${TARGET.p95Ms} ms: ${met ? 'MET' : 'NOT MET'} (${s.fps.toFixed(1)} fps, p95 ${s.latencyMs.p95.toFixed(0)} ms; load average ${load.toFixed(1)} on ${os.cpus().length} cores)`,
    )
  }
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(
    opts.out,
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        cpus: os.cpus().length,
        target: TARGET,
        frames: opts.frames,
        referenceCli: opts.referenceCli ?? null,
        runs,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`  results: ${relative(process.cwd(), opts.out) || opts.out}`)
  return exitCode
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  process.exitCode = await runLiveBench({
    frames: Number(argValue(args, '--frames', 300)),
    timeoutS: Number(argValue(args, '--timeout-s', 300)),
    ...(argValue(args, '--cli') ? { cli: resolve(argValue(args, '--cli')) } : {}),
    ...(argValue(args, '--out') ? { out: resolve(argValue(args, '--out')) } : {}),
    ...(argValue(args, '--only') ? { only: argValue(args, '--only') } : {}),
    referencePreloads: args.includes('--reference-preloads'),
    ...(argValue(args, '--reference-cli')
      ? { referenceCli: resolve(argValue(args, '--reference-cli')) }
      : {}),
  })
}
