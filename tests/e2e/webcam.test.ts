import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCameraArgs, launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openAppWithSample, openSource, screenshotForDocs } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import type { ServiceCallLog } from './serviceCalls'
import { writeY4mOfImage } from './y4mVideo'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// End-to-end: the live webcam as a source (serve + headless Chromium). Chromium's fake camera films
// the embedded sample frame (a Y4M made from its colour image), so the 2D detector has a real laptop
// to find. The server has no depth model (see startServeProcess): colour-only webcam frames must
// fall back to 2D with one clear note.

const sampleDirectory = join(repoRoot, 'samples', 'pcl-kinect-laptop')

describe('live webcam without a depth model: 2D detections (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let calls: ServiceCallLog
  let pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-webcam-'))

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    const video = join(scratch, 'sample.y4m')
    await writeY4mOfImage(join(sampleDirectory, 'color.png'), video)
    ;[browser, server] = await Promise.all([
      launchChromium({ extraArgs: fakeCameraArgs({ videoFile: video }) }),
      startServeProcess(repoRoot),
    ])
    ;({ page, pageErrors, calls } = await openAppWithSample(browser, server.url))
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
      /^No depth model installed: showing 2D only\. Install one with `npx spatial-lens models download depth-anything-v2-small-metric-indoor`/,
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

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})

describe('webcam devices: several cameras, refusal, none (serve + Chromium)', () => {
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

  it('lists the cameras when there are several, and switches to the one picked', async () => {
    const browser = await launchChromium({ extraArgs: fakeCameraArgs({ cameraCount: 2 }) })
    browsers.push(browser)
    const page = await browser.newPage()
    await page.goto(server!.url)
    await openSource(page, 'Live webcam')
    const bar = page.getByRole('toolbar', { name: 'Webcam' })
    const picker = bar.getByRole('combobox', { name: 'Camera' })
    await picker.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await picker.locator('option').allInnerTexts()).toEqual([
      'fake_device_0',
      'fake_device_1',
    ])
    const trackLabel = () =>
      page
        .locator('video.live-video')
        .evaluate((video: any) => video.srcObject?.getVideoTracks()[0]?.label)
    expect(await trackLabel()).toBe('fake_device_0')
    await picker.selectOption({ label: 'fake_device_1' })
    await expect.poll(trackLabel, { timeout: SCENE_TIMEOUT_MS }).toBe('fake_device_1')
    const framesAfterSwitch = Number(await bar.getAttribute('data-frames'))
    await expect
      .poll(async () => Number(await bar.getAttribute('data-frames')), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .toBeGreaterThan(framesAfterSwitch)
    // The choice is kept for the next visit.
    const stored = await page.evaluate(() =>
      JSON.parse((globalThis as any).localStorage.getItem('spatial-lens.webcam')),
    )
    expect(stored.deviceId).toBe(await picker.inputValue())
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('when the machine has no camera', async () => {
    const text = await bannerAfterStart(['--use-fake-ui-for-media-stream'])
    expect(text).toContain('No camera found')
    expect(text).toMatch(/Connect a camera, then press Start/)
  })
})
