import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WorkerSceneExecutor } from '../../main/workers/sceneExecutor'
import { installTinyVilt, tinyViltGraph } from '../helpers/tinyVilt'

// relation:classify in the built scene worker (out/main/scene.worker.js), with the tiny ViLT installed in the
// model cache the worker inherits: logits [−1, +1]·mean(pixel_values), so white → 1/(1+e^−2).
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const workerPath = join(repoRoot, 'out', 'main', 'scene.worker.js')

describe('WorkerSceneExecutor.classifyRelation', () => {
  let executor: WorkerSceneExecutor
  const models = mkdtempSync(join(tmpdir(), 'spatial-lens-worker-vilt-'))
  const previousModels = process.env.SPATIAL_LENS_MODELS

  beforeAll(async () => {
    if (!existsSync(workerPath))
      throw new Error(`${workerPath} is missing: run \`npm run build\` first`)
    await installTinyVilt(tinyViltGraph([0, 0], [-1, 1]), { cache: models }).runner.dispose()
    process.env.SPATIAL_LENS_MODELS = models
    executor = new WorkerSceneExecutor(workerPath, 1)
  })

  afterAll(async () => {
    await executor?.dispose()
    if (previousModels === undefined) delete process.env.SPATIAL_LENS_MODELS
    else process.env.SPATIAL_LENS_MODELS = previousModels
    rmSync(models, { recursive: true, force: true })
  })

  it('runs the installed classifier in the worker and returns P(true)', async () => {
    const white = { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3).fill(255) }
    const p = await executor.classifyRelation({
      provider: 'cpu',
      image: white,
      caption: 'The cat is on the table.',
    })
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-2)), 5)
  })

  it('refuses a malformed request at the worker', async () => {
    const bad = { width: 8, height: 8, data: new Uint8Array(5) }
    await expect(executor.classifyRelation({ image: bad, caption: 'x' })).rejects.toThrow(
      /not width × height × 3 bytes/,
    )
  })
})
