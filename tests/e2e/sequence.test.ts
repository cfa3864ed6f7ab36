import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openAppWithSample, openSource, screenshotForDocs } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import type { ServiceCallLog } from './serviceCalls'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// End-to-end: a folder of real RGB-D frames (SUN RGB-D fixture) played as a sequence, and pinned
// questions answered again on every frame (serve + headless Chromium).

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

/** Waits until the sequence bar shows the last of the four frames and has stopped playing. */
async function expectPlayedToTheEnd(bar: Locator): Promise<void> {
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
}

describe('a folder played as a sequence, with pinned questions (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let calls: ServiceCallLog
  let pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-sequence-'))

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    ;({ page, pageErrors, calls } = await openAppWithSample(browser, server.url))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(scratch, { recursive: true, force: true })
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
    await expectPlayedToTheEnd(bar)
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
    await expectPlayedToTheEnd(bar)

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
