import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

// Helpers shared by the end-to-end files: the page's read-only scene-graph hook and the panels.

/** How long a scene analysis (or an answer) may take to show up. */
export const SCENE_TIMEOUT_MS = 30_000

interface DebugGlobal {
  __spatialLensDebug?: {
    objectNames(): string[]
    pointCount(): number
    answerLines(): number
    cameraPosition(): [number, number, number]
  }
}
type DebugMethod = 'objectNames' | 'pointCount' | 'answerLines' | 'cameraPosition'

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
  method: 'pointCount' | 'answerLines',
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

/** Collects the page's uncaught errors and console errors (a test ends by expecting none). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
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
