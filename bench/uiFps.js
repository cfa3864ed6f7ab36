// `npm run bench:ui` (also the last part of `npm run bench`): the 3D viewer's frame rate with a
// ≈300k-point cloud, in headless Debian Chromium. The app (served by `spatial-lens serve`) opens a
// 550×550 crop of the synthetic tabletop RGB-D frame through its own Open frame form, then renders continuously while
// orbiting (the debug hook's bench switch); the reference is bare three.js drawing the same number of
// points (bench/ui/reference.html) in the same browser, in the same run. Printed: fps of each and
// the ratio app / reference. Headless Chromium here has no GPU: WebGL runs on SwiftShader (software
// GL), and the numbers say so — they measure our overhead, not what a GPU would reach.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decode, encode } from 'fast-png'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const MEASURE_MS = Number(process.env.BENCH_UI_MS ?? 6000)
const WARMUP_MS = 1500
const VIEWPORT = { width: 1280, height: 800 }

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function startServe(home) {
  const port = await freePort()
  const child = spawn(process.execPath, ['bin/spatial-lens.js', 'serve', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SPATIAL_LENS_HOME: join(home, 'home'),
      SPATIAL_LENS_MODELS: join(home, 'models'),
    },
  })
  await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      if (/serving on/i.test(out)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') }
}

/** Serves the reference page and three.js's module build. */
async function startReferenceServer() {
  const files = {
    '/': ['text/html', readFileSync(join(root, 'bench', 'ui', 'reference.html'))],
    '/three.module.js': [
      'text/javascript',
      readFileSync(join(root, 'node_modules', 'three', 'build', 'three.module.js')),
    ],
    '/three.core.js': [
      'text/javascript',
      readFileSync(join(root, 'node_modules', 'three', 'build', 'three.core.js')),
    ],
  }
  const server = createServer((request, response) => {
    const file = files[new URL(request.url, 'http://x').pathname]
    if (!file) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': file[0] }).end(file[1])
  })
  const port = await freePort()
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() }
}

/** Frames per second of a counter read in the page, after a warm-up. */
async function measureFps(page, readFrames) {
  await page.waitForTimeout(WARMUP_MS)
  const start = await page.evaluate(readFrames)
  const t0 = Date.now()
  await page.waitForTimeout(MEASURE_MS)
  const end = await page.evaluate(readFrames)
  return ((end - start) * 1000) / (Date.now() - t0)
}

/**
 * A ≈300k-point frame: the centre 550×550 of the synthetic 1280×960 tabletop (colour, 16-bit depth
 * and the shifted principal point), written to `scratch`.
 */
function writeBenchFrame(scratch) {
  const synthetic = join(root, 'tests', 'fixtures', 'synthetic-tabletop')
  const [x0, y0, size] = [365, 205, 550]
  const crop = (file, channels) => {
    const image = decode(readFileSync(join(synthetic, file)))
    const data = new image.data.constructor(size * size * channels)
    for (let y = 0; y < size; y++) {
      const from = ((y0 + y) * image.width + x0) * channels
      data.set(image.data.subarray(from, from + size * channels), y * size * channels)
    }
    return encode({ width: size, height: size, data, depth: image.depth, channels })
  }
  const paths = {
    color: join(scratch, 'color.png'),
    depth: join(scratch, 'depth.png'),
    intrinsics: join(scratch, 'intrinsics.json'),
  }
  const color = decode(readFileSync(join(synthetic, 'scene_1280x960_color.png')))
  writeFileSync(paths.color, crop('scene_1280x960_color.png', color.channels))
  writeFileSync(paths.depth, crop('scene_1280x960_depth.png', 1))
  // fx = fy = 525 · 1280/640; the principal point (639.5, 479.5) moves by the crop's corner.
  writeFileSync(
    paths.intrinsics,
    JSON.stringify({
      width: size,
      height: size,
      fx: 1050,
      fy: 1050,
      cx: 639.5 - x0,
      cy: 479.5 - y0,
    }),
  )
  return paths
}

async function openSyntheticFrame(page, scratch) {
  const paths = writeBenchFrame(scratch)
  await page.getByRole('button', { name: 'Sources' }).click()
  await page
    .getByRole('group', { name: 'Sources' })
    .getByRole('button', { name: 'RGB-D frame…', exact: true })
    .click()
  const form = page.getByRole('form', { name: 'Open frame' })
  await form.locator('input[name="color"]').setInputFiles(paths.color)
  await form.locator('input[name="depth"]').setInputFiles(paths.depth)
  await form.locator('input[name="intrinsics"]').setInputFiles(paths.intrinsics)
  await form.getByRole('button', { name: 'Analyze' }).click()
  await page.waitForFunction(
    () => (window.__spatialLensDebug?.pointCount() ?? 0) > 290_000,
    undefined,
    { timeout: 120_000 },
  )
  return page.evaluate(() => window.__spatialLensDebug.pointCount())
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`)
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
    throw new Error('build first: npm run build')
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-bench-ui-'))
  const serve = await startServe(scratch)
  const reference = await startReferenceServer()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  try {
    const appPage = await browser.newPage({ viewport: VIEWPORT })
    await appPage.goto(serve.url)
    await appPage.waitForFunction(
      () => (window.__spatialLensDebug?.pointCount() ?? 0) > 0,
      undefined,
      { timeout: 120_000 },
    )
    const points = await openSyntheticFrame(appPage, scratch)
    const renderer = await appPage.evaluate(() => {
      const gl = document.querySelector('canvas')?.getContext('webgl2')
      const info = gl?.getExtension('WEBGL_debug_renderer_info')
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'unknown'
    })
    await appPage.evaluate(() => window.__spatialLensDebug.setOrbiting(true))
    const appFps = await measureFps(appPage, () => window.__spatialLensDebug.renderedFrames())
    await appPage.close()

    const referencePage = await browser.newPage({ viewport: VIEWPORT })
    await referencePage.goto(`${reference.url}?points=${points}`)
    await referencePage.waitForFunction(() => typeof window.__referenceFrames === 'function')
    const referenceFps = await measureFps(referencePage, () => window.__referenceFrames())
    await referencePage.close()

    console.log(
      `UI frame rate, ${points.toLocaleString('en')} points, ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium`,
    )
    console.log(
      `  WebGL renderer: ${renderer}${/swiftshader|llvmpipe|software/i.test(renderer) ? ' (software GL: no GPU)' : ''}`,
    )
    console.log(`  reference (bare three.js, same points): ${referenceFps.toFixed(1)} fps`)
    console.log(`  Spatial Lens viewer (orbiting):         ${appFps.toFixed(1)} fps`)
    console.log(
      `  ratio app / reference: ${(appFps / referenceFps).toFixed(2)}  (1.00 = no overhead over bare three.js)`,
    )
    console.log(`  target ≥ 30 fps: ${appFps >= 30 ? 'met' : 'not met on this machine'}`)
  } finally {
    await browser.close()
    serve.stop()
    reference.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`bench:ui failed: ${error.message}`)
  process.exit(1)
})
