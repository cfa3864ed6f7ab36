import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, watchPageErrors } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'
import { runCli } from '../helpers/runCli'
import { SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'
import { synthSampleSchema, type SynthSample } from '../../main/contract/synthSchema'

// End-to-end: the Dataset panel opens a folder `spatial-lens synth --with-points` wrote and shows a sample's scene
// in 3D on a viewer of its own (its debug hook: window.__spatialLensDatasetDebug), beside the app's view.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

interface DatasetHook {
  objectNames(): string[]
  pointCount(): number
  answerLines(): number
}

function datasetHook<T>(page: Page, method: keyof DatasetHook): Promise<T> {
  return page.evaluate((name) => {
    const hook = (globalThis as unknown as { __spatialLensDatasetDebug?: DatasetHook })
      .__spatialLensDatasetDebug
    if (!hook) throw new Error('the dataset 3D view did not start')
    return hook[name]()
  }, method) as Promise<T>
}

describe('Dataset panel (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let pageErrors: string[] = []
  const work = mkdtempSync(join(tmpdir(), 'e2e-dataset-'))
  const dataset = join(work, 'dataset')
  let samples: SynthSample[] = []

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    const frames = join(work, 'frames')
    mkdirSync(join(frames, 'rgb'), { recursive: true })
    mkdirSync(join(frames, 'depth'))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(frames, 'rgb', '0001.png'))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'), join(frames, 'depth', '0001.png'))
    const gt = loadGroundTruth('320x240')
    writeFileSync(
      join(frames, 'intrinsics.json'),
      JSON.stringify({ width: 320, height: 240, ...gt.intrinsics, depthScale: 1000 }),
    )
    const run = runCli([
      'synth',
      frames,
      '--out',
      dataset,
      '--detector',
      'none',
      '--with-points',
      '--max-pairs',
      '2',
    ])
    expect(run.status, run.stderr + run.stdout).toBe(0)
    samples = readdirSync(join(dataset, 'shards')).flatMap((name) =>
      readFileSync(join(dataset, 'shards', name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => synthSampleSchema.parse(JSON.parse(line))),
    )
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    pageErrors = watchPageErrors(page)
    await page.goto(server.url)
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(work, { recursive: true, force: true })
  })

  it('shows the first sample in 3D: its boxes, its object points, its objects highlighted', async () => {
    await page.getByLabel('Dataset folder').setInputFiles(dataset)
    const list = page.getByRole('list', { name: 'Samples' })
    await list.waitFor()
    await page.waitForFunction(
      () =>
        ((
          globalThis as unknown as { __spatialLensDatasetDebug?: DatasetHook }
        ).__spatialLensDatasetDebug?.pointCount() ?? 0) > 0,
      undefined,
      { timeout: SCENE_TIMEOUT_MS },
    )
    const article = page.locator('article.dataset-sample')
    const shownId = (await article.getAttribute('aria-label'))!.replace('Sample ', '')
    const sample = samples.find((s) => s.id === shownId)!
    expect((await datasetHook<string[]>(page, 'objectNames')).sort()).toEqual(
      sample.scene.objects.map((o) => o.name).sort(),
    )
    const sidecar = JSON.parse(readFileSync(join(dataset, sample.points), 'utf8')) as {
      objects: { points: number[] }[]
    }
    const sidecarPoints = sidecar.objects.reduce((sum, o) => sum + o.points.length / 3, 0)
    expect(await datasetHook<number>(page, 'pointCount')).toBe(sidecarPoints)
    const highlighted = await article
      .locator('.dataset-viewer .box-label[data-emphasis="answer"]')
      .allInnerTexts()
    expect(highlighted.sort()).toEqual([...sample.objects].sort())
    // The app's own view keeps its hook and scene.
    const mainNames = await page.evaluate(
      () =>
        (
          globalThis as unknown as { __spatialLensDebug?: DatasetHook }
        ).__spatialLensDebug?.objectNames() ?? null,
    )
    expect(mainNames).toContain('laptop')
  })

  it('draws the measured segment of a distance sample', async () => {
    await page.getByLabel('Question type').selectOption('distance')
    await page.getByRole('list', { name: 'Samples' }).getByRole('button').first().click()
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __spatialLensDatasetDebug?: DatasetHook }
        ).__spatialLensDatasetDebug?.answerLines() === 1,
      undefined,
      { timeout: SCENE_TIMEOUT_MS },
    )
    expect(pageErrors).toEqual([])
  })
})
