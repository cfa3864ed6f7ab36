import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { sampleFramePaths } from '../../main/app/paths'
import { loadRgbdFrame } from '../../main/sources/rgbdFrame'
import { parsePcd, pcdToFrame } from '../../main/sources/pcd'
import type { Vec3 } from '../../main/engine/types'
import { launchChromium } from './launchChromium'
import {
  SCENE_TIMEOUT_MS,
  debugValue,
  newPageWithSettings,
  objectRows,
  openRgbdFrame,
  sceneGraphNames,
  screenPointOf,
  waitForDebugAtLeast,
  clientOf,
  imageCanvas,
  metresIn,
  screenshotForDocs,
  waitUntilSteady,
} from './pageHelpers'
import { assertRendererBuilt, startServeProcess, type ServeProcess } from './serveProcess'

// End-to-end: the image view (regions by click and drag) and Measure mode (3D and image), on the
// real `serve` process in headless Chromium. Reference numbers come from an in-process
// SpatialService analysing the same frame with the same settings (the engine, not hard-coded).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const fixtures = join(repoRoot, 'tests', 'fixtures')
const PERCEPTION = { provider: 'cpu' as const }

/** The page's DOM, typed here: the Node tsconfig has no DOM library. */
interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
  }
}
interface DocumentGlobal {
  document: { querySelector(selector: string): CanvasLike | null }
}

/** The UI prints lengths with 2 decimals (cm below 1 m): equal to the engine's value to that. */
function expectSameLength(shown: string, engineM: number): void {
  const tolerance = engineM < 1 ? 0.00005 + 1e-9 : 0.005 + 1e-9
  expect(Math.abs(metresIn(shown) - engineM)).toBeLessThanOrEqual(tolerance)
}

/** The centre of an object's 2D box in the image view, in image coordinates (a pixel centre). */
async function boxCentreInImage(page: Page, name: string): Promise<[number, number]> {
  const { rect, width } = await imageCanvas(page)
  const box = (await page.locator(`[data-image-object="${name}"] rect.image-box`).boundingBox())!
  const scale = rect.width / width
  const x = (box.x + box.width / 2 - rect.x) / scale
  const y = (box.y + box.height / 2 - rect.y) / scale
  return [Math.floor(x) + 0.5, Math.floor(y) + 0.5]
}

/** RGB of the image canvas at a pixel. */
function canvasPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = (globalThis as unknown as DocumentGlobal).document.querySelector(
        'canvas.image-canvas',
      )!
      return Array.from(canvas.getContext('2d').getImageData(px, py, 1, 1).data).slice(0, 3)
    },
    [x, y] as const,
  )
}

async function expectCanvasShows(
  page: Page,
  rgb: Uint8Array,
  width: number,
  height: number,
): Promise<void> {
  const canvas = await imageCanvas(page)
  expect([canvas.width, canvas.height]).toEqual([width, height])
  for (const [x, y] of [
    [5, 5],
    [width / 2, height / 2],
    [width - 7, height - 3],
    [123, 321],
  ]) {
    const i = (y * width + x) * 3
    expect(await canvasPixel(page, x, y)).toEqual([rgb[i], rgb[i + 1], rgb[i + 2]])
  }
}

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** On-screen boxes of the matched elements (client px), in DOM order. */
async function boxesOf(locator: Locator): Promise<Rect[]> {
  const boxes: Rect[] = []
  for (const element of await locator.all()) boxes.push((await element.boundingBox())!)
  return boxes
}

/** No two boxes share area (touching edges, within half a pixel, is not an overlap). */
function expectNoOverlaps(boxes: readonly Rect[]): void {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]]
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
      expect(
        overlapX > 0.5 && overlapY > 0.5,
        `labels ${i} and ${j} overlap: ${JSON.stringify([a, b])}`,
      ).toBe(false)
    }
}

/** Whether a line's bounding box meets a rectangle (its end lies on the rectangle's edge). */
function touches(line: Rect, rect: Rect): boolean {
  const slack = 1.5
  return (
    line.x <= rect.x + rect.width + slack &&
    rect.x <= line.x + line.width + slack &&
    line.y <= rect.y + rect.height + slack &&
    rect.y <= line.y + line.height + slack
  )
}

async function regionLabels(page: Page): Promise<string[]> {
  return page
    .locator('[data-region-label]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-region-label') ?? ''))
}

async function nameRegion(page: Page, label: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Label the region' })
  await form.waitFor()
  await page.keyboard.type(label) // the field has the focus when the form opens
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await objectRows(page)).find((row) => row.name === label), {
      timeout: SCENE_TIMEOUT_MS,
    })
    .toEqual({ name: label, source: 'region' })
}

describe('image view and Measure mode (serve + Chromium)', () => {
  let server: ServeProcess | undefined
  let browser: Browser | undefined
  let page: Page
  const pageErrors: string[] = []
  const models = mkdtempSync(join(tmpdir(), 'spatial-lens-e2e-reference-models-'))
  process.env.SPATIAL_LENS_MODELS = models
  const engine = new SpatialService(new InlineSceneExecutor(), 'serve')
  let referenceSceneId = ''
  let referenceObjects: { name: string; boxInImagePx: number[] | null }[] = []
  let names: string[] = []

  beforeAll(async () => {
    assertRendererBuilt(repoRoot)
    ;[browser, server] = await Promise.all([launchChromium(), startServeProcess(repoRoot)])
    page = await newPageWithSettings(browser, server.url, PERCEPTION, pageErrors)
    await page.goto(server.url)
    const reference = await engine.handle('scene:analyze', {
      frame: { kind: 'sample' },
      regions: [],
      perception: PERCEPTION,
    })
    if (!reference.ok) throw new Error(reference.error.message)
    referenceSceneId = reference.value.summary.sceneId
    referenceObjects = reference.value.summary.objects
    await waitForDebugAtLeast(page, 'pointCount', 1)
    names = (await objectRows(page)).map((row) => row.name)
    expect(names).toEqual(reference.value.summary.objects.map((object) => object.name))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await engine.dispose()
    rmSync(models, { recursive: true, force: true })
  })

  it('switches between 3D, Image and Split with the tabs and the keys 1, 2, 3', async () => {
    const imageView = page.getByRole('region', { name: 'Image view' })
    const viewer3d = page.getByRole('region', { name: '3D view' })
    await page.keyboard.press('2')
    await imageView.waitFor()
    expect(await viewer3d.isVisible()).toBe(false)
    expect(await page.getByRole('tab', { name: 'Image' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    await page.keyboard.press('3')
    await expect.poll(() => viewer3d.isVisible()).toBe(true)
    expect(await imageView.isVisible()).toBe(true)
    await page.getByRole('tab', { name: 'Split' }).press('ArrowLeft')
    await expect.poll(() => imageView.isVisible()).toBe(true)
    expect(await viewer3d.isVisible()).toBe(false)
    await page.keyboard.press('1')
    await expect.poll(() => imageView.count()).toBe(0)
    expect(await viewer3d.isVisible()).toBe(true)
  })

  it("shows the sample's colour image pixel for pixel, with every object's 2D box and name", async () => {
    await page.keyboard.press('2')
    const sample = sampleFramePaths()
    const { data, info } = await sharp(sample.rgbPath)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    await expectCanvasShows(page, new Uint8Array(data), info.width, info.height)
    const drawn = await page
      .locator('[data-image-object]')
      .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-image-object')))
    expect([...drawn].sort()).toEqual([...names].sort())
    // Each box sits where the engine's 2D box is (the lifted pixels' bounds), with the name beside it.
    const { rect, width } = await imageCanvas(page)
    const scale = rect.width / width
    for (const object of referenceObjects) {
      const group = page.locator(`[data-image-object="${object.name}"]`)
      const label = page.locator(`[data-image-label="${object.name}"] .image-label`)
      expect(await label.textContent()).toBe(object.name)
      const drawnBox = (await group.locator('rect.image-box').boundingBox())!
      const inImage = [
        (drawnBox.x - rect.x) / scale,
        (drawnBox.y - rect.y) / scale,
        (drawnBox.x + drawnBox.width - rect.x) / scale,
        (drawnBox.y + drawnBox.height - rect.y) / scale,
      ]
      inImage.forEach((edge, i) =>
        expect(Math.abs(edge - object.boxInImagePx![i])).toBeLessThan(0.5),
      )
    }
    await screenshotForDocs(page, 'image-view')
  })

  it('hovering an object in the image highlights it in the 3D view and in the object panel', async () => {
    const target = names[1]
    const centre = await clientOf(page, await boxCentreInImage(page, target))
    await page.mouse.move(centre.x, centre.y)
    await expect
      .poll(() => page.locator('.box-label[data-emphasis="hover"]').allInnerTexts())
      .toEqual([target])
    expect(await page.locator(`[data-object-name="${target}"][data-hovered="true"]`).count()).toBe(
      1,
    )
    expect(
      await page.locator(`[data-image-object="${target}"]`).getAttribute('data-emphasis'),
    ).toBe('hover')
    // Zoomed in at the pointer, the object under it stays the same, and hovering still finds it.
    await page.mouse.wheel(0, -600)
    await expect.poll(() => page.locator('.image-zoom-value').innerText()).not.toBe('100%')
    const zoomed = await clientOf(page, await boxCentreInImage(page, target))
    expect(Math.hypot(zoomed.x - centre.x, zoomed.y - centre.y)).toBeLessThan(60)
    await page.mouse.move(zoomed.x + 1, zoomed.y + 1)
    expect(
      await page.locator(`[data-image-object="${target}"]`).getAttribute('data-emphasis'),
    ).toBe('hover')
    await page.getByRole('button', { name: 'Fit' }).click()
    expect(await page.locator('.image-zoom-value').innerText()).toBe('100%')
    await page.mouse.move(2, 2)
    await expect.poll(() => page.locator('.box-label[data-emphasis="hover"]').count()).toBe(0)
  })

  it('measures two objects in 3D: the line, and the gap and centre distance the engine computes', async () => {
    await page.keyboard.press('1')
    await page.keyboard.press('m')
    const [a, b] = names
    // The 3D view was just shown again: click once its layout and camera have settled.
    await waitUntilSteady(page, () => Promise.all([a, b].map((name) => screenPointOf(page, name))))
    for (const name of [a, b]) {
      const point = await screenPointOf(page, name)
      await page.mouse.click(point.x, point.y)
    }
    await waitForDebugAtLeast(page, 'measureLines', 1)
    await page.locator('output.measure-result').waitFor({ timeout: SCENE_TIMEOUT_MS })
    const gap = await engine.handle('qa:ask', {
      sceneId: referenceSceneId,
      question: `what is the gap between the ${a} and the ${b}`,
    })
    const centres = await engine.handle('qa:ask', {
      sceneId: referenceSceneId,
      question: `how far is the ${a} from the ${b}`,
    })
    if (!gap.ok || !centres.ok) throw new Error('the engine did not answer')
    const value = await page.locator('.measure-value').innerText()
    expectSameLength(value, gap.value.value as number)
    expect(await page.locator('.measure-label').innerText()).toBe(value) // the label on the 3D line
    const sentence = await page.locator('.measure-text').innerText()
    expectSameLength(
      /centres are (\S+ c?m) apart/.exec(sentence)![1],
      centres.value.value as number,
    )
    // The service logs the measurement; the log panel lists it first (newest first).
    const logged = page
      .getByRole('table', { name: 'Measurement log' })
      .locator('tbody tr[data-kind="measurement"]')
      .first()
    await expect
      .poll(() => logged.innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain(`${a} ↔ ${b}`)
    await screenshotForDocs(page, 'measure')
    // Esc leaves Measure mode and clears its drawing.
    await page.keyboard.press('Escape')
    await expect.poll(() => debugValue<number>(page, 'measureLines')).toBe(0)
    expect(await page.locator('.measure-bar').count()).toBe(0)
  })

  it('measures between two points clicked in the image, and says where there is no depth', async () => {
    await page.keyboard.press('2')
    await page.keyboard.press('m')
    await page.getByRole('radio', { name: 'Points' }).click()
    await waitUntilSteady(page, async () => (await imageCanvas(page)).rect)
    const ends: Vec3[] = []
    for (const name of names.slice(0, 2)) {
      const pointInImage = await boxCentreInImage(page, name)
      const client = await clientOf(page, pointInImage)
      await page.mouse.click(client.x, client.y)
      const reference = await engine.handle('scene:pointAt', {
        sceneId: referenceSceneId,
        pixel: [pointInImage[0] - 0.5, pointInImage[1] - 0.5],
      })
      if (!reference.ok) throw new Error(reference.error.message)
      ends.push(reference.value.pointInWorld)
      await expect.poll(() => debugValue<number>(page, 'measurePoints')).toBe(ends.length)
    }
    await page.locator('output.measure-result').waitFor({ timeout: SCENE_TIMEOUT_MS })
    const distance = Math.hypot(...([0, 1, 2].map((i) => ends[1][i] - ends[0][i]) as Vec3))
    expectSameLength(await page.locator('.measure-value').innerText(), distance)
    expect(await page.locator('.image-measure line').count()).toBe(1)
    // A corner of the sample where the sensor has no depth within two pixels.
    const depth = (await loadRgbdFrame({ ...sampleFramePaths(), cameraId: 'sample' })).depth!
    let hole: [number, number] | null = null
    for (let y = 2; y < 40 && !hole; y++)
      for (let x = 2; x < 40 && !hole; x++) {
        let isEmpty = true
        for (let dy = -3; dy <= 3; dy++)
          for (let dx = -3; dx <= 3; dx++)
            if (depth.data[(y + dy) * depth.width + x + dx] > 0) isEmpty = false
        if (isEmpty) hole = [x + 0.5, y + 0.5]
      }
    const client = await clientOf(page, hole!)
    await page.mouse.click(client.x, client.y)
    await expect
      .poll(() => page.locator('.measure-problem').innerText())
      .toMatch(/^No depth at pixel .* pick a point/)
    await page.keyboard.press('Escape')
  })

  it('a click on an object asks for a label; Enter re-analyses with it as a point region', async () => {
    const target = names.find((name) => name === 'laptop') ?? names[0]
    const client = await clientOf(page, await boxCentreInImage(page, target))
    // Esc cancels the label form without adding anything.
    await page.mouse.click(client.x, client.y)
    await page.getByRole('form', { name: 'Label the region' }).waitFor()
    await page.keyboard.press('Escape')
    expect(await page.getByRole('form', { name: 'Label the region' }).count()).toBe(0)
    expect(await regionLabels(page)).toEqual([])
    await page.mouse.click(client.x, client.y)
    await nameRegion(page, 'my laptop')
    expect(await sceneGraphNames(page)).toContain('my laptop')
    expect(await regionLabels(page)).toEqual(['my laptop'])
    expect(await page.locator('[data-image-object="my laptop"]').count()).toBe(1)
  })

  it('a drag draws a box region; regions stay through re-analyses and can be removed', async () => {
    const book = names.find((name) => name === 'book') ?? names[1]
    const box = (await page.locator(`[data-image-object="${book}"] rect.image-box`).boundingBox())!
    await page.mouse.move(box.x - 6, box.y - 6)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 })
    await page.mouse.move(box.x + box.width + 6, box.y + box.height + 6, { steps: 4 })
    await page.mouse.up()
    await nameRegion(page, 'crate')
    expect(await regionLabels(page)).toEqual(['my laptop', 'crate'])
    expect((await objectRows(page)).map((row) => row.name)).toContain('my laptop')
    // Another detector re-analyses the same frame: the user's regions stay.
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('form', { name: 'Settings' })
    await settings.getByRole('radio', { name: /None — geometry only/ }).check()
    await expect
      .poll(() => page.getByLabel('Scene information').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain('detector: none')
    await settings.getByRole('button', { name: 'Close' }).click()
    const rows = await objectRows(page)
    expect(rows).toContainEqual({ name: 'my laptop', source: 'region' })
    expect(rows).toContainEqual({ name: 'crate', source: 'region' })
    await page.getByRole('button', { name: 'Remove region crate' }).click()
    await expect
      .poll(async () => (await objectRows(page)).map((row) => row.name), {
        timeout: SCENE_TIMEOUT_MS,
      })
      .not.toContain('crate')
    expect(await regionLabels(page)).toEqual(['my laptop'])
    expect((await objectRows(page)).map((row) => row.name)).toContain('my laptop')
  })

  it("shows an uploaded RGB-D frame as it was uploaded, without the previous frame's regions", async () => {
    const tum = join(fixtures, 'tum-open3d')
    const form = await openRgbdFrame(page, {
      color: join(tum, 'TUM_color.png'),
      depth: join(tum, 'TUM_depth.png'),
      intrinsics: join(tum, 'intrinsics.json'),
    })
    await form.getByRole('button', { name: 'Analyze' }).click()
    await expect
      .poll(() => page.getByLabel('Scene information').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain('TUM_color.png')
    const { data, info } = await sharp(join(tum, 'TUM_color.png'))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    await expectCanvasShows(page, new Uint8Array(data), info.width, info.height)
    expect(await regionLabels(page)).toEqual([])
    const rows = await objectRows(page)
    expect(await page.locator('[data-image-object]').count()).toBe(rows.length)
  })

  it('names the many objects of the TUM frame without overlaps, in the image and in 3D', async () => {
    const rows = await objectRows(page)
    expect(rows.length).toBeGreaterThanOrEqual(20) // clutter: dozens of objects
    const imageLabels = page.locator(
      '[data-image-label]:is([data-placement="home"], [data-placement="moved"])',
    )
    const imageRects = () => boxesOf(imageLabels.locator('rect.image-label-bg'))
    await waitUntilSteady(page, imageRects)
    const shown = await imageRects()
    expectNoOverlaps(shown)
    expect(shown.length).toBeGreaterThanOrEqual(8)
    // Names on neighbouring boxes collided: the layout moved some, each with a leader line that
    // runs from its box corner to the name.
    const moved = page.locator('[data-image-label][data-placement="moved"]')
    expect(await moved.count()).toBeGreaterThanOrEqual(1)
    for (const label of await moved.all()) {
      const leader = (await label.locator('line.image-leader').boundingBox())!
      const pill = (await label.locator('rect.image-label-bg').boundingBox())!
      expect(touches(leader, pill)).toBe(true)
    }
    // Hovering (here in the panel) the object of a name that had to move for other names brings
    // the name back to its own spot: the hovered name comes first. The lowest anchor is far from
    // the controls at the top, which no name may cover.
    const anchors = await moved.evaluateAll((labels) =>
      labels.map((label) => ({
        name: label.getAttribute('data-image-label') ?? '',
        y: Number(label.querySelector('line')?.getAttribute('y1')),
      })),
    )
    const movedInImage = anchors.reduce((low, anchor) => (anchor.y > low.y ? anchor : low)).name
    await page.locator(`[data-object-name="${movedInImage}"]`).hover()
    const hoveredInImage = page.locator(`[data-image-label="${movedInImage}"]`)
    await expect.poll(() => hoveredInImage.getAttribute('data-placement')).toBe('home')
    expect(await hoveredInImage.getAttribute('data-emphasis')).toBe('hover')
    expectNoOverlaps(await imageRects())
    await page.mouse.move(2, 2)
    await screenshotForDocs(page, 'image-view-labels')

    await page.keyboard.press('1')
    const boxLabels = page.locator(
      '.box-label:is([data-placement="home"], [data-placement="moved"])',
    )
    await waitUntilSteady(page, () => boxesOf(boxLabels))
    const shown3d = await boxesOf(boxLabels)
    expectNoOverlaps(shown3d)
    expect(shown3d.length).toBeGreaterThanOrEqual(5)
    // The same in 3D, for the lowest moved name (far from the Reset view button).
    const moved3d = await page.locator('.box-label[data-placement="moved"]').all()
    const lowest = await Promise.all(
      moved3d.map(async (label) => ({
        name: (await label.textContent()) ?? '',
        y: (await label.boundingBox())!.y,
      })),
    )
    const movedName = lowest.reduce((low, label) => (label.y > low.y ? label : low)).name
    await page.locator(`[data-object-name="${movedName}"]`).hover()
    const hovered = page.locator('.box-label[data-emphasis="hover"]')
    await expect.poll(() => hovered.getAttribute('data-placement')).toBe('home')
    expect(await hovered.innerText()).toBe(movedName)
    expectNoOverlaps(await boxesOf(boxLabels))
    await screenshotForDocs(page, 'viewer-labels')
    await page.mouse.move(2, 2)
    await page.keyboard.press('2')
  })

  it('shows an organized PCD cloud as an image of its colours, with its objects', async () => {
    await page.keyboard.press('2')
    const path = join(fixtures, 'pcl-kinect', 'pcd', 'milk_cartoon_all_small_clorox.pcd')
    await page.locator('input[name="pcd"]').setInputFiles(path)
    await expect
      .poll(() => page.getByLabel('Scene information').innerText(), { timeout: SCENE_TIMEOUT_MS })
      .toContain('milk_cartoon_all_small_clorox.pcd')
    const frame = pcdToFrame(parsePcd(new Uint8Array(readFileSync(path)), 'milk.pcd'), 'milk.pcd')
    await expectCanvasShows(page, frame.rgb.data, frame.rgb.width, frame.rgb.height)
    const rows = await objectRows(page)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(await page.locator('[data-image-object]').count()).toBe(rows.length)
  })

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([])
  })
})
