import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WorkerSceneExecutor } from '../../main/services/sceneExecutor'
import { ERROR_CODES } from '../../main/contract/channels'
import { UserError } from '../../main/app/userError'

// The worker pool the hosts use (the built out/main/scene.worker.js): 2D detection runs there too,
// and error codes survive the thread boundary.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const workerPath = join(repoRoot, 'out', 'main', 'scene.worker.js')
const sampleDirectory = join(repoRoot, 'samples', 'pcl-kinect-laptop')

describe('WorkerSceneExecutor (scene worker threads)', () => {
  let executor: WorkerSceneExecutor
  const models = mkdtempSync(join(tmpdir(), 'spatial-lens-worker-models-'))
  const previousModels = process.env.SPATIAL_LENS_MODELS

  beforeAll(() => {
    if (!existsSync(workerPath))
      throw new Error(`${workerPath} is missing: run \`npm run build\` first`)
    // Workers inherit the environment at creation: an empty model cache (no depth model).
    process.env.SPATIAL_LENS_MODELS = models
    executor = new WorkerSceneExecutor(workerPath, 1)
  })

  afterAll(async () => {
    await executor?.dispose()
    if (previousModels === undefined) delete process.env.SPATIAL_LENS_MODELS
    else process.env.SPATIAL_LENS_MODELS = previousModels
    rmSync(models, { recursive: true, force: true })
  })

  it('runs 2D detection in the worker and validates the reply', async () => {
    const image = new Uint8Array(readFileSync(join(sampleDirectory, 'color.png')))
    const result = await executor.detect2d({
      image,
      name: 'color.png',
      perception: { provider: 'cpu' },
    })
    expect([result.width, result.height]).toEqual([640, 480])
    expect(result.detections.map((d) => d.label)).toContain('laptop')
    expect(result.step?.provider).toBe('cpu')
  })

  it('carries the depth-model-missing code back from the worker', async () => {
    const colorFile = new Uint8Array(readFileSync(join(sampleDirectory, 'color.png')))
    const intrinsics = JSON.parse(readFileSync(join(sampleDirectory, 'intrinsics.json'), 'utf8'))
    const failure = await executor
      .analyze(
        { frame: { kind: 'rgbd', name: 'webcam', colorFile, intrinsics }, regions: [] },
        'scene-1',
      )
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(failure).toBeInstanceOf(UserError)
    expect((failure as UserError).code).toBe(ERROR_CODES.depthModelMissing)
    expect((failure as Error).message).toMatch(/spatial-lens models download/)
  })
})
