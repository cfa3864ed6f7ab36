import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatLength } from '../../renderer/src/format'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, objectRows, openSource, screenshotForDocs } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: LLM settings and the chain of thought in the real UI. A scripted OpenAI-compatible
// server on 127.0.0.1 (the one the connector tests use) plays the LLM; serve talks to it through
// the real client library, with the spatial tools over the sample scene.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The numbers a tool result step shows, by label (value, free gap, …). */
function resultFields(step: Locator): Promise<Record<string, string>> {
  return step
    .locator('.reasoning-result-field')
    .evaluateAll((fields) =>
      Object.fromEntries(
        fields.map((field) => [
          field.querySelector('dt')?.textContent ?? '',
          field.querySelector('dd')?.textContent ?? '',
        ]),
      ),
    )
}

describe('LLM settings and chain of thought (serve + Chromium + a scripted LLM server)', () => {
  let llm: FakeLlmServer
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let names: string[] = []
  let templateDistance = ''
  const pageErrors: string[] = []
  const card = () => page.locator('article.reasoning')

  async function ask(question: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Question' }).fill(question)
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
  }

  async function openSettingsTab(tab: string): Promise<Locator> {
    const form = page.getByRole('form', { name: 'Settings' })
    if (!(await form.isVisible())) await page.getByRole('button', { name: 'Settings' }).click()
    await form.getByRole('tab', { name: tab }).click()
    return form
  }

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    llm = await startFakeLlmServer()
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`)
    })
    await page.goto(server.url)
    await page.locator('[data-object-name]').first().waitFor({ timeout: SCENE_TIMEOUT_MS })
    names = (await objectRows(page)).map((row) => row.name)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await llm?.close()
  })

  it('without an LLM, template questions work and a multi-step one says how to configure an LLM', async () => {
    await ask(`how far is the ${names[0]} from the ${names[1]}`)
    const answer = page.locator('article.answer:not(.reasoning)')
    await answer.waitFor({ timeout: SCENE_TIMEOUT_MS })
    templateDistance = await answer.locator('.answer-value').innerText()
    expect(templateDistance).toMatch(/^\d+(\.\d+)? (cm|m)$/)

    await ask(`if I push the ${names[0]} 20 cm toward the ${names[1]}, do they touch?`)
    await page
      .locator('article.reasoning[data-stop-reason="no_llm"]')
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await card().innerText()
    expect(text).toContain('This question needs a language model')
    expect(text).toContain('no LLM is configured, so I will not guess')
    await card().getByRole('button', { name: 'Configure an LLM' }).click()
    const form = page.getByRole('form', { name: 'Settings' })
    await form.waitFor()
    expect(
      await form.getByRole('tab', { name: 'Language model' }).getAttribute('aria-selected'),
    ).toBe('true')
    const focusedName = await page.evaluate(() =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(name: string): string | null } | null }
        }
      ).document.activeElement?.getAttribute('name'),
    )
    expect(focusedName).toBe('llmSpec')
  })

  it('tests the typed LLM, then saves it in the service', async () => {
    const form = await openSettingsTab('Language model')
    await form.locator('input[name="llmSpec"]').fill(`openai:${llm.url}/v1#tiny`)
    llm.script({ kind: 'text', chunks: ['OK'] })
    await form.getByRole('button', { name: 'Test connection' }).click()
    const ok = form.locator('.llm-status-ok')
    await ok.waitFor({ timeout: SCENE_TIMEOUT_MS })
    expect(await ok.innerText()).toMatch(new RegExp(`^tiny at ${llm.url}/v1 answered in \\d+ ms$`))
    await form.locator('input[name="llmApiKey"]').fill('sk-local-0123456789wxyz')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => form.locator('.llm-status').innerText()).toBe('Saved.')
    // The key is write-only: the field is empty again and only its end is shown.
    expect(await form.locator('input[name="llmApiKey"]').inputValue()).toBe('')
    expect(await form.getByTestId('api-key-state').innerText()).toContain(
      'Stored by the service (ends in wxyz)',
    )
    expect(await form.locator('input[name="llmSpec"]').inputValue()).toBe(
      `openai:${llm.url}/v1#tiny`,
    )
    await form.getByRole('button', { name: 'Close' }).click()
  })

  it('shows the steps one by one as the LLM calls the tools, then the answer with the tool’s number and the checks', async () => {
    let releaseMeasure = () => {}
    const measureMayStart = new Promise<void>((resolve) => (releaseMeasure = resolve))
    const lastToolResult = (body: any) =>
      JSON.parse(body.messages.filter((m: { role: string }) => m.role === 'tool').at(-1).content)
    llm.script(
      { kind: 'tool', name: 'list_objects', args: {} },
      {
        kind: 'later',
        reply: async () => {
          await measureMayStart
          return {
            kind: 'tool',
            name: 'measure',
            args: { quantity: 'distance', a: names[0], b: names[1] },
            id: 'call_2',
          }
        },
      },
      {
        kind: 'later',
        reply: (body) => ({
          kind: 'text',
          chunks: [`They are ${lastToolResult(body).value_m} m apart.`],
        }),
      },
    )
    await ask(
      `list the objects, then tell me how far apart the ${names[0]} and the ${names[1]} are`,
    )
    // The first tool call and its result are on screen while the model is still working.
    const steps = card().locator('.reasoning-step')
    await expect.poll(() => steps.count(), { timeout: SCENE_TIMEOUT_MS }).toBe(2)
    expect(await card().getAttribute('aria-busy')).toBe('true')
    expect(await steps.nth(0).innerText()).toContain('list_objects()')
    expect(await steps.nth(1).innerText()).toMatch(new RegExp(`objects\\s*\\d+: .*${names[0]}`))
    expect(await card().getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true)
    releaseMeasure()

    await page
      .locator('article.reasoning[data-stop-reason="final"]')
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    const measureCall = card()
      .locator('.reasoning-step[data-kind="tool_call"][data-tool="measure"]')
      .first()
    expect(await measureCall.innerText()).toContain(
      `measure(quantity: distance, a: ${names[0]}, b: ${names[1]})`,
    )
    const measureResult = card()
      .locator('.reasoning-step[data-kind="tool_result"][data-tool="measure"]')
      .first()
    const fields = await resultFields(measureResult)
    expect(fields.value).toBe(templateDistance) // the tool's number, in display units, = the template answer
    const answer = await card().locator('.reasoning-answer').innerText()
    const quotedM = Number(/^They are ([\d.]+) m apart\.$/.exec(answer)?.[1])
    expect(formatLength(quotedM)).toBe(templateDistance)
    const checks = await card().getByRole('list', { name: 'Consistency checks' }).innerText()
    expect(checks).toMatch(/✓ Quoted numbers: all 1 quoted number\(s\) match tool results/)
    expect(checks).toMatch(/✓ Mirrored question: measure:/)
    expect(await card().innerText()).toContain(`openai:${llm.url}/v1#tiny`)
    await screenshotForDocs(page, 'reasoning')
  })

  it('imperial units change what is shown, not the values', async () => {
    const form = await openSettingsTab('Display')
    await form.getByRole('radio', { name: /Imperial/ }).check()
    const measureResult = card()
      .locator('.reasoning-step[data-kind="tool_result"][data-tool="measure"]')
      .first()
    await expect.poll(async () => (await resultFields(measureResult)).value).toMatch(/ (in|ft)$/)
    const answer = await card().locator('.reasoning-answer').innerText()
    const quotedM = Number(/They are ([\d.]+) m/.exec(answer)?.[1])
    expect((await resultFields(measureResult)).value).toBe(formatLength(quotedM, 'imperial'))
    expect((await objectRows(page)).length).toBe(names.length)
    expect(await page.getByRole('region', { name: 'Objects' }).innerText()).toMatch(
      /\d+\.\d × \d+\.\d × \d+\.\d in/,
    )
    await form.getByRole('radio', { name: /Metric/ }).check()
    await expect.poll(async () => (await resultFields(measureResult)).value).toBe(templateDistance)
    await form.getByRole('button', { name: 'Close' }).click()
  })

  it('Cancel stops a slow run: the card says "Cancelled"', async () => {
    const before = llm.requests.length
    llm.script({ kind: 'hang' })
    await ask(`what could fit between the ${names[0]} and the ${names[1]}?`)
    await expect.poll(() => llm.requests.length, { timeout: SCENE_TIMEOUT_MS }).toBe(before + 1)
    expect(await card().innerText()).toContain('Thinking…')
    await card().getByRole('button', { name: 'Cancel' }).click()
    await page
      .locator('article.reasoning[data-stop-reason="cancelled"]')
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    const text = await card().innerText()
    expect(text).toContain('Cancelled')
    expect(text).toContain('no answer is given')
    expect(await card().getByRole('button', { name: 'Cancel' }).count()).toBe(0)
  })

  it('Pin on a chain-of-thought answer asks the question again through the LLM on every new scene', async () => {
    const question = `which of the ${names[0]} and the ${names[1]} would I reach first?`
    llm.script({ kind: 'text', chunks: ['Asked from the box.'] })
    await ask(question)
    await page
      .locator('article.reasoning[data-stop-reason="final"]')
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    // Pinning asks it at once on the scene on screen, then again on each new scene.
    llm.script({ kind: 'text', chunks: ['Pinned on the first scene.'] })
    await card().getByRole('button', { name: 'Pin', exact: true }).click()
    expect(await card().getByRole('button', { name: 'Pinned' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    const pinned = page.locator(`.pinned-item[data-question="${question}"]`)
    await expect
      .poll(() => pinned.locator('.pinned-value').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toBe('Pinned on the first scene.')
    const firstSceneId = await pinned.getAttribute('data-scene-id')
    const before = llm.requests.length
    llm.script({ kind: 'text', chunks: ['Pinned on the second scene.'] })
    await openSource(page, 'Sample scene')
    await expect
      .poll(() => pinned.locator('.pinned-value').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toBe('Pinned on the second scene.')
    expect(await pinned.getAttribute('data-scene-id')).not.toBe(firstSceneId)
    expect(await pinned.getAttribute('data-fresh')).toBe('true')
    // The LLM saw the pinned question once for the new scene, as the Ask box would send it.
    expect(llm.requests.length).toBe(before + 1)
    expect(JSON.stringify(llm.requests.at(-1)!.body)).toContain(question)
    await pinned.getByRole('button', { name: `Unpin "${question}"` }).click()
    expect(await page.locator('.pinned-item').count()).toBe(0)
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
