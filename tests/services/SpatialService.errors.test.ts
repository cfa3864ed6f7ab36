import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import type { AnalyzeRequest, SceneComputation } from '../../main/frames/analyzeFrame'
import { UserError } from '../../main/app/userError'
import { mugAndLaptopAnalyzeInput } from '../helpers/syntheticTabletop'

// Who is to blame for a failure: our own output breaking our own schema is a bug in Spatial Lens
// (logged, marked unexpected, no code), never shown to the user as if their input were invalid.

process.env.SPATIAL_LENS_HOME = mkdtempSync(join(tmpdir(), 'spatial-lens-home-'))
process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))

type Corruption = 'none' | 'summary' | 'scene' | 'coded'

/** The real inline executor, with one corruption of its result (what a bug in the engine would give). */
class CorruptingExecutor extends InlineSceneExecutor {
  corruption: Corruption = 'none'

  override async analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    if (this.corruption === 'coded') throw new UserError('no depth model', { code: 'SOME_CODE' })
    const computed = await super.analyze(request, sceneId)
    if (this.corruption === 'summary') computed.summary.objects[0].sizeM.width = Number.NaN
    if (this.corruption === 'scene') {
      // A copy: the summary shares the engine's arrays, and only the kept scene is to break.
      const [first, ...rest] = computed.scene.objects
      const centerInWorld: [number, number, number] = [
        Number.NaN,
        first.centerInWorld[1],
        first.centerInWorld[2],
      ]
      computed.scene = { ...computed.scene, objects: [{ ...first, centerInWorld }, ...rest] }
    }
    return computed
  }
}

const executor = new CorruptingExecutor()
const service = new SpatialService(executor, 'serve')
afterAll(() => service.dispose())
afterEach(() => {
  executor.corruption = 'none'
  vi.restoreAllMocks()
})

async function analyzedSceneId(): Promise<string> {
  const result = await service.handle('scene:analyze', mugAndLaptopAnalyzeInput())
  if (!result.ok) throw new Error(result.error.message)
  return result.value.summary.sceneId
}

describe('SpatialService: whose mistake a failure is', () => {
  it('a reply that breaks the reply schema is reported as a bug in Spatial Lens, with the field', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    executor.corruption = 'summary'
    const result = await service.handle('scene:analyze', mugAndLaptopAnalyzeInput())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toContain('this is a bug in Spatial Lens')
    expect(result.error.field).toBe('summary.objects.0.sizeM.width')
    expect(result.error.code).toBeUndefined()
    expect(result.cause).toBe('internal')
    expect(log).toHaveBeenCalled()
  })

  it("a ZodError thrown inside a handler by our own schema is unexpected, not the user's invalid input", async () => {
    executor.corruption = 'scene'
    const sceneId = await analyzedSceneId()
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    // qa:ask parses the engine's answer with the answer schema; the corrupted object centre fails it.
    const result = await service.handle('qa:ask', { sceneId, question: 'how wide is the mug' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toMatch(/^unexpected error: invalid objects\.0\.centerInWorld/)
    expect(result.error.code).toBeUndefined()
    expect(result.cause).toBe('internal')
    expect(log).toHaveBeenCalledWith('[spatial-lens] qa:ask failed:', expect.anything())
  })

  it("the user's invalid input names the field and is not logged as a failure", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = await service.handle('qa:ask', { sceneId: 'x', question: '' })
    expect(result).toMatchObject({ ok: false, error: { field: 'question' }, cause: 'user' })
    if (!result.ok) expect(result.error.message).not.toContain('unexpected')
    expect(log).not.toHaveBeenCalled()
  })

  it('a user error keeps its message and code, and is not logged as a failure', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    executor.corruption = 'coded'
    const result = await service.handle('scene:analyze', mugAndLaptopAnalyzeInput())
    expect(result).toEqual({
      ok: false,
      error: { message: 'no depth model', code: 'SOME_CODE' },
      cause: 'user',
    })
    expect(log).not.toHaveBeenCalled()
  })

  it('a channel name that is an Object property is unknown, not a crash', async () => {
    const result = await service.handle('constructor' as 'app:info', {})
    expect(result).toEqual({
      ok: false,
      error: { message: 'unknown channel "constructor"' },
      cause: 'user',
    })
  })
})
