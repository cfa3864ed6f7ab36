import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { recordServiceCalls, type ServiceCallLog } from './serviceCalls'

// Helpers shared by the end-to-end files: the page's read-only scene-graph hook and the panels.

/** How long a scene analysis (or an answer) may take to show up. */
export const SCENE_TIMEOUT_MS = 30_000

/** renderer/src/state/perceptionSettingsStorage.ts: PERCEPTION_SETTINGS_KEY. */
export const SETTINGS_KEY = 'spatial-lens.perception-settings'

/**
 * A 1440×900 page of the served app whose localStorage already holds `settings` (as from an
 * earlier visit), collecting uncaught errors and console errors into `errors`; not navigated yet.
 */
export async function newPageWithSettings(
  browser: Browser,
  serverUrl: string,
  settings: Record<string, unknown>,
  errors: string[],
): Promise<Page> {
  const page = await newAppPage(browser, serverUrl, { [SETTINGS_KEY]: settings })
  watchPageErrors(page, errors)
  return page
}

/** A 1440×900 page for the served app whose localStorage holds `storage` (key → JSON value); not navigated yet. */
async function newAppPage(
  browser: Browser,
  serverUrl: string,
  storage: Record<string, unknown>,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: {
      cookies: [],
      origins: [
        {
          origin: new URL(serverUrl).origin,
          localStorage: Object.entries(storage).map(([name, value]) => ({
            name,
            value: JSON.stringify(value),
          })),
        },
      ],
    },
  })
  return context.newPage()
}

interface DebugGlobal {
  __spatialLensDebug?: {
    objectNames(): string[]
    pointCount(): number
    answerLines(): number
    measureLines(): number
    measurePoints(): number
    screenPointOf(name: string): { x: number; y: number } | null
    cameraPosition(): [number, number, number]
  }
}
type DebugMethod =
  'objectNames' | 'pointCount' | 'answerLines' | 'measureLines' | 'measurePoints' | 'cameraPosition'

/** Calls the page's read-only scene-graph hook (window.__spatialLensDebug). */
export function debugValue<T>(page: Page, method: DebugMethod): Promise<T> {
  return page.evaluate((name) => {
    const hook = (globalThis as unknown as DebugGlobal).__spatialLensDebug
    if (!hook) throw new Error('window.__spatialLensDebug is missing: the 3D view did not start')
    return hook[name]()
  }, method) as Promise<T>
}

/** Waits until the hook reports at least `minimum` (the scene graph is built after the reply arrives). */
export async function waitForDebugAtLeast(
  page: Page,
  method: 'pointCount' | 'answerLines' | 'measureLines',
  minimum: number,
): Promise<void> {
  await page.waitForFunction(
    ([name, least]) => {
      const hook = (globalThis as unknown as DebugGlobal).__spatialLensDebug
      return (hook?.[name as 'pointCount']() ?? -1) >= (least as number)
    },
    [method, minimum] as const,
    { timeout: SCENE_TIMEOUT_MS },
  )
}

/** Where the 3D view draws an object's box centre (client pixels); fails when it is not drawn. */
export async function screenPointOf(page: Page, name: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (objectName) =>
      (globalThis as unknown as DebugGlobal).__spatialLensDebug?.screenPointOf(objectName) ?? null,
    name,
  )
  if (!point) throw new Error(`the 3D view draws no box named "${name}"`)
  return point
}

/** One row of the Objects panel: its name and where the name came from (detector, region, geometry). */
export interface ObjectRow {
  name: string
  source: string
}

/** The rows of the Objects panel, in order. */
export function objectRows(page: Page): Promise<ObjectRow[]> {
  return page
    .getByRole('region', { name: 'Objects' })
    .locator('[data-object-name]')
    .evaluateAll((elements) =>
      elements.map((element) => ({
        name: element.getAttribute('data-object-name') ?? '',
        source: element.getAttribute('data-object-source') ?? '',
      })),
    )
}

/** Object names in the 3D scene graph, sorted. */
export async function sceneGraphNames(page: Page): Promise<string[]> {
  return [...(await debugValue<string[]>(page, 'objectNames'))].sort()
}

/** Opens the header's Sources menu and picks an entry ("Sample scene", "RGB-D frame…", …). */
export async function openSource(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('group', { name: 'Sources' })
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Sources' }).click()
  await menu.getByRole('button', { name: label, exact: true }).click()
}

/** A file for one input of the Open frame form: a path, or a Playwright file payload. */
type FrameFile = Parameters<Locator['setInputFiles']>[0]

/**
 * Picks "RGB-D frame…" in the Sources menu and fills the Open frame form (no depth: a colour-only
 * frame); returns the form, not submitted yet.
 */
export async function openRgbdFrame(
  page: Page,
  files: { color: FrameFile; depth?: FrameFile; intrinsics: FrameFile },
): Promise<Locator> {
  await openSource(page, 'RGB-D frame…')
  const form = page.getByRole('form', { name: 'Open frame' })
  for (const name of ['color', 'depth', 'intrinsics'] as const) {
    const file = files[name]
    if (file !== undefined) await form.locator(`input[name="${name}"]`).setInputFiles(file)
  }
  return form
}

/** Collects the page's uncaught errors and console errors into `errors` (a test asserts the list stays empty). */
export function watchPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`)
  })
  return errors
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** With SPATIAL_LENS_SCREENSHOTS=1, saves the page as docs/screenshots/<name>.png (README pictures). */
export async function screenshotForDocs(page: Page, name: string): Promise<void> {
  if (process.env.SPATIAL_LENS_SCREENSHOTS !== '1') return
  mkdirSync(join(repoRoot, 'docs', 'screenshots'), { recursive: true })
  await page.mouse.move(1, 1)
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', `${name}.png`) })
}

/** Size of the image canvas's bitmap and where it is on screen (it spans the whole image). */
export async function imageCanvas(page: Page) {
  const canvas = page.locator('canvas.image-canvas').first()
  await canvas.waitFor()
  const rect = (await canvas.boundingBox())!
  const size = await canvas.evaluate((element) => {
    const c = element as unknown as { width: number; height: number }
    return { width: c.width, height: c.height }
  })
  return { rect, ...size }
}

// The frames here are at most 1280 px wide, so the canvas bitmap has the intrinsics' size: image
// coordinates (pixel edges) are canvas pixels.

/** Client position of a point in image coordinates. */
export async function clientOf(page: Page, pointInImage: [number, number]) {
  const { rect, width } = await imageCanvas(page)
  const scale = rect.width / width
  return { x: rect.x + pointInImage[0] * scale, y: rect.y + pointInImage[1] * scale }
}

/** "2.66 cm gap" / "1.3 m" → metres. */
export function metresIn(text: string): number {
  const match = /(-?\d+(?:\.\d+)?)\s?(cm|m)\b/.exec(text)
  if (!match) throw new Error(`no length in "${text}"`)
  return Number(match[1]) / (match[2] === 'cm' ? 100 : 1)
}

/** A page of the served app showing the sample scene, watched for errors and service calls. */
export interface AppPage {
  page: Page
  pageErrors: string[]
  calls: ServiceCallLog
}

/**
 * Opens the served app in a 1440×900 page whose localStorage already holds `storage` (key → JSON
 * value, as from an earlier visit) and waits for the sample scene it starts with.
 */
export async function openAppWithSample(
  browser: Browser,
  serverUrl: string,
  storage: Record<string, unknown> = {},
): Promise<AppPage> {
  const page = await newAppPage(browser, serverUrl, storage)
  const pageErrors = watchPageErrors(page)
  const calls = recordServiceCalls(page)
  await page.goto(serverUrl)
  await page.locator('[data-object-name="laptop"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  return { page, pageErrors, calls }
}

/**
 * Waits until `read` gives the same value twice 100 ms apart: a view that was just switched or
 * resized has settled (layout, fit, camera glide) before a test clicks at computed positions.
 */
export async function waitUntilSteady(page: Page, read: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + SCENE_TIMEOUT_MS
  for (;;) {
    const before = JSON.stringify(await read())
    await page.waitForTimeout(100)
    if (before === JSON.stringify(await read())) return
    if (Date.now() > deadline)
      throw new Error(`the view did not settle within ${SCENE_TIMEOUT_MS} ms`)
  }
}
