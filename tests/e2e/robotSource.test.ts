import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openAppWithSample, openSource, screenshotForDocs } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import { COLOR_TOPIC, writeRgbdMcap } from '../helpers/rgbdMcap'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// End-to-end: a ROS 2 recording (MCAP written from the pcl-kinect RGB-D fixtures, with TF) opened
// from the Sources menu of `serve --recordings DIR`, topics picked, played, seeked; tracks and TF
// frames drawn in the 3D view (serve + headless Chromium).

/** Nine frames through NanoDet and the scene pipeline on a busy 2-core machine. */
const STREAM_TIMEOUT_MS = 120_000

interface Debug {
  __spatialLensDebug?: { trackLabels(): string[]; tfFrames(): string[]; pointCount(): number }
}
const debug = (page: Page) =>
  page.evaluate(() => {
    const hook = (globalThis as unknown as Debug).__spatialLensDebug
    return hook
      ? { tracks: hook.trackLabels(), tf: hook.tfFrames(), points: hook.pointCount() }
      : null
  })

describe('a robot recording from the Sources menu (serve --recordings + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let pageErrors: string[] = []
  const recordings = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-recordings-'))

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    await writeRgbdMcap(join(recordings, 'kinect.mcap'), 3, { repeat: 3, tf: true })
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServeProcess(repoRoot, { args: ['--recordings', recordings] }),
    ])
    ;({ page, pageErrors } = await openAppWithSample(browser, server.url))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(recordings, { recursive: true, force: true })
  })

  it('opens the recording, picks topics, plays, seeks, and shows tracks and TF frames', async () => {
    // A question pinned on the sample becomes a watch query of the robot source.
    const question = 'how far is the book from the laptop'
    await page.getByRole('textbox', { name: 'Question' }).fill(question)
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    const answer = page.locator('article.answer').filter({ hasText: question })
    await answer.waitFor({ timeout: SCENE_TIMEOUT_MS })
    await answer.getByRole('button', { name: 'Pin' }).click()
    const pinned = page.locator(`.pinned-item[data-question="${question}"]`)
    await pinned.waitFor({ timeout: SCENE_TIMEOUT_MS })

    await openSource(page, 'Robot source…')
    const dialog = page.getByRole('dialog', { name: 'Robot source' })
    // The server lists the recordings under --recordings.
    await expect
      .poll(() => dialog.locator('select option').allInnerTexts(), { timeout: SCENE_TIMEOUT_MS })
      .toEqual(['kinect.mcap'])
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()

    // The topic picker: type, count and rate per topic, the guesses filled in.
    const row = dialog.locator(`tr[data-topic="${COLOR_TOPIC}"]`)
    await row.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect((await row.locator('td').allInnerTexts()).slice(1)).toEqual([
      'sensor_msgs/msg/Image',
      '9',
      '10.0',
      'colour',
    ])
    expect(await dialog.locator('select[name="colorTopic"]').inputValue()).toBe(COLOR_TOPIC)
    expect(await dialog.locator('select[name="cameraInfoTopic"]').inputValue()).toBe(
      '/camera/color/camera_info',
    )
    // The fixed frame offers the recording's TF frames, known at open (before any frame plays).
    const frameOptions = await dialog.locator('#tf-frame-ids option').all()
    expect(await Promise.all(frameOptions.map((o) => o.getAttribute('value')))).toEqual([
      'base_link',
      'camera_color_optical_frame',
      'gripper',
    ])
    await dialog.locator('input[name="fixedFrame"]').fill('base_link')
    await screenshotForDocs(page, 'robot-source-topics')
    await dialog.getByRole('button', { name: 'Start' }).click()

    // Frames arrive: the timeline counts them; tracks and TF frames are drawn.
    const timeline = page.getByRole('group', { name: 'Robot source' })
    await expect
      .poll(
        async () =>
          Number((await timeline.getByTestId('frames-processed').innerText()).split(' ')[0]),
        {
          timeout: STREAM_TIMEOUT_MS,
        },
      )
      .toBeGreaterThanOrEqual(2)
    await expect
      .poll(async () => (await debug(page))?.tracks.length ?? 0, { timeout: STREAM_TIMEOUT_MS })
      .toBeGreaterThan(0)
    const drawn = (await debug(page))!
    // Each track's label carries its stable id.
    for (const label of drawn.tracks) expect(label).toMatch(/^#\d+ \S/)
    expect(drawn.tf).toEqual(
      expect.arrayContaining(['base_link', 'camera_color_optical_frame', 'gripper']),
    )
    expect(drawn.points).toBeGreaterThan(100_000)
    expect(await timeline.innerText()).toContain('frame: base_link')
    expect(await timeline.getByTestId('frames-dropped').innerText()).toMatch(/^\d+ dropped$/)
    await screenshotForDocs(page, 'robot-source')

    // The pinned question is watched on every frame (on the tracks) and shows a reading.
    expect(await page.locator('#pinned-heading + .section-count').innerText()).toBe(
      'watched on every frame (tracks)',
    )
    await expect
      .poll(() => pinned.getAttribute('data-watch'), { timeout: STREAM_TIMEOUT_MS })
      .not.toBe('none')
    expect(await pinned.locator('.pinned-value').innerText()).not.toMatch(/^not a watch/)

    // Seek back to the start (Home on the slider): the frame at 0.0 s comes on screen.
    await expect
      .poll(() => timeline.getByLabel('Current time').innerText(), { timeout: STREAM_TIMEOUT_MS })
      .not.toMatch(/^0\.0 s/)
    const slider = timeline.getByRole('slider', { name: 'Recording time' })
    await slider.focus()
    await slider.press('Home')
    await expect
      .poll(() => timeline.getByLabel('Current time').innerText(), { timeout: STREAM_TIMEOUT_MS })
      .toBe('0.0 s / 0.8 s')
    expect(pageErrors).toEqual([])
  })
})
