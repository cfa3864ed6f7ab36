import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { SYNTHETIC } from '../helpers/syntheticTabletop'

// The kept-scene cache has a byte budget, not only a count. A 320×240 scene keeps at least its
// depth (320·240·4 = 307200 B) and its image (320·240·3 = 230400 B): 537600 B. Under a budget of
// 1.6 MB two fit (with room for their object masks) and a third (≥ 1612800 B) pushes the oldest out.

process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
const home = mkdtempSync(join(tmpdir(), 'spatial-lens-home-'))
const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
  sceneCacheBytes: 1_600_000,
  log: new MeasurementLog({ path: join(home, 'log.jsonl') }),
})
afterAll(() => service.dispose())

const frame = {
  kind: 'rgbd' as const,
  name: 'small',
  colorFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_320x240_color.png'))),
  depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'))),
  intrinsics: {
    width: 320,
    height: 240,
    fx: 262.5,
    fy: 262.5,
    cx: 159.5,
    cy: 119.5,
    depthScale: 1000,
  },
}

async function analyze(): Promise<string> {
  const result = await service.handle('scene:analyze', {
    frame,
    regions: [],
    perception: { detector: 'none' },
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.summary.sceneId
}

const isKept = async (sceneId: string) =>
  (await service.handle('scene:pointAt', { sceneId, pixel: [160, 200] })).ok

describe('kept scenes: a byte budget', () => {
  it('drops the oldest scene once the budget is passed, long before the count limit of 16', async () => {
    const first = await analyze()
    const second = await analyze()
    expect([await isKept(first), await isKept(second)]).toEqual([true, true])
    const third = await analyze()
    expect([await isKept(first), await isKept(second), await isKept(third)]).toEqual([
      false,
      true,
      true,
    ])
    const gone = await service.handle('qa:ask', {
      sceneId: first,
      question: 'how many objects are there',
    })
    expect(gone.ok ? '' : gone.error.message).toMatch(
      /is not loaded any more: load the frame again/,
    )
  }, 60_000)
})
