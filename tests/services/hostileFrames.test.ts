import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { MAX_REGIONS, contract } from '../../main/contract/channels'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { craftPng } from '../helpers/craftedPng'

// Hostile frames through the service API (what `serve` and the app call): each is refused at the
// contract or at the file header, before the engine or a decoder spends time or memory on it.

process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
process.env.SPATIAL_LENS_HOME = mkdtempSync(join(tmpdir(), 'spatial-lens-home-'))
const service = new SpatialService(new InlineSceneExecutor(), 'serve')
afterAll(() => service.dispose())

const colorFile = new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_color.png')))
const depthFile = new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_depth.png')))
const intrinsics = {
  width: 640,
  height: 480,
  fx: 525,
  fy: 525,
  cx: 319.5,
  cy: 239.5,
  depthScale: 1000,
}

async function analyzeError(frame: object, regions: object[] = []) {
  const result = await service.handle('scene:analyze', {
    frame: { kind: 'rgbd', name: 'hostile', colorFile, depthFile, intrinsics, ...frame },
    regions,
  })
  expect(result.ok).toBe(false)
  return result.ok ? null : result.error
}

describe('hostile intrinsics are refused at the contract, naming the field', () => {
  it.each([
    ['cx', 1e308, /intrinsics\.cx.*cx must lie within -640 … 1280 px/],
    ['cy', -1e308, /intrinsics\.cy.*cy must lie within -480 … 960 px/],
    ['fx', 1e-12, /intrinsics\.fx.*field of view between 1° and 179°.*got 1e-12/],
    ['fy', 1e308, /intrinsics\.fy.*field of view/],
    ['fx', Number.POSITIVE_INFINITY, /intrinsics\.fx/],
    ['cx', Number.NaN, /intrinsics\.cx/],
    ['width', 1e9, /intrinsics\.width.*at most 100000 pixels/],
    ['depthScale', 1e308, /intrinsics\.depthScale.*between 0\.001 and 1000000/],
  ])('%s = %s', async (field, value, message) => {
    const error = await analyzeError({ intrinsics: { ...intrinsics, [field]: value } })
    expect(error?.message).toMatch(message)
    expect(error?.field).toBe(`frame.intrinsics.${field}`)
  })

  it('a depthScale beside the intrinsics too', async () => {
    const error = await analyzeError({ depthScale: 1e-300 })
    expect(error?.field).toBe('frame.depthScale')
  })

  it('accepts real cameras at the ends of the range: a 178° fisheye, a 1.5° telephoto, a crop with cx off the image', () => {
    // fx = 320 / tan(89°) ≈ 5.6 px is 178°; 320 / tan(0.75°) ≈ 24446 px is 1.5° (hand-computed).
    for (const k of [{ fx: 5.6 }, { fx: 24446 }, { cx: -100, cy: 900 }]) {
      const input = {
        frame: { kind: 'rgbd', colorFile, intrinsics: { ...intrinsics, ...k } },
        regions: [],
      }
      expect(contract['scene:analyze'].input.safeParse(input).success).toBe(true)
    }
  })
})

describe('hostile regions', () => {
  it(`more than ${MAX_REGIONS} regions`, async () => {
    const regions = Array.from({ length: MAX_REGIONS + 1 }, (_, i) => ({
      label: `r${i}`,
      point: [1, 1],
    }))
    const error = await analyzeError({}, regions)
    expect(error?.field).toBe('regions')
    expect(error?.message).toMatch(/regions/)
  })

  it('coordinates that are not in any image', async () => {
    const error = await analyzeError({}, [{ label: 'far', box: [0, 0, 1e300, 10] }])
    expect(error?.field).toBe('regions.0.box.2')
  })
})

describe('images over the pixel limit are refused from their header', () => {
  it('a 450-byte colour + depth pair (254 + 196 B) declaring 15000²', async () => {
    const big = { width: 15000, height: 15000, fx: 12000, fy: 12000, cx: 7500, cy: 7500 }
    const before = process.memoryUsage().rss
    const error = await analyzeError({
      colorFile: craftPng(15000, 15000, { kind: 'rgb8' }),
      depthFile: craftPng(15000, 15000, { kind: 'depth16' }),
      intrinsics: big,
    })
    expect(error?.message).toMatch(
      /declares 15000×15000 = 225\.0 M pixels, over the limit of 40\.0 M/,
    )
    // Refused before any pixel buffer: far less than the 225 M × 3 bytes the colour alone would take.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('a region mask PNG declaring 15000²', async () => {
    const maskPng = craftPng(15000, 15000, { kind: 'rgb8' })
    const error = await analyzeError({}, [{ label: 'mask', maskPng }])
    expect(error?.message).toMatch(/region 1 \("mask"\) mask declares 15000×15000/)
  })

  it('2D detection of an image declaring 15000²', async () => {
    const result = await service.handle('perception:detect2d', {
      image: craftPng(15000, 15000, { kind: 'rgb8' }),
    })
    expect(result.ok ? null : result.error.message).toMatch(/declares 15000×15000/)
  })

  it('the limit is configurable (SPATIAL_LENS_MAX_IMAGE_PIXELS): a real 640×480 frame over a 0.3 MP limit', async () => {
    process.env.SPATIAL_LENS_MAX_IMAGE_PIXELS = '300000'
    try {
      const error = await analyzeError({})
      expect(error?.message).toMatch(/declares 640×480 = 307200 pixels, over the limit of 300000/)
    } finally {
      delete process.env.SPATIAL_LENS_MAX_IMAGE_PIXELS
    }
  })
})

describe('hostile point clouds', () => {
  it('POINTS 1e10 in an ascii PCD: one clear message, no doubled prefix', async () => {
    const header =
      'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 10000000000\nHEIGHT 1\nPOINTS 10000000000\nDATA ascii\n0 0 0\n'
    const result = await service.handle('scene:analyze', {
      frame: { kind: 'pcd', name: 'huge.pcd', pcdFile: new TextEncoder().encode(header) },
      regions: [],
    })
    const message = result.ok ? '' : result.error.message
    expect(message).toMatch(/^huge\.pcd declares 10000000000 points, over the limit of 40000000/)
    expect(message).not.toMatch(/unexpected error/)
  })
})
