import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCameraArgs, launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openAppWithSample, openSource } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import type { ServiceCallLog } from './serviceCalls'
import { writeY4mOfImage } from './y4mVideo'
import { COLOR_640, installTinyDepthModel, syntheticDepthMetres } from '../cli/depthModelCache'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// End-to-end: the live webcam when a depth model is installed (serve + headless Chromium).

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
  let pageErrors: string[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-live3d-'))
  const models = join(scratch, 'models')

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    installTinyDepthModel(models, METRIC, syntheticDepthMetres())
    const video = join(scratch, 'tabletop.y4m')
    await writeY4mOfImage(COLOR_640, video)
    ;[browser, server] = await Promise.all([
      launchChromium({ extraArgs: fakeCameraArgs({ videoFile: video }) }),
      startServeProcess(repoRoot, { env: { SPATIAL_LENS_MODELS: models } }),
    ])
    ;({ page, pageErrors, calls } = await openAppWithSample(browser, server.url, {
      'spatial-lens.webcam': { fovDeg: SYNTHETIC_FOV_DEG },
      'spatial-lens.pinned-questions': ['how tall is the laptop'],
    }))
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
