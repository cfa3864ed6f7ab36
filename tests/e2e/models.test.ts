import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledManifest } from '../../main/models/manifest'
import type { ModelEntry, ModelManifest } from '../../main/contract/manifestSchema'
import { generatedBytes, startTestServer, type TestServer } from '../models/localServer'
import { testManifest } from '../models/testManifest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, screenshotForDocs } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: the Models panel against `serve` with a test manifest (SPATIAL_LENS_MANIFEST): the
// bundled models plus three served by a local HTTP server this test starts — one sent slowly in
// chunks (progress to watch), one that stalls (to cancel), one the server does not have (404).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const body = generatedBytes(600_000, 77)
const CHUNK_BYTES = 50_000
const stalled: ServerResponse[] = []

/** What the progress bar showed at one moment. */
interface ProgressSeen {
  now: number
  max: number
  text: string
}

/** The page's DOM, typed here: the Node tsconfig has no DOM library. */
interface PageGlobal {
  document: {
    body: unknown
    querySelector(selector: string): {
      getAttribute(name: string): string | null
      parentElement: { textContent: string | null } | null
    } | null
  }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: object): void
  }
  __progressSeen?: ProgressSeen[]
}

/** Sends the body in chunks 60 ms apart, so the UI has progress to show. */
function serveSlowly(response: ServerResponse): void {
  response.writeHead(200, { 'content-length': body.length })
  let offset = 0
  const next = () => {
    if (response.destroyed) return
    response.write(body.subarray(offset, offset + CHUNK_BYTES))
    offset += CHUNK_BYTES
    if (offset < body.length) setTimeout(next, 60)
    else response.end()
  }
  next()
}

/** The bundled manifest plus the three test models, written where serve will read it. */
function writeManifest(server: TestServer): string {
  const template = testManifest(server.url, {
    model: body,
    tokenizer: Buffer.from('{}'),
    builtin: body,
  }).models[0]
  const model = (id: string, name: string, path: string): ModelEntry => ({
    ...template,
    id,
    name,
    files: [{ ...template.files[0], urls: [server.url(path)] }],
  })
  const manifest: ModelManifest = {
    schemaVersion: 1,
    models: [
      ...bundledManifest().models,
      model('e2e-tiny-depth', 'Tiny depth (test)', '/slow'),
      model('e2e-stalled', 'Stalled download (test)', '/stall'),
      model('e2e-missing', 'Missing upstream (test)', '/gone'),
    ],
  }
  const path = join(mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-manifest-')), 'manifest.json')
  writeFileSync(path, JSON.stringify(manifest))
  return path
}

describe('Models panel (serve + Chromium + a local download server)', () => {
  let files: TestServer
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  const pageErrors: string[] = []
  const row = (id: string): Locator => page.locator(`[data-model-id="${id}"]`)

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    files = await startTestServer({
      '/slow': (_request, response) => serveSlowly(response),
      '/stall': (_request, response) => {
        response.writeHead(200, { 'content-length': body.length })
        response.write(body.subarray(0, 1000))
        stalled.push(response)
      },
    })
    const manifestPath = writeManifest(files)
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startServeProcess(repoRoot, { env: { SPATIAL_LENS_MANIFEST: manifestPath } }),
    ])
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Models' }).click()
    await page.getByRole('region', { name: 'Models' }).waitFor()
  })

  afterAll(async () => {
    for (const response of stalled) response.destroy()
    await browser?.close()
    await server?.stop()
    await files?.close()
  })

  it('lists the manifest: task, size, licence, state and what installs each model', async () => {
    await row('e2e-tiny-depth').waitFor({ timeout: SCENE_TIMEOUT_MS })
    const tiny = await row('e2e-tiny-depth').innerText()
    expect(tiny).toContain('Tiny depth (test)')
    expect(tiny).toContain('Not installed')
    expect(tiny).toContain('Metric depth')
    expect(tiny).toContain('600.0 kB')
    expect(tiny).toContain('Apache-2.0')
    expect(tiny).toContain('spatial-lens models download e2e-tiny-depth')
    expect(await row('nanodet-m').innerText()).toMatch(/Built in[\s\S]*ships with Spatial Lens/)
    // A model without a public download shows the steps to install it by hand.
    const manual = await row('vilt-vsr').innerText()
    expect(manual).toContain('Manual install.')
    expect(manual).toContain(join(server!.modelsDirectory, 'vilt-vsr'))
    expect(await page.getByRole('region', { name: 'Models' }).innerText()).toContain(
      server!.modelsDirectory,
    )
    await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
    await screenshotForDocs(page, 'models')
  })

  it('downloads with a moving progress bar (bytes of total, speed) until the model is installed and verified', async () => {
    // Record what the bar shows while the download runs (it leaves the page when done).
    await page.evaluate(() => {
      const browser = globalThis as unknown as PageGlobal
      const seen: ProgressSeen[] = []
      browser.__progressSeen = seen
      new browser.MutationObserver(() => {
        const bar = browser.document.querySelector(
          '[data-model-id="e2e-tiny-depth"] [role="progressbar"]',
        )
        if (!bar) return
        seen.push({
          now: Number(bar.getAttribute('aria-valuenow')),
          max: Number(bar.getAttribute('aria-valuemax')),
          text: bar.parentElement?.textContent ?? '',
        })
      }).observe(browser.document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      })
    })
    await row('e2e-tiny-depth').getByRole('button', { name: 'Download' }).click()
    await expect
      .poll(() => row('e2e-tiny-depth').getAttribute('data-state'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('installed')
    const seen = await page.evaluate(
      () => (globalThis as unknown as PageGlobal).__progressSeen ?? [],
    )
    const partway = seen.filter((entry) => entry.now > 0 && entry.now < body.length)
    expect(partway.length).toBeGreaterThan(0)
    expect(partway.every((entry) => entry.max === body.length)).toBe(true)
    expect(partway.some((entry) => /of 600\.0 kB · [\d.]+ [kM]?B\/s/.test(entry.text))).toBe(true)
    const nows = seen.map((entry) => entry.now).filter((now) => now > 0)
    expect(nows).toEqual([...nows].sort((a, b) => a - b))
    const text = await row('e2e-tiny-depth').innerText()
    expect(text).toContain('Installed')
    expect(text).toContain('Downloaded 600.0 kB; SHA-256 verified.')
    expect(text).toContain('SHA-256 verified against the published hash')
    const installed = join(server!.modelsDirectory, 'e2e-tiny-depth', 'model.onnx')
    expect(readFileSync(installed).equals(body)).toBe(true)
  })

  it('verifies, then removes after a confirmation', async () => {
    await row('e2e-tiny-depth').getByRole('button', { name: 'Verify' }).click()
    await expect
      .poll(() => row('e2e-tiny-depth').innerText())
      .toContain('model.onnx: ok (published SHA-256)')
    await row('e2e-tiny-depth').getByRole('button', { name: 'Remove…' }).click()
    const confirm = row('e2e-tiny-depth').getByRole('group', { name: 'Confirm removal' })
    expect(await confirm.innerText()).toContain('Delete 600.0 kB from disk?')
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect
      .poll(() => row('e2e-tiny-depth').getAttribute('data-state'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('missing')
    expect(existsSync(join(server!.modelsDirectory, 'e2e-tiny-depth'))).toBe(false)
    expect(await row('e2e-tiny-depth').getByRole('button', { name: 'Download' }).isVisible()).toBe(
      true,
    )
  })

  it('a server error (404) is shown in the panel with what to do', async () => {
    await row('e2e-missing').getByRole('button', { name: 'Download' }).click()
    const alert = row('e2e-missing').getByRole('alert')
    await alert.waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await alert.innerText()
    expect(text).toMatch(/HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/gone/)
    expect(text).toContain('The server has no file at that address (HTTP 404)')
    expect(text).toContain(
      `copy model.onnx into ${join(server!.modelsDirectory, 'e2e-missing')} and click Verify`,
    )
    expect(await row('e2e-missing').getAttribute('data-state')).toBe('missing')
    expect(await row('e2e-missing').getByRole('button', { name: 'Download' }).isEnabled()).toBe(
      true,
    )
  })

  it('cancels a download that stalls: the part is kept and Download resumes it', async () => {
    await row('e2e-stalled').getByRole('button', { name: 'Download' }).click()
    const bar = row('e2e-stalled').getByRole('progressbar')
    await expect
      .poll(() => bar.getAttribute('aria-valuenow'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('1000')
    expect(await row('e2e-stalled').innerText()).toContain('1.00 kB of 600.0 kB')
    await row('e2e-stalled').getByRole('button', { name: 'Cancel' }).click()
    await expect
      .poll(() => row('e2e-stalled').getAttribute('data-state'), { timeout: SCENE_TIMEOUT_MS })
      .toBe('partial')
    const text = await row('e2e-stalled').innerText()
    expect(text).toContain('Download cancelled.')
    expect(text).toContain('Download resumes from there')
    expect(
      await row('e2e-stalled').getByRole('button', { name: 'Resume download' }).isVisible(),
    ).toBe(true)
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
