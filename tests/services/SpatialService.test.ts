import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { ERROR_CODES, channels, contract } from '../../main/contract/channels'
import { FIXTURES, SYNTHETIC } from '../helpers/syntheticTabletop'

// An empty model cache, so the colour-only case is the same on every machine; a scratch home, so
// the answers these tests log never reach the real measurement log.
process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
process.env.SPATIAL_LENS_HOME = mkdtempSync(join(tmpdir(), 'spatial-lens-home-'))
const service = new SpatialService(new InlineSceneExecutor(), 'serve')
const SAMPLE = join(FIXTURES, '..', '..', 'samples', 'pcl-kinect-laptop')
afterAll(() => service.dispose())

const syntheticFrame = {
  kind: 'rgbd' as const,
  name: 'synthetic',
  colorFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_color.png'))),
  depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_depth.png'))),
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5, depthScale: 1000 },
}

describe('SpatialService (the services behind IPC, WebSocket and CLI)', () => {
  it('analyzes the embedded sample and answers questions about it', async () => {
    const result = await service.handle('scene:analyze', { frame: { kind: 'sample' }, regions: [] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { summary, cloud } = result.value
    expect(summary.objects.length).toBeGreaterThanOrEqual(2)
    expect(cloud.positionsInWorld.length).toBe(cloud.colors.length)
    expect(cloud.objectOfPoint.length * 3).toBe(cloud.positionsInWorld.length)
    const [a, b] = summary.objects
    const answer = await service.handle('qa:ask', {
      sceneId: summary.sceneId,
      question: `how far is the ${a.name} from the ${b.name}`,
    })
    expect(answer.ok).toBe(true)
    if (answer.ok) {
      expect(answer.value.unit).toBe('m')
      expect(answer.value.value as number).toBeGreaterThan(0)
    }
  })

  it("labels the sample's objects with the built-in detector and reports what ran", async () => {
    const result = await service.handle('scene:analyze', { frame: { kind: 'sample' }, regions: [] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { summary } = result.value
    expect(summary.objects.map((o) => o.label)).toContain('laptop')
    expect(summary.perception?.steps.map((s) => `${s.stage}:${s.modelId}:${s.provider}`)).toEqual([
      'detection:nanodet-m:cpu',
    ])
    const laptop = summary.objects.find((o) => o.label === 'laptop')!
    expect(laptop.sizeM.width).toBeGreaterThan(0.28)
    expect(laptop.sizeM.width).toBeLessThan(0.42)
  })

  it('analyzes an uploaded RGB-D frame with exactly the given regions when the detector is off', async () => {
    const result = await service.handle('scene:analyze', {
      frame: syntheticFrame,
      regions: [
        { label: 'bottle', point: [330, 160] },
        { label: 'laptop', box: [120, 120, 260, 200] },
      ],
      perception: { detector: 'none' },
    })
    expect(result.ok).toBe(true)
    if (result.ok)
      expect(result.value.summary.objects.map((o) => o.name).sort()).toEqual(['bottle', 'laptop'])
  })

  it('analyzes an uploaded PCD', async () => {
    const pcdFile = new Uint8Array(
      readFileSync(join(FIXTURES, 'pcl-kinect', 'pcd', 'table_scene_mug_stereo_textured.pcd')),
    )
    const result = await service.handle('scene:analyze', {
      frame: { kind: 'pcd', name: 'mug.pcd', pcdFile },
      regions: [],
    })
    expect(result.ok).toBe(true)
  })

  it.each(channels)(
    'rejects invalid input on %s with an error naming the field',
    async (channel) => {
      const result = await service.handle(channel, { bogus: 1 })
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.error.message).toMatch(new RegExp(`^${channel}: (invalid|unexpected field)`))
    },
  )

  it('names the bad field deep inside a message', async () => {
    const result = await service.handle('scene:analyze', {
      frame: { ...syntheticFrame, intrinsics: { ...syntheticFrame.intrinsics, fx: -1 } },
      regions: [],
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.field).toBe('frame.intrinsics.fx')
  })

  it('says which command installs a missing depth model for a colour-only frame', async () => {
    const { depthFile: _depth, ...colourOnly } = syntheticFrame
    const result = await service.handle('scene:analyze', { frame: colourOnly, regions: [] })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/spatial-lens models download depth-anything/)
      // A code the app reacts to (live webcam: show 2D only), separate from the wording.
      expect(result.error.code).toBe(ERROR_CODES.depthModelMissing)
    }
  })

  it('gives the same code when the chosen depth model is not installed', async () => {
    const { depthFile: _depth, ...colourOnly } = syntheticFrame
    const result = await service.handle('scene:analyze', {
      frame: colourOnly,
      regions: [],
      perception: { depthModel: 'metric3d-vit-small' },
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/spatial-lens models download metric3d-vit-small/)
      expect(result.error.code).toBe(ERROR_CODES.depthModelMissing)
    }
  })

  it('detects objects in a colour image alone (perception:detect2d): boxes in its pixels', async () => {
    const image = new Uint8Array(readFileSync(join(SAMPLE, 'color.png')))
    const result = await service.handle('perception:detect2d', {
      image,
      perception: { provider: 'cpu' },
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { width, height, detections, step } = result.value
    expect([width, height]).toEqual([640, 480])
    expect(step).toMatchObject({ stage: 'detection', modelId: 'nanodet-m', provider: 'cpu' })
    const laptop = detections.find((d) => d.label === 'laptop')
    expect(laptop).toBeDefined()
    const [x0, y0, x1, y1] = laptop!.box
    expect(0 <= x0 && x0 < x1 && x1 <= width && 0 <= y0 && y0 < y1 && y1 <= height).toBe(true)
    expect(laptop!.score).toBeGreaterThan(0.35)
  })

  it('runs no detector for 2D detection when the settings say none', async () => {
    const image = new Uint8Array(readFileSync(join(SAMPLE, 'color.png')))
    const result = await service.handle('perception:detect2d', {
      image,
      perception: { detector: 'none' },
    })
    expect(result.ok).toBe(true)
    if (result.ok)
      expect(result.value).toEqual({ width: 640, height: 480, detections: [], step: null })
  })

  it('turns an unreadable 2D-detection image into one line naming it', async () => {
    const result = await service.handle('perception:detect2d', {
      image: new Uint8Array([1, 2, 3]),
      name: 'webcam frame',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/^webcam frame is not a readable image/)
      expect(result.error.code).toBeUndefined()
    }
  })

  it('turns bad files into one user-facing line', async () => {
    const result = await service.handle('scene:analyze', {
      frame: { ...syntheticFrame, colorFile: new Uint8Array([1, 2, 3]) },
      regions: [],
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/colour/)
      expect(result.error.message).not.toMatch(/\n/)
    }
  })

  it('says when a scene is no longer loaded', async () => {
    const result = await service.handle('qa:ask', {
      sceneId: 'missing',
      question: 'how tall is the mug',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/load the frame again/)
  })

  it('rejects unknown channels', async () => {
    const result = await service.handle('scene:delete' as never, {})
    expect(result.ok).toBe(false)
  })

  it('checks every channel’s input against its contract schema before running anything', async () => {
    // Was: toBeDefined() on contract[channel] for channel of Object.keys(contract), which cannot fail.
    for (const channel of channels) {
      const result = await service.handle(channel, 42)
      expect(result, channel).toEqual({
        ok: false,
        error: { message: expect.stringMatching(new RegExp(`^${channel}: invalid message: `)) },
        cause: 'user',
      })
      expect(contract[channel].input.safeParse(42).success).toBe(false)
    }
  })
})
