import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, watchPageErrors, debugValue } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: keyboard shortcuts in the real UI (serve + headless Chromium).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const pcdPath = join(
  repoRoot,
  'tests',
  'fixtures',
  'pcl-kinect',
  'pcd',
  'table_scene_mug_stereo_textured.pcd',
)

interface FocusGlobal {
  document: { activeElement: { getAttribute(name: string): string | null } | null }
}

function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (globalThis as unknown as FocusGlobal).document.activeElement?.getAttribute('name') ?? null,
  )
}

function sceneSource(page: Page): Promise<string> {
  return page.getByLabel('Scene information').locator('.status-source').innerText()
}

type Vec3 = [number, number, number]
const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
const cameraPosition = (page: Page) => debugValue<Vec3>(page, 'cameraPosition')

describe('keyboard shortcuts (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let pageErrors: string[] = []

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    // A smaller view: SwiftShader renders each orbit step on the CPU.
    page = await browser.newPage({ viewport: { width: 1100, height: 720 } })
    pageErrors = watchPageErrors(page)
    await page.goto(server.url)
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('"?" lists every shortcut; Esc closes the list', async () => {
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    const text = await help.innerText()
    for (const line of [
      'Type a question',
      'Load the sample scene',
      'Open an RGB-D frame',
      'Reset the 3D view',
      'Play or pause the sequence; start or stop the webcam',
      'Close menus and overlays',
    ])
      expect(text).toContain(line)
    expect(await help.locator('kbd').allInnerTexts()).toEqual(
      expect.arrayContaining(['?', '/', 'S', 'O', 'Space', 'R', 'Esc']),
    )
    // Play/pause needs a sequence or the webcam: listed, dimmed.
    expect(await help.locator('[data-shortcut="play-pause"]').getAttribute('data-available')).toBe(
      'false',
    )
    expect(await help.locator('[data-shortcut="reset-view"]').getAttribute('data-available')).toBe(
      'true',
    )
    await page.keyboard.press('Escape')
    await expect.poll(() => help.count()).toBe(0)
    // The header's "?" button opens the same list.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await help.waitFor()
    await help.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => help.count()).toBe(0)
  })

  it('"/" focuses the question box without typing a slash; keys typed there stay text', async () => {
    await page.mouse.click(500, 500)
    await page.keyboard.press('/')
    expect(await focusedName(page)).toBe('question')
    const box = page.getByRole('textbox', { name: 'Question' })
    expect(await box.inputValue()).toBe('')
    await page.keyboard.type('so? r')
    expect(await box.inputValue()).toBe('so? r')
    // None of those keys fired: no help, no form, the sample still on screen.
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.getByRole('form', { name: 'Open frame' }).count()).toBe(0)
    expect(await page.locator('.loading').count()).toBe(0)
    await box.fill('')
  })

  it('"O" opens the RGB-D frame form and Esc closes it', async () => {
    await page.mouse.click(500, 500)
    await page.keyboard.press('o')
    const form = page.getByRole('form', { name: 'Open frame' })
    await form.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => form.count()).toBe(0)
  })

  it('"S" loads the sample again after another source', async () => {
    await page.locator('input[name="pcd"]').setInputFiles(pcdPath)
    await expect
      .poll(() => sceneSource(page), { timeout: SCENE_TIMEOUT_MS })
      .toBe('table_scene_mug_stereo_textured.pcd')
    await page.mouse.click(500, 500)
    await page.keyboard.press('s')
    await expect
      .poll(() => sceneSource(page), { timeout: SCENE_TIMEOUT_MS })
      .toBe('Sample: PCL Kinect frame')
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  it(
    '"R" puts the 3D view back after the user orbited it, and it stays there',
    { timeout: 120_000 },
    async () => {
      const framed = await cameraPosition(page)
      const canvas = page.locator('canvas.viewer-canvas')
      const area = (await canvas.boundingBox())!
      await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2)
      await page.mouse.down()
      // Few steps: each waits for a frame, and SwiftShader frames are slow on a busy CPU.
      await page.mouse.move(area.x + area.width / 2 + 250, area.y + area.height / 2 + 80, {
        steps: 2,
      })
      await page.mouse.up()
      await expect
        .poll(async () => distance(await cameraPosition(page), framed), {
          timeout: SCENE_TIMEOUT_MS,
        })
        .toBeGreaterThan(0.1)
      // Pressed while the orbit still glides (damping): the reset must end the glide too.
      await page.keyboard.press('r')
      await expect
        .poll(async () => distance(await cameraPosition(page), framed), {
          timeout: SCENE_TIMEOUT_MS,
        })
        .toBeLessThan(1e-3)
      await page.waitForTimeout(600)
      expect(distance(await cameraPosition(page), framed)).toBeLessThan(1e-3)
    },
  )

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
