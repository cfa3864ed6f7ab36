import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WorkerSceneExecutor } from '../../main/workers/sceneExecutor'
import { ERROR_CODES } from '../../main/contract/channels'
import { UserError } from '../../main/app/userError'

// The worker pool the hosts use (the built out/main/scene.worker.js): the engine scene crosses and
// passes the contract's check, 2D detection runs there too, the worker refuses a request of the
// wrong shape naming the field, and error codes survive the thread boundary.

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

  it('analyses the sample and hands back the engine scene, checked on arrival', async () => {
    const computed = await executor.analyze({ frame: { kind: 'sample' }, regions: [] }, 'scene-9')
    expect(computed.summary.sceneId).toBe('scene-9')
    expect(computed.scene.worldFromCamera).toBeInstanceOf(Float64Array)
    expect(computed.scene.objects.length).toBe(computed.summary.objects.length)
    const pixels = computed.scene.intrinsics.width * computed.scene.intrinsics.height
    for (const object of computed.scene.objects) {
      expect(object.pixelIndices).toBeInstanceOf(Uint32Array)
      expect(object.pixelIndices.length).toBeGreaterThan(0)
      expect(object.pixelIndices.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(pixels)
    }
    expect(computed.depth.data.length).toBe(pixels)
  })

  it('refuses a request of the wrong shape in the worker, naming the field', async () => {
    const torn = { width: 2, height: 2, data: new Uint8Array(5) }
    const failure = await executor
      .send('relation:classify', { image: torn, caption: 'the cup is left of the laptop' })
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(failure).toBeInstanceOf(UserError)
    expect((failure as Error).message).toBe(
      'invalid image: the image data is not width × height × 3 bytes',
    )
  })
})
