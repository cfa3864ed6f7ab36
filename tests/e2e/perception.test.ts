import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import {
  SCENE_TIMEOUT_MS,
  SETTINGS_KEY,
  newPageWithSettings,
  objectRows,
  openRgbdFrame,
  sceneGraphNames,
} from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import { smolVlmPrompt } from '../../main/engine/perception/smolVlmPrompt'
import { smolVlmTokenizerFromJson } from '../../main/inference/models/smolVlmTokenizer'
import { NAME_QUESTION } from '../../main/perception/vlmObjectNames'
import { installTinySmolVlm, stepwiseLogits, VLM_ID } from '../helpers/tinySmolVlm'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'

// End-to-end: perception settings and provenance in the real UI (serve + headless Chromium).
// The server's model cache is an empty directory (see startServeProcess): NanoDet is built in, and
// there is no depth model, so a colour-only frame must fail with the command that installs one.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const sampleDirectory = join(repoRoot, 'samples', 'pcl-kinect-laptop')

/** The page's localStorage, typed here: the Node tsconfig has no DOM library. */
interface StorageGlobal {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
}

/** The text of one status-bar chip (`data-status`), once the scene is on screen. */
async function statusChip(page: Page, key: string): Promise<string> {
  const chip = page.getByLabel('Scene information').locator(`[data-status="${key}"]`)
  await chip.waitFor({ timeout: SCENE_TIMEOUT_MS })
  return chip.innerText()
}

async function openSettings(page: Page) {
  const form = page.getByRole('form', { name: 'Settings' })
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Settings' }).click()
  await form.waitFor()
  return form
}

async function closeSettings(page: Page): Promise<void> {
  await page.getByRole('form', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click()
}

function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(
    (key) =>
      JSON.parse((globalThis as unknown as StorageGlobal).localStorage.getItem(key) ?? 'null'),
    SETTINGS_KEY,
  )
}

describe('perception settings and provenance (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    // A stored setting from an earlier visit: the CPU provider, so the provenance this test reads
    // does not depend on whether the machine has a GPU (the rest are the contract's defaults).
    page = await newPageWithSettings(browser, server.url, { provider: 'cpu' }, pageErrors)
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('loads the sample with the built-in NanoDet: a "laptop" from the detector, provenance on cpu', async () => {
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
    const rows = await objectRows(page)
    expect(rows).toContainEqual({ name: 'laptop', source: 'detector' })
    expect(rows.some((row) => row.source === 'geometry')).toBe(true) // clusters it missed stay
    expect(await sceneGraphNames(page)).toEqual(rows.map((row) => row.name).sort())
    expect(await statusChip(page, 'detector')).toMatch(/^detector: nanodet-m · cpu · \d+ ms$/)
    expect(await statusChip(page, 'depth')).toBe('depth: sensor')
    // The panel shows the stored settings.
    const settings = await openSettings(page)
    expect(await settings.getByRole('radio', { name: /Built-in NanoDet/ }).isChecked()).toBe(true)
    expect(await settings.getByRole('combobox', { name: 'Execution provider' }).inputValue()).toBe(
      'cpu',
    )
    await closeSettings(page)
  })

  it('switching the detector to None re-analyzes the frame: geometry-only objects everywhere', async () => {
    const settings = await openSettings(page)
    await settings.getByRole('radio', { name: /None — geometry only/ }).check()
    await expect
      .poll(() => statusChip(page, 'detector'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('detector: none (geometry only)')
    await closeSettings(page)
    const rows = await objectRows(page)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.map((row) => row.name)).not.toContain('laptop')
    expect(rows.every((row) => row.source === 'geometry')).toBe(true)
    await expect.poll(() => sceneGraphNames(page)).toEqual(rows.map((row) => row.name).sort())
    expect(await page.getByLabel('Scene information').innerText()).toContain(
      'Sample: PCL Kinect frame',
    )
    expect(await storedSettings(page)).toMatchObject({ detector: 'none', provider: 'cpu' })
  })

  it('"Name unlabelled objects" says how to install the vision model; once it is installed, it names the geometry objects', async () => {
    const settings = await openSettings(page)
    const naming = settings.getByRole('checkbox', { name: /Name unlabelled objects/ })
    await naming.check()
    await expect
      .poll(() => page.getByLabel('Scene information').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain('spatial-lens models download smolvlm-256m-instruct')
    // A tiny SmolVLM (the manifest's signatures) that answers "mug" to the naming question, copied
    // into the server's model cache the way an offline user installs it.
    const { tokenizerJson, vocab } = tinySmolVlmTokenizer()
    const promptLength = smolVlmTokenizerFromJson(tokenizerJson).encode(
      smolVlmPrompt(NAME_QUESTION),
    ).length
    const vlm = installTinySmolVlm(
      stepwiseLogits(promptLength, [vocab['Ġmug'], SPECIAL_IDS.endOfUtterance]),
    )
    cpSync(join(vlm.cache, VLM_ID), join(server!.modelsDirectory, VLM_ID), { recursive: true })
    rmSync(vlm.cache, { recursive: true, force: true })
    await vlm.runner.dispose()
    await naming.uncheck()
    await naming.check()
    await expect
      .poll(async () => (await objectRows(page)).map((row) => row.name), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(/\bmug\b/)]))
    const rows = await objectRows(page)
    expect(rows.every((row) => /\bmug\b/.test(row.name))).toBe(true)
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length)
    expect(await storedSettings(page)).toMatchObject({ vlmNames: true })
    await naming.uncheck()
    await expect
      .poll(async () => (await objectRows(page)).some((row) => /\bmug\b/.test(row.name)), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .toBe(false)
    await closeSettings(page)
  })

  it('keeps the settings across a reload (localStorage)', async () => {
    await page.reload()
    expect(await statusChip(page, 'detector')).toBe('detector: none (geometry only)')
    const rows = await objectRows(page)
    expect(rows.map((row) => row.name)).not.toContain('laptop')
    expect(rows.every((row) => row.source === 'geometry')).toBe(true)
    const settings = await openSettings(page)
    expect(await settings.getByRole('radio', { name: /None — geometry only/ }).isChecked()).toBe(
      true,
    )
    expect(await settings.getByRole('combobox', { name: 'Execution provider' }).inputValue()).toBe(
      'cpu',
    )
    await closeSettings(page)
  })

  it('ignores a corrupt stored entry and starts with the defaults', async () => {
    await page.evaluate(
      (key) =>
        (globalThis as unknown as StorageGlobal).localStorage.setItem(key, '{"detector": 42'),
      SETTINGS_KEY,
    )
    await page.reload()
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await statusChip(page, 'detector')).toMatch(/^detector: nanodet-m · \w+ · \d+ ms$/)
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('a colour-only frame without an installed depth model names `spatial-lens models download`', async () => {
    const form = await openRgbdFrame(page, {
      color: join(sampleDirectory, 'color.png'),
      intrinsics: join(sampleDirectory, 'intrinsics.json'),
    })
    expect(await form.innerText()).toContain(
      'Leave empty for a colour-only frame: needs a depth model, see Settings.',
    )
    await form.getByRole('button', { name: 'Analyze' }).click()
    const banner = page.getByRole('alert')
    await banner.waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await banner.innerText()
    expect(text).toContain('Could not analyze color.png')
    expect(text).toContain('spatial-lens models download')
    // The sample stays on screen.
    expect((await objectRows(page)).map((row) => row.name)).toContain('laptop')
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
