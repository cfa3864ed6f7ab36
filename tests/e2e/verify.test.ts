import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, openAppWithSample, screenshotForDocs } from './pageHelpers'
import type { ServiceCallLog } from './serviceCalls'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: Verify mode of the Ask box against the real `serve` on the embedded sample (laptop, book, …): a
// statement goes to qa:verify, the verdict card shows the verdict, its confidence and every vote with weight and
// reason, both objects are highlighted in the 3D and the image view, and the verdict lands in the log.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const STATEMENT = 'the laptop is left of the book'

describe('Verify mode (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let calls: ServiceCallLog
  let pageErrors: string[] = []
  const card = () => page.locator('article.verdict')

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    ;({ page, pageErrors, calls } = await openAppWithSample(browser, server.url))
    await page.locator('[data-object-name="book"]').waitFor({ timeout: SCENE_TIMEOUT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('reads a statement as one to verify: the button says Verify, a question keeps Ask', async () => {
    const box = page.getByRole('textbox', { name: 'Question' })
    await box.fill('is the laptop left of the book')
    expect(await page.getByRole('button', { name: 'Ask', exact: true }).isVisible()).toBe(true)
    await box.fill(STATEMENT)
    expect(await page.getByRole('button', { name: 'Verify', exact: true }).isVisible()).toBe(true)
    expect(await page.locator('.ask-mode-hint').innerText()).toMatch(/statement/i)
  })

  it('shows the verdict, its confidence and each voter’s vote, weight and reason', async () => {
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await card().waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(calls.count('qa:verify')).toBe(1)
    expect(calls.count('qa:reason')).toBe(0)
    expect(await card().locator('.answer-question').innerText()).toBe(`Verify: ${STATEMENT}`)
    const verdict = await card().getAttribute('data-verdict')
    const value = await card().locator('.verdict-value').innerText()
    if (verdict === 'abstain') expect(value).toBe('Cannot tell')
    else expect(value).toMatch(new RegExp(`^${verdict === 'true' ? 'True' : 'False'} · \\d+ %$`))
    expect(await card().locator('.answer-text').innerText()).toContain(STATEMENT)

    const votes = card().getByRole('table', { name: 'Votes' }).locator('tbody tr')
    expect(
      await votes.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-voter'))),
    ).toEqual(['geometry', 'language-prior'])
    // Both objects are in the sample, so geometry decides (it abstains only without them or for "facing").
    const geometry = votes.filter({ has: page.locator('td') }).first()
    expect(['true', 'false']).toContain(await geometry.getAttribute('data-vote'))
    expect(await geometry.locator('.verdict-reason').innerText()).not.toBe('')
    const weights = await votes.locator('.verdict-weight').allInnerTexts()
    const percents = weights.filter((w) => w !== '—').map((w) => Number(w.replace(' %', '')))
    expect(percents.length).toBeGreaterThan(0)
    // Weights are renormalised over the voters that voted (rounding: ±1 % per voter).
    expect(Math.abs(percents.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(percents.length)
    expect(await card().locator('.answer-provenance').innerText()).toMatch(/left of/)
  })

  it('highlights both objects in the 3D view and the image view', async () => {
    await expect
      .poll(() => page.locator('.box-label[data-emphasis="answer"]').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('laptop'),
          expect.stringContaining('book'),
        ]),
      )
    await page.getByRole('tab', { name: 'Image' }).click()
    for (const name of ['laptop', 'book'])
      await expect
        .poll(() => page.locator(`[data-image-object="${name}"]`).getAttribute('data-emphasis'))
        .toBe('answer')
    await page.getByRole('tab', { name: 'Split' }).click()
    await screenshotForDocs(page, 'verify')
    await page.getByRole('tab', { name: '3D' }).click()
  })

  it('logs the verdict in the measurement log with its value', async () => {
    const panel = page.getByRole('region', { name: 'Measurements' })
    const row = panel.locator('tbody tr[data-kind="verdict"]').first()
    await row.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await row.locator('.measurement-text').innerText()).toBe(STATEMENT)
    expect(await row.locator('.measurement-value').innerText()).toBe(
      await card().locator('.verdict-value').innerText(),
    )
  })

  it('an unreadable statement says how to write one', async () => {
    await page.getByRole('textbox', { name: 'Question' }).fill('the laptop is purple')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toMatch(/could not read a spatial statement/)
    expect(pageErrors).toEqual([])
  })
})
