import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCameraArgs, launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openSource } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import { recordServiceCalls, type ServiceCallLog } from './serviceCalls'
import { COLOR_640, installTinyDepthModel, syntheticDepthMetres } from '../cli/depthModelCache'
import { writeY4mOfImage } from './y4mVideo'

// End-to-end: the webcam and folder sequences as sources, and pinned questions, in the real UI
// (serve + headless Chromium). Chromium's fake camera films the embedded sample frame (a Y4M made
// from its colour image), so the 2D detector has a real laptop to find. The server has no depth
// model (see startServeProcess): colour-only webcam frames must fall back to 2D with one clear note.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** With SPATIAL_LENS_SCREENSHOTS=1, saves the page as docs/screenshots/<name>.png (README pictures). */
async function screenshotForDocs(page: Page, name: string): Promise<void> {
  if (process.env.SPATIAL_LENS_SCREENSHOTS !== '1') return
  mkdirSync(join(repoRoot, 'docs', 'screenshots'), { recursive: true })
  await page.mouse.move(1, 1)
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', `${name}.png`) })
}
const sampleDirectory = join(repoRoot, 'samples', 'pcl-kinect-laptop')
const sunFolder = join(repoRoot, 'tests', 'fixtures', 'sunrgbd-mmdet3d')
const SUN_FRAMES = ['image/000001.jpg', 'image/000002.jpg', 'image/000003.jpg', 'image/000004.jpg']
/** Playing four real frames through NanoDet and the scene pipeline on a busy 2-core machine. */
const PLAYBACK_TIMEOUT_MS = 120_000

interface Snapshot {
  counter: string
  shownIndex: string
  pinnedSource: string
  pinnedValue: string
  pinnedFresh: string
}
interface RecorderGlobal {
  __snapshots: Snapshot[]
}

/**
 * Records, in the page, every state of the frame counter and the first pinned question (a
 * MutationObserver: no change between two polls is missed).
 */
function recordSequence(page: Page): Promise<void> {
  return page.evaluate(() => {
    const global = globalThis as unknown as RecorderGlobal & {
      document: any
      MutationObserver: any
    }
    const doc = global.document
    global.__snapshots = []
    const take = () => {
      const bar = doc.querySelector('[aria-label="Sequence"]')
      const pinned = doc.querySelector('.pinned-item')
      const snapshot = {
        counter: bar?.querySelector('[aria-label="Frame counter"]')?.textContent ?? '',
        shownIndex: bar?.getAttribute('data-shown-index') ?? '',
        pinnedSource: pinned?.getAttribute('data-source') ?? '',
        pinnedValue: pinned?.querySelector('.pinned-value')?.textContent ?? '',
        pinnedFresh: pinned?.getAttribute('data-fresh') ?? '',
      }
      const last = global.__snapshots[global.__snapshots.length - 1]
      if (JSON.stringify(last) !== JSON.stringify(snapshot)) global.__snapshots.push(snapshot)
    }
    new global.MutationObserver(take).observe(doc.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
    take()
  })
}

describe('sources: live webcam and folder sequences (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let calls: ServiceCallLog
  const pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-sources-'))

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    const video = join(scratch, 'sample.y4m')
    await writeY4mOfImage(join(sampleDirectory, 'color.png'), video)
    ;[browser, server] = await Promise.all([
      launchChromium({ extraArgs: fakeCameraArgs(video) }),
      startServeProcess(repoRoot),
    ])
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    calls = recordServiceCalls(page)
    await page.goto(server.url)
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('starts the webcam; without a depth model it says once that it shows 2D only', async () => {
    const before = calls.count('scene:analyze')
    await openSource(page, 'Live webcam')
    const bar = page.getByRole('toolbar', { name: 'Webcam' })
    await expect.poll(() => bar.getAttribute('data-mode'), { timeout: SCENE_TIMEOUT_MS }).toBe('2d')
    // The first frame went to scene:analyze (colour-only) and came back with the missing-model code.
    expect(calls.count('scene:analyze')).toBe(before + 1)
    const notice = page.getByRole('status').filter({ hasText: 'No depth model installed' })
    expect(await notice.innerText()).toMatch(
      /^No depth model installed: showing 2D only\. Install one with `spatial-lens models download depth-anything-v2-small-metric-indoor`/,
    )
    expect(await bar.innerText()).toContain('2D only')
    expect(await page.getByRole('alert').count()).toBe(0) // a notice, not an error banner
  })

  it('draws 2D detections over the live video, one frame in flight at a time', async () => {
    const overlay = page.getByLabel('2D detections')
    await overlay.waitFor({ timeout: SCENE_TIMEOUT_MS })
    const firstFrame = Number(await overlay.getAttribute('data-frame'))
    await expect
      .poll(async () => Number(await overlay.getAttribute('data-frame')), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .toBeGreaterThanOrEqual(firstFrame + 3)
    // The camera films the sample: NanoDet finds its laptop, drawn inside the picture.
    const laptop = overlay.locator('[data-label="laptop"] rect')
    await expect.poll(() => laptop.count(), { timeout: SCENE_TIMEOUT_MS }).toBeGreaterThan(0)
    const box = await laptop
      .first()
      .evaluate((rect) =>
        ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name))),
      )
    expect(box[0]).toBeGreaterThanOrEqual(0)
    expect(box[0] + box[2]).toBeLessThanOrEqual(640)
    expect(box[2] * box[3]).toBeGreaterThan(100 * 100) // the laptop fills a good part of the frame
    const frames = Number(
      await page.getByRole('toolbar', { name: 'Webcam' }).getAttribute('data-frames'),
    )
    expect(frames).toBeGreaterThanOrEqual(3)
    const video = await page
      .locator('video.live-video')
      .evaluate((element: any) => [element.videoWidth, element.videoHeight, element.paused])
    expect(video).toEqual([640, 480, false])
    // Frames that arrive while one is analysed are dropped, never queued.
    expect(calls.count('perception:detect2d')).toBeGreaterThanOrEqual(3)
    expect(calls.maxInFlight(['scene:analyze', 'perception:detect2d'])).toBe(1)
    expect(await page.getByRole('status').filter({ hasText: 'No depth model' }).count()).toBe(1)
    expect(await page.getByRole('alert').count()).toBe(0)
    await screenshotForDocs(page, 'webcam-2d')
  })

  it('Space stops the webcam: the camera is released and the video goes away', async () => {
    await page.mouse.click(700, 850) // focus the page, not a button
    await page.keyboard.press('Space')
    const bar = page.getByRole('toolbar', { name: 'Webcam' })
    await expect.poll(() => bar.getAttribute('data-status')).toBe('off')
    expect(await page.locator('video.live-video').count()).toBe(0)
    const settled = calls.count('perception:detect2d')
    await page.waitForTimeout(1_000)
    expect(calls.count('perception:detect2d')).toBe(settled) // no frame after Stop
    await page.getByRole('button', { name: 'Close the webcam' }).click()
    expect(await bar.count()).toBe(0)
  })

  it('plays a folder of real RGB-D frames; a pinned question is answered again on every frame', async () => {
    // Pin a question on the scene on screen (the sample).
    const question = 'how tall is the bed'
    await page.getByRole('textbox', { name: 'Question' }).fill(question)
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    const answer = page.locator('article.answer').filter({ hasText: question })
    await answer.waitFor({ timeout: SCENE_TIMEOUT_MS })
    await answer.getByRole('button', { name: 'Pin' }).click()
    const pinned = page.locator(`.pinned-item[data-question="${question}"]`)
    await expect.poll(() => pinned.getAttribute('data-fresh')).toBe('true')
    expect(await pinned.locator('.pinned-value').innerText()).toBe(
      'I could not find "bed" in this scene.',
    )
    expect(await answer.getByRole('button', { name: 'Pinned' }).getAttribute('aria-pressed')).toBe(
      'true',
    )

    const chooser = page.waitForEvent('filechooser')
    await openSource(page, 'Folder as sequence…')
    await (await chooser).setFiles(sunFolder)
    const bar = page.getByRole('toolbar', { name: 'Sequence' })
    await expect
      .poll(() => bar.getAttribute('data-shown-index'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('0')
    expect(await bar.getByLabel('Frame counter').innerText()).toBe('Frame 1 / 4')
    await recordSequence(page)
    const analysesBefore = calls.count('scene:analyze')

    await bar.getByRole('button', { name: 'Play' }).click()
    await expect
      .poll(
        async () => [
          await bar.getAttribute('data-shown-index'),
          await bar.getAttribute('data-playing'),
        ],
        {
          timeout: PLAYBACK_TIMEOUT_MS,
        },
      )
      .toEqual(['3', 'false'])
    expect(await bar.getByLabel('Frame counter').innerText()).toBe('Frame 4 / 4')
    expect(await page.getByLabel('Scene information').innerText()).toContain(SUN_FRAMES[3])
    // Each frame was analysed once, after the previous one finished.
    expect(calls.count('scene:analyze') - analysesBefore).toBe(3)
    expect(calls.maxInFlight(['scene:analyze'])).toBe(1)

    // The pinned question was answered on each frame as it came on screen.
    const snapshots = await page.evaluate(
      () => (globalThis as unknown as RecorderGlobal).__snapshots,
    )
    SUN_FRAMES.forEach((frame, index) => {
      const onThisFrame = snapshots.filter(
        (s) =>
          s.counter === `Frame ${index + 1} / 4` &&
          s.pinnedSource === frame &&
          s.pinnedFresh === 'true',
      )
      expect(onThisFrame.length, `pinned value for ${frame}`).toBeGreaterThan(0)
    })
    // On the last frame NanoDet finds the bed: the pinned value is its height, as the panel lists it.
    const bedRow = await page.locator('[data-object-name="bed"]').innerText()
    const heightCm = Number(/× (\d+) cm/.exec(bedRow)?.[1])
    await expect.poll(() => pinned.getAttribute('data-source')).toBe(SUN_FRAMES[3])
    const value = await pinned.locator('.pinned-value').innerText()
    expect(value).toMatch(/^\d+(\.\d+)? cm$/)
    expect(Math.abs(parseFloat(value) - heightCm)).toBeLessThanOrEqual(1)
    expect(await page.getByRole('alert').count()).toBe(0)
    await screenshotForDocs(page, 'sequence')
  })

  it('steps back with ←, plays again with Space, and keeps the pin across a reload', async () => {
    const bar = page.getByRole('toolbar', { name: 'Sequence' })
    await page.mouse.click(700, 850)
    await page.keyboard.press('ArrowLeft')
    await expect
      .poll(() => bar.getAttribute('data-shown-index'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('2')
    expect(await bar.getByLabel('Frame counter').innerText()).toBe('Frame 3 / 4')
    await page.keyboard.press('Space')
    await expect
      .poll(
        async () => [
          await bar.getAttribute('data-shown-index'),
          await bar.getAttribute('data-playing'),
        ],
        {
          timeout: PLAYBACK_TIMEOUT_MS,
        },
      )
      .toEqual(['3', 'false'])

    await page.reload()
    const pinned = page.locator('.pinned-item[data-question="how tall is the bed"]')
    await expect
      .poll(() => pinned.getAttribute('data-source'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('Sample: PCL Kinect frame')
    await pinned.getByRole('button', { name: 'Unpin "how tall is the bed"' }).click()
    expect(await page.locator('.pinned-item').count()).toBe(0)
    await page.reload()
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await page.locator('.pinned-item').count()).toBe(0)
  })

  it('says what a folder lacks instead of playing it', async () => {
    const folder = join(scratch, 'no-images')
    mkdirSync(folder)
    writeFileSync(join(folder, 'intrinsics.json'), '{"width": 640}')
    writeFileSync(join(folder, 'notes.txt'), 'no frames here')
    await page.locator('input[name="folder"]').setInputFiles(folder)
    const banner = page.getByRole('alert')
    await banner.waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await banner.innerText()
    expect(text).toContain('Could not play this folder')
    expect(text).toContain('no colour images')
    expect(text).toMatch(/depth PNGs named alike/)
    expect(await page.getByRole('toolbar', { name: 'Sequence' }).count()).toBe(0)
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})

describe('webcam failures name the cause and the fix (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  const browsers: Browser[] = []

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    server = await startServeProcess(repoRoot)
  })

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()))
    await server?.stop()
  })

  async function bannerAfterStart(extraArgs: string[]): Promise<string> {
    const browser = await launchChromium({ extraArgs })
    browsers.push(browser)
    const page = await browser.newPage()
    await page.goto(server!.url)
    await openSource(page, 'Live webcam')
    const banner = page.getByRole('alert')
    await banner.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await page.getByRole('toolbar', { name: 'Webcam' }).getAttribute('data-status')).toBe(
      'off',
    )
    expect(await page.locator('video.live-video').count()).toBe(0)
    return banner.innerText()
  }

  it('when the user denies the camera', async () => {
    // A real camera device, but no auto-accepted prompt: headless Chromium denies the request.
    const text = await bannerAfterStart(['--use-fake-device-for-media-stream'])
    expect(text).toContain('Camera permission was denied')
    expect(text).toMatch(/Allow the camera for this page.*then press Start/)
  })

  it('when the machine has no camera', async () => {
    const text = await bannerAfterStart(['--use-fake-ui-for-media-stream'])
    expect(text).toContain('No camera found')
    expect(text).toMatch(/Connect a camera, then press Start/)
  })
})

describe('live webcam with a depth model installed: every frame a 3D scene (serve + Chromium)', () => {
  // A stand-in metric depth model (the manifest's exact signature) whose output is the synthetic
  // tabletop's true depth, and a fake camera filming that frame's colour image: each webcam frame
  // becomes the tabletop scene, through the same colour-only path a real depth model takes.
  const METRIC = 'depth-anything-v2-small-metric-indoor'
  /** fx = 525 px at 640 px wide, the synthetic camera's focal length. */
  const SYNTHETIC_FOV_DEG = 62.7
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let calls: ServiceCallLog
  const pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-live3d-'))
  const models = join(scratch, 'models')

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    installTinyDepthModel(models, METRIC, syntheticDepthMetres())
    const video = join(scratch, 'tabletop.y4m')
    await writeY4mOfImage(COLOR_640, video)
    ;[browser, server] = await Promise.all([
      launchChromium({ extraArgs: fakeCameraArgs(video) }),
      startServeProcess(repoRoot, { env: { SPATIAL_LENS_MODELS: models } }),
    ])
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      storageState: {
        cookies: [],
        origins: [
          {
            origin: new URL(server.url).origin,
            localStorage: [
              { name: 'spatial-lens.webcam', value: JSON.stringify({ fovDeg: SYNTHETIC_FOV_DEG }) },
              {
                name: 'spatial-lens.pinned-questions',
                value: JSON.stringify(['how tall is the laptop']),
              },
            ],
          },
        ],
      },
    })
    page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    calls = recordServiceCalls(page)
    await page.goto(server.url)
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('shows each webcam frame as a scene with model depth, the video in a corner, no 2D notice', async () => {
    await openSource(page, 'Live webcam')
    const bar = page.getByRole('toolbar', { name: 'Webcam' })
    await expect
      .poll(async () => Number(await bar.getAttribute('data-frames')), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .toBeGreaterThanOrEqual(2)
    expect(await bar.getAttribute('data-mode')).toBe('scene')
    expect(await bar.getByLabel('Horizontal field of view in degrees').inputValue()).toBe(
      String(SYNTHETIC_FOV_DEG),
    )
    const status = page.getByLabel('Scene information')
    expect(await status.locator('[data-status="depth"]').innerText()).toMatch(
      new RegExp(`^depth: monocular · ${METRIC} · cpu · \\d+ ms$`),
    )
    // The synthetic tabletop: a table plane and the objects standing on it.
    expect(await status.innerText()).toContain('gravity-aligned (support plane)')
    expect(await page.locator('[data-object-name]').count()).toBeGreaterThanOrEqual(4)
    expect(await page.getByLabel('Live camera').getAttribute('class')).toContain('live-view-corner')
    expect(await page.getByRole('status').filter({ hasText: 'No depth model' }).count()).toBe(0)
    expect(calls.count('perception:detect2d')).toBe(0)
    expect(calls.maxInFlight(['scene:analyze', 'perception:detect2d'])).toBe(1)
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('asks a pinned question again on every live frame', async () => {
    const pinned = page.locator('.pinned-item[data-question="how tall is the laptop"]')
    const sceneIds = new Set<string>()
    await expect
      .poll(
        async () => {
          if ((await pinned.getAttribute('data-fresh')) === 'true')
            sceneIds.add((await pinned.getAttribute('data-scene-id')) ?? '')
          return sceneIds.size
        },
        { timeout: SCENE_TIMEOUT_MS, interval: 100 },
      )
      .toBeGreaterThanOrEqual(3)
    expect(await pinned.getAttribute('data-source')).toBe(
      await page.getByLabel('Scene information').locator('.status-source').innerText(),
    )
    await page.getByRole('button', { name: 'Stop' }).click()
    expect(pageErrors).toEqual([])
  })
})
