import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { installTinyVilt, tinyViltGraph } from '../helpers/tinyVilt'

// The tiny ViLT (logits [+1, −1] for any image: P(true) = 1/(1+e^2)) in this file's model cache, and a scratch
// home so verdicts never reach the real measurement log.
const models = mkdtempSync(join(tmpdir(), 'spatial-lens-vilt-service-'))
process.env.SPATIAL_LENS_MODELS = models
process.env.SPATIAL_LENS_HOME = mkdtempSync(join(tmpdir(), 'spatial-lens-home-'))
const installed = installTinyVilt(tinyViltGraph([1, -1], [0, 0]), { cache: models })
const service = new SpatialService(new InlineSceneExecutor(), 'serve')
afterAll(async () => {
  await installed.runner.dispose()
  await service.dispose()
})

describe('qa:verify with vilt-vsr installed', () => {
  it('adds the "vilt" vote (the classifier runs through the scene executor)', async () => {
    const result = await service.handle('scene:analyze', { frame: { kind: 'sample' }, regions: [] })
    if (!result.ok) throw new Error(JSON.stringify(result))
    const [a, b] = result.value.summary.objects
    const verified = await service.handle('qa:verify', {
      sceneId: result.value.summary.sceneId,
      statement: `the ${a.name} is left of the ${b.name}`,
    })
    if (!verified.ok) throw new Error(JSON.stringify(verified))
    const vilt = verified.value.votes.find((v) => v.voterId === 'vilt')
    expect(vilt?.verdict).toBe('false')
    expect(vilt?.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 5)
  })

  it('has no "vilt" vote when the executor reports no classifier (null)', async () => {
    class WithoutVilt extends InlineSceneExecutor {
      override classifyRelation = async () => null
    }
    const plain = new SpatialService(new WithoutVilt(), 'serve')
    try {
      const result = await plain.handle('scene:analyze', { frame: { kind: 'sample' }, regions: [] })
      if (!result.ok) throw new Error(JSON.stringify(result))
      const [a, b] = result.value.summary.objects
      const verified = await plain.handle('qa:verify', {
        sceneId: result.value.summary.sceneId,
        statement: `the ${a.name} is left of the ${b.name}`,
      })
      if (!verified.ok) throw new Error(JSON.stringify(verified))
      expect(verified.value.votes.map((v) => v.voterId)).not.toContain('vilt')
    } finally {
      await plain.dispose()
    }
  })
})
