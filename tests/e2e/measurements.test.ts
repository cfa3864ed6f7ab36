import { McapIndexedReader, TempBuffer } from '@mcap/core'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measurementRecordSchema } from '../../main/contract/measurementSchema'
import { launchChromium } from './launchChromium'
import { SCENE_TIMEOUT_MS, objectRows, screenshotForDocs, watchPageErrors } from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: the Measurements panel against the real `serve` — an answer appears in the log,
// each export arrives as a real download with the right content, and Clear asks first.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

describe('measurement log (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  let question = ''
  let valueM = 0
  let pageErrors: string[] = []

  const panel = () => page.getByRole('region', { name: 'Measurements' })
  const rows = () => panel().locator('tbody tr')

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    browser = await launchChromium()
    server = await startServeProcess(repoRoot)
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    pageErrors = watchPageErrors(page)
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function download(label: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: SCENE_TIMEOUT_MS }),
      panel()
        .getByRole('button', { name: `Export ${label}` })
        .click(),
    ])
    const path = await file.path()
    return { name: file.suggestedFilename(), bytes: readFileSync(path) }
  }

  it('starts with an empty log and the exports disabled', async () => {
    await expect
      .poll(() => panel().innerText())
      .toContain('Answers and measurements are logged here')
    expect(await panel().getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true)
  })

  it('logs an answered distance question as a row: time, frame, question, value with unit', async () => {
    await page
      .getByRole('region', { name: 'Objects' })
      .locator('[data-object-name]')
      .first()
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    const [a, b] = await objectRows(page)
    question = `how far is the ${a.name} from the ${b.name}`
    await page.getByRole('textbox', { name: 'Question' }).fill(question)
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    await page
      .locator('article.answer')
      .filter({ hasText: question })
      .waitFor({ timeout: SCENE_TIMEOUT_MS })
    await expect.poll(() => rows().count(), { timeout: SCENE_TIMEOUT_MS }).toBe(1)
    const cells = await rows().first().locator('td').allInnerTexts()
    expect(cells[0]).toMatch(/^\d\d:\d\d$/)
    expect(cells[1]).toBe('PCL Kinect laptop')
    expect(cells[2]).toBe(question) // a number: no answer line under the question
    expect(cells[3]).toMatch(/^\d+(\.\d+)? (cm|m)$/)
    expect(await rows().first().getAttribute('data-kind')).toBe('answer')
    expect(await panel().locator('.section-count').innerText()).toBe('1')
  })

  it('exports JSON Lines as a download whose record carries the value', async () => {
    const { name, bytes } = await download('JSONL')
    expect(name).toMatch(/^spatial-lens-measurements-\d{8}-\d{6}\.jsonl$/)
    const lines = bytes.toString('utf8').trim().split('\n')
    expect(lines).toHaveLength(1)
    const record = measurementRecordSchema.parse(JSON.parse(lines[0]))
    expect(record).toMatchObject({ kind: 'answer', text: question, value: { unit: 'm' } })
    valueM = record.value!.number
    // The row shows the same number, rounded as the answers write it.
    const shown = await rows().first().locator('td').nth(3).innerText()
    const [number, unit] = shown.split(' ')
    expect(Number(number) / (unit === 'cm' ? 100 : 1)).toBeCloseTo(valueM, 4)
  })

  it('exports CSV as a download with the header and the row value', async () => {
    const { name, bytes } = await download('CSV')
    expect(name).toMatch(/\.csv$/)
    const lines = bytes.toString('utf8').split('\r\n')
    expect(lines[0]).toMatch(/^time,kind,frame,scene_id,text,objects,value,unit,answer,/)
    expect(lines[1]).toContain(`,${question},`)
    expect(lines[1]).toContain(`,${valueM},m,`)
  })

  it('exports MCAP as a download that @mcap/core reads back with the message', async () => {
    const { name, bytes } = await download('MCAP')
    expect(name).toMatch(/\.mcap$/)
    const reader = await McapIndexedReader.Initialize({ readable: new TempBuffer(bytes) })
    const topics = [...reader.channelsById.values()].map((channel) => channel.topic)
    expect(topics).toEqual(['/spatial_lens/measurements'])
    const messages = []
    for await (const message of reader.readMessages())
      messages.push(JSON.parse(new TextDecoder().decode(message.data)))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ text: question, value: { number: valueM, unit: 'm' } })
  })

  it('shows newest first after a second answer', async () => {
    const [a] = await objectRows(page)
    const second = `how tall is the ${a.name}`
    await page.getByRole('textbox', { name: 'Question' }).fill(second)
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    await expect.poll(() => rows().count(), { timeout: SCENE_TIMEOUT_MS }).toBe(2)
    expect(await rows().first().locator('td').nth(2).innerText()).toBe(second)
    expect(await rows().nth(1).locator('td').nth(2).innerText()).toBe(question)
    if (process.env.SPATIAL_LENS_SCREENSHOTS === '1') {
      await page.getByRole('button', { name: 'CSV' }).scrollIntoViewIfNeeded()
      await screenshotForDocs(page, 'measurement-log')
    }
  })

  it('Clear asks first; Cancel keeps the log, Clear log empties it', async () => {
    await panel().getByRole('button', { name: 'Clear…' }).click()
    const confirm = panel().getByRole('group', { name: 'Confirm clearing' })
    expect(await confirm.innerText()).toContain('Remove all 2 measurements?')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(await rows().count()).toBe(2)
    await panel().getByRole('button', { name: 'Clear…' }).click()
    await panel().getByRole('button', { name: 'Clear log' }).click()
    await expect.poll(() => rows().count()).toBe(0)
    await expect
      .poll(() => panel().innerText())
      .toContain('Answers and measurements are logged here')
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
