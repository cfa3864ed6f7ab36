import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import {
  SCENE_TIMEOUT_MS,
  clientOf,
  debugValue,
  imageCanvas,
  metresIn,
  openRgbdFrame,
  openSource,
  screenshotForDocs,
  openAppWithSample,
  waitUntilSteady,
} from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import {
  COLOR_640,
  DEPTH_640,
  installTinyDepthModel,
  syntheticDepthMetres,
  writeIntrinsics,
} from '../cli/depthModelCache'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// End-to-end: Settings → Depth calibrates the installed depth model for the open frame's camera
// from its sensor depth, lists it and removes it (serve + headless Chromium). The stand-in model
// predicts twice the synthetic tabletop's true depth, so the fit must find a scale of 0.5; the
// model runs in serve's scene worker.

describe('depth calibration in Settings (serve + Chromium)', () => {
  const METRIC = 'depth-anything-v2-small-metric-indoor'
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-calibration-'))
  const models = join(scratch, 'models')

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    installTinyDepthModel(
      models,
      METRIC,
      syntheticDepthMetres().map((z) => 2 * z),
    )
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServeProcess(repoRoot, { env: { SPATIAL_LENS_MODELS: models } }),
    ])
    ;({ page, pageErrors } = await openAppWithSample(browser, server.url))
    const form = await openRgbdFrame(page, {
      color: COLOR_640,
      depth: DEPTH_640,
      intrinsics: writeIntrinsics(scratch),
    })
    // The camera's name: calibrations belong to it (and the form remembers it for the next frame).
    await form.getByRole('textbox', { name: /Camera/ }).fill('arm-cam')
    await form.getByRole('button', { name: 'Analyze' }).click()
    await page
      .getByLabel('Scene information')
      .filter({ hasText: 'scene_640x480_color.png' })
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it("fits the model to the frame's sensor depth, shows the fit and lists it", async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('tab', { name: 'Depth' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Depth' })
    await panel.getByText('No calibrations saved.').waitFor()
    const form = panel.getByRole('group', { name: /Calibrate camera arm-cam/ })
    expect(await form.innerText()).toContain('scene_640x480_color.png')
    expect(await form.getByRole('combobox').inputValue()).toBe(METRIC)
    expect(await form.getByRole('radio', { name: /This frame's sensor depth/ }).isChecked()).toBe(
      true,
    )
    await form.getByRole('button', { name: 'Calibrate' }).click()
    const status = form.getByRole('status')
    await status.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await status.innerText()).toMatch(
      new RegExp(`Saved for camera arm-cam and ${METRIC}: z = 0\\.5000 · model`),
    )
    const table = panel.getByRole('table', { name: 'Saved calibrations' })
    await table.waitFor()
    const row = table.getByRole('row').nth(1)
    expect(await row.innerText()).toMatch(
      /arm-cam[\s\S]*depth-anything-v2-small-metric-indoor[\s\S]*z = 0\.5000 · model[\s\S]*RGB-D frame[\s\S]*0\.0 %/,
    )
    await screenshotForDocs(page, 'settings-depth')
  })

  it('the known-distance method waits for a measurement of two points, then fits to its true length', async () => {
    const panel = page.getByRole('tabpanel', { name: 'Depth' })
    const form = panel.getByRole('group', { name: /Calibrate camera/ })
    await form.getByRole('radio', { name: /A known distance/ }).check()
    expect(await form.innerText()).toContain(
      'measure two points of this frame in Measure mode first',
    )
    expect(await form.getByRole('button', { name: 'Calibrate' }).isDisabled()).toBe(true)
    // Measure two table points in the image view (the synthetic depth is exact: the measured length is the true one).
    await page.keyboard.press('Escape')
    await page.getByRole('tab', { name: 'Image' }).click()
    await page.getByRole('button', { name: 'Measure' }).click()
    await page.getByRole('radio', { name: 'Points' }).click()
    // The image is laid out (fitted to the view) once its place on screen stops changing.
    await waitUntilSteady(page, async () => (await imageCanvas(page)).rect)
    const pixels: [number, number][] = [
      [200.5, 300.5],
      [450.5, 320.5],
    ]
    for (const [index, pixel] of pixels.entries()) {
      const client = await clientOf(page, pixel)
      await page.mouse.click(client.x, client.y)
      await expect.poll(() => debugValue<number>(page, 'measurePoints')).toBe(index + 1)
    }
    const measured = metresIn(
      await page
        .locator('output.measure-result .measure-value')
        .innerText({ timeout: SCENE_TIMEOUT_MS }),
    )
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Settings' }).click()
    await form.getByRole('radio', { name: /A known distance/ }).check()
    await expect.poll(() => form.innerText()).toContain('the last measurement')
    await form.getByRole('spinbutton', { name: 'True length (metres)' }).fill(measured.toFixed(4))
    await form.getByRole('button', { name: 'Calibrate' }).click()
    const status = form.getByRole('status')
    await expect
      .poll(() => status.innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toMatch(/z = 0\.(49|50)\d\d · model \+ 0\.000 m/)
    expect(await status.innerText()).toContain('one measurement fixes the scale exactly')
    const row = panel.getByRole('table', { name: 'Saved calibrations' }).getByRole('row').nth(1)
    expect(await row.innerText()).toContain('known distance')
  })

  it('a removal empties the list', async () => {
    const panel = page.getByRole('tabpanel', { name: 'Depth' })
    await panel
      .getByRole('button', {
        name: `Remove the calibration of ${METRIC} for arm-cam`,
      })
      .click()
    await panel.getByText('No calibrations saved.').waitFor()
    expect(pageErrors).toEqual([])
  })

  it('the Open frame form remembers the camera for the next frame', async () => {
    await page.keyboard.press('Escape')
    await openSource(page, 'RGB-D frame…')
    const form = page.getByRole('form', { name: 'Open frame' })
    expect(await form.getByRole('textbox', { name: /Camera/ }).inputValue()).toBe('arm-cam')
    await form.getByRole('button', { name: 'Cancel' }).click()
  })
})
