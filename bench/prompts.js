#!/usr/bin/env node
// `node bench/prompts.js [--repeat 5]`: time of point prompts and of box prompts → objects (the detector's path,
// beyond the detector itself) on a cluttered real desk: TUM office (tests/fixtures/tum-open3d, 640×480) upsampled
// 2× (nearest) to 1280×960, since the repo has no real 1280×720 tabletop. Prints single-thread CPU times, and the
// region growth of 9 prompts by the previous algorithm (bench/reference/surfaceGrowV1.ts) next to the current one,
// measured in the same run. Box prompts: NanoDet-m's detections on the frame (models/builtin, CPU), and the image
// bounds of the 32 largest geometry objects (a cluttered worst case). Also the box prompts' 3D components (median
// depth, clustering in the prompts' area) by the previous code (bench/reference/clusterPointsV1.ts) and the current.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const repeatAt = process.argv.indexOf('--repeat')
const repeat = repeatAt > 0 ? Number(process.argv[repeatAt + 1]) : 5
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error('bench/prompts: --repeat must be a whole number ≥ 1')
  process.exit(2)
}

// Bundled inside the repo (.tmp/ is git-ignored) so the external packages resolve from node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true })
// esbuild comes with vite (a dev dependency); the engine is TypeScript, so the bench bundles it first.
const { build } = await import('esbuild').catch(() => {
  console.error('bench/prompts: esbuild (installed with vite) is missing; run npm install')
  process.exit(2)
})
const tmp = mkdtempSync(join(ROOT, '.tmp', 'bench-prompts-'))
try {
  const entries = [
    'bench/prompts/entry.ts',
    'bench/prompts/detect.ts',
    'main/sources/rgbdFrame.ts',
  ].map((path) => join(ROOT, path))
  await build({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir: tmp,
    outbase: ROOT,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    logLevel: 'warning',
  })
  const { benchPrompts } = await import(
    pathToFileURL(join(tmp, 'bench', 'prompts', 'entry.mjs')).href
  )
  const { loadRgbdFrame } = await import(
    pathToFileURL(join(tmp, 'main', 'sources', 'rgbdFrame.mjs')).href
  )
  const tum = join(ROOT, 'tests', 'fixtures', 'tum-open3d')
  const frame = upsample2x(
    await loadRgbdFrame({
      rgbPath: join(tum, 'TUM_color.png'),
      depthPath: join(tum, 'TUM_depth.png'),
      intrinsicsPath: join(tum, 'intrinsics.json'),
    }),
  )
  const { nanodetRegions } = await import(
    pathToFileURL(join(tmp, 'bench', 'prompts', 'detect.mjs')).href
  )
  const detected = await nanodetRegions(ROOT, frame)
  const r = benchPrompts(frame, repeat, detected.regions)
  const ms = (x) => `${x.toFixed(1)} ms`
  const size = `${frame.intrinsics.width}×${frame.intrinsics.height}`
  console.log(
    `== prompts on TUM office upsampled to ${size} (median CPU time of ${repeat} runs, single thread) ==`,
  )
  console.log(
    `scene without prompts: ${ms(r.noPrompts.cpuMs)} (its geometry clusters → objects: ${ms(r.noPrompts.objectsCpuMs)})`,
  )
  for (const [name, s] of [
    [`${r.points} point prompts`, r.pointPrompts],
    [`${r.boxes} box prompts`, r.boxPrompts],
  ]) {
    console.log(
      `scene with ${name}: ${ms(s.cpuMs)}; regions → objects ${ms(s.objectsCpuMs)} (${s.objects} objects)`,
    )
  }
  console.log(
    `scene with NanoDet-m's ${r.detectorRegions} detections (detector ${ms(detected.detectMs)} wall, not counted): ${ms(r.detectorPrompts.cpuMs)}; regions → objects ${ms(r.detectorPrompts.objectsCpuMs)} (${r.detectorPrompts.objects} objects)`,
  )
  console.log(
    `box baseline (lift each box, median depth band, fit; no background rejection): ${ms(r.boxBaseline)} for ${r.boxes} boxes`,
  )
  const ratio = (r.growShared / r.growPrevious).toFixed(2)
  console.log(
    `region growth alone, ${r.points} prompts: previous ${ms(r.growPrevious)}, now ${ms(r.growShared)} (${ratio}×)`,
  )
  console.log(
    `  IoU of the previous and current growth per click: ${r.agreement.map((x) => x.toFixed(2)).join(' ')}`,
  )
  const c = r.components
  console.log(
    `box prompts' 3D components (${c.points} points in the detections' area): previous ${ms(c.previousMs)}, now ${ms(c.currentMs)} (${(c.currentMs / c.previousMs).toFixed(2)}×), ${c.isSamePartition ? 'same components' : 'DIFFERENT components'}`,
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

/** Nearest-neighbour 2× upsampling of colour and depth, intrinsics scaled (pixel centres: c' = 2c + 0.5). */
function upsample2x(frame) {
  const { width, height } = frame.intrinsics
  const W = width * 2
  const H = height * 2
  const depth = new Float32Array(W * H)
  const rgb = new Uint8Array(W * H * 3)
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      const source = (v >> 1) * width + (u >> 1)
      depth[v * W + u] = frame.depth.data[source]
      for (let c = 0; c < 3; c++) rgb[(v * W + u) * 3 + c] = frame.rgb.data[source * 3 + c]
    }
  }
  const K = frame.intrinsics
  return {
    ...frame,
    rgb: { width: W, height: H, data: rgb },
    depth: { width: W, height: H, data: depth },
    intrinsics: {
      ...K,
      width: W,
      height: H,
      fx: 2 * K.fx,
      fy: 2 * K.fy,
      cx: 2 * K.cx + 0.5,
      cy: 2 * K.cy + 0.5,
    },
  }
}
