import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import {
  SCENE_TIMEOUT_MS,
  debugValue,
  openRgbdFrame,
  openSource,
  screenshotForDocs,
  waitForDebugAtLeast,
} from './pageHelpers'
import { countDistinctColours } from './pngColours'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: the real `serve` process and the built UI in headless Chromium, one of each for the file.
// Set SPATIAL_LENS_SCREENSHOTS=1 to also save docs/screenshots/viewer.png.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const sampleDirectory = join(repoRoot, 'samples', 'pcl-kinect-laptop')

async function ask(page: Page, question: string): Promise<string> {
  await page.getByRole('textbox', { name: 'Question' }).fill(question)
  await page.getByRole('button', { name: 'Ask', exact: true }).click()
  // A question still being answered shows a busy card first; wait for the answer itself.
  const answer = page
    .locator('article.answer:not([aria-busy="true"])')
    .filter({ hasText: question })
  await answer.waitFor({ timeout: SCENE_TIMEOUT_MS })
  return answer.innerText()
}

describe('viewer page (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let panelNames: string[] = []
  const pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-'))

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    browser = await launchChromium()
    server = await startServeProcess(repoRoot)
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('loads the sample on start: one box in the scene graph per object in the panel', async () => {
    await waitForDebugAtLeast(page, 'pointCount', 1)
    const items = page.getByRole('region', { name: 'Objects' }).locator('[data-object-name]')
    await items.first().waitFor({ timeout: SCENE_TIMEOUT_MS })
    panelNames = await items.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-object-name') ?? ''),
    )
    const sceneNames = await debugValue<string[]>(page, 'objectNames')
    expect(panelNames.length).toBeGreaterThanOrEqual(2)
    expect([...sceneNames].sort()).toEqual([...panelNames].sort())
    expect(await debugValue<number>(page, 'pointCount')).toBeGreaterThan(100_000)
    // The panel shows each object's size in centimetres and its point count.
    await expect.poll(() => items.first().innerText()).toMatch(/\d+ × \d+ × \d+ cm[\s\S]*\d pts/)
  })

  it('highlights the box of the object under the pointer in the panel', async () => {
    await page.locator(`[data-object-name="${panelNames[1]}"]`).hover()
    const highlighted = page.locator('.box-label[data-emphasis="hover"]')
    await expect.poll(() => highlighted.allInnerTexts()).toEqual([panelNames[1]])
    await page.mouse.move(400, 400)
    await expect.poll(() => highlighted.count()).toBe(0)
  })

  it('draws the point cloud: the WebGL canvas is far from blank', async () => {
    const shot = join(scratch, 'canvas.png')
    await page.locator('canvas').screenshot({ path: shot })
    // A cleared canvas has one colour and the grid adds a few dozen; the sensor's colours add thousands.
    expect(countDistinctColours(readFileSync(shot))).toBeGreaterThan(2_000)
  })

  it('answers a distance question with a number and a unit, and draws the segment', async () => {
    const question = `how far is the ${panelNames[0]} from the ${panelNames[1]}`
    const text = await ask(page, question)
    expect(text).toMatch(/\d+(\.\d+)?\s?(cm|m)\b/)
    expect(text).toMatch(/Method/)
    await waitForDebugAtLeast(page, 'answerLines', 1)
    await expect.poll(() => page.locator('.answer-label').innerText()).toMatch(/\d+(\.\d+)? (cm|m)/)
    await screenshotForDocs(page, 'viewer')
  })

  it('answers about an unknown object by listing the objects it knows, and clears the line', async () => {
    const text = await ask(page, `how far is the zebra from the ${panelNames[0]}`)
    expect(text).toContain('zebra')
    for (const name of panelNames) expect(text).toContain(name)
    expect(await debugValue<number>(page, 'answerLines')).toBe(0)
  })

  it('shows the error banner with what to do when an uploaded colour image is corrupt', async () => {
    const form = await openRgbdFrame(page, {
      color: {
        name: 'broken.png',
        mimeType: 'image/png',
        buffer: Buffer.from('this is not a PNG file'),
      },
      depth: join(sampleDirectory, 'depth.png'),
      intrinsics: join(sampleDirectory, 'intrinsics.json'),
    })
    await form.getByRole('button', { name: 'Analyze' }).click()
    const banner = page.getByRole('alert')
    await banner.waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await banner.innerText()
    expect(text).toContain('Could not analyze broken.png')
    expect(text).toMatch(/not a readable image/) // the service's own line
    expect(text).toMatch(/PNG or JPEG/) // what to do
    expect(await banner.getByRole('button', { name: 'Load sample' }).count()).toBe(1)
    // The scene that was on screen stays there.
    expect((await debugValue<string[]>(page, 'objectNames')).length).toBe(panelNames.length)
  })

  it('opens an organized PCD cloud from the Sources menu and lists its objects', async () => {
    const pcd = join(
      repoRoot,
      'tests',
      'fixtures',
      'pcl-kinect',
      'pcd',
      'milk_cartoon_all_small_clorox.pcd',
    )
    const chooser = page.waitForEvent('filechooser')
    await openSource(page, 'Point cloud (PCD)…')
    await (await chooser).setFiles(pcd)
    const status = page.getByLabel('Scene information')
    await expect
      .poll(() => status.innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain('milk_cartoon_all_small_clorox.pcd')
    const items = page.getByRole('region', { name: 'Objects' }).locator('[data-object-name]')
    const names = await items.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-object-name') ?? ''),
    )
    expect(names.length).toBeGreaterThanOrEqual(2)
    expect([...(await debugValue<string[]>(page, 'objectNames'))].sort()).toEqual([...names].sort())
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
