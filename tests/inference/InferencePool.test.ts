import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InferencePool } from '../../main/inference/InferencePool'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { ModelError } from '../../main/inference/ModelError'
import type { TensorData } from '../../main/inference/types'
import {
  buildWorker,
  filledImage,
  NANODET,
  NANODET_INPUT,
  NANODET_OUTPUTS,
  nanodetInput,
  tempDir,
  TINY_DETECTOR,
  writeTinyModel,
} from './fixtures'

const { dir, cleanup } = tempDir('pool')
let worker: Awaited<ReturnType<typeof buildWorker>>
let pool: InferencePool
let tiny: string
const lines: string[] = []

beforeAll(async () => {
  worker = await buildWorker()
  tiny = writeTinyModel(dir, 'tiny-detector', TINY_DETECTOR)
  pool = new InferencePool(worker.workerPath, {
    size: 2,
    intraOpNumThreads: 1,
    log: (line) => lines.push(line),
  })
})
afterAll(async () => {
  await pool.dispose()
  worker.cleanup()
  cleanup()
})

describe('InferencePool (worker threads, CPU)', () => {
  it('runs a tiny model in a worker and returns plain tensors', async () => {
    const result = await pool.run(tiny, { image: filledImage(3) }, { providers: ['cpu'] })
    expect(result.provider).toBe('cpu')
    expect(Array.from(result.outputs.scores.data as Float32Array)).toEqual(
      [3.1, 3.2, 3.3, 3.4].map(Math.fround),
    )
    expect(result.outputs.labels).toEqual({
      type: 'int64',
      dims: [1, 2],
      data: BigInt64Array.of(3n, 7n),
    })
    expect(await pool.describe(tiny)).toEqual(await new InlineModelRunner().describe(tiny))
  })

  it('transfers whole input buffers (detached after the call) and copies views', async () => {
    const image = filledImage(1)
    const backing = new Float32Array(1000).fill(2)
    const view: TensorData = {
      type: 'float32',
      dims: [1, 3, 4, 4],
      data: backing.subarray(100, 148),
    }
    const [a, b] = await Promise.all([
      pool.run(tiny, { image }, { providers: ['cpu'] }),
      pool.run(tiny, { image: view }, { providers: ['cpu'] }),
    ])
    expect(image.data.length).toBe(0)
    expect(backing.length).toBe(1000)
    expect((a.outputs.scores.data as Float32Array)[0]).toBeCloseTo(1.1, 6)
    expect((b.outputs.scores.data as Float32Array)[0]).toBeCloseTo(2.1, 6)
  })

  it('runs NanoDet-m: provider, output names and dims, same numbers as the inline runner', async () => {
    const inline = new InlineModelRunner({ intraOpNumThreads: 1 })
    const expected = await inline.run(
      NANODET,
      { [NANODET_INPUT]: nanodetInput() },
      { providers: ['cpu'] },
    )
    await inline.dispose()
    const result = await pool.run(
      NANODET,
      { [NANODET_INPUT]: nanodetInput() },
      { providers: ['cpu'] },
    )
    expect(result.provider).toBe('cpu')
    expect(Object.keys(result.outputs).sort()).toEqual(Object.keys(NANODET_OUTPUTS).sort())
    for (const [name, dims] of Object.entries(NANODET_OUTPUTS)) {
      expect(result.outputs[name].dims).toEqual(dims)
      const got = result.outputs[name].data as Float32Array
      const want = expected.outputs[name].data as Float32Array
      expect(got.length).toBe(want.length)
      expect(got.every((v, i) => Math.abs(v - want[i]) < 1e-5)).toBe(true)
    }
  })

  it('runs several requests in parallel on up to `size` workers, each answer matching its input', async () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7]
    const results = await Promise.all(
      values.map((v) => pool.run(tiny, { image: filledImage(v) }, { providers: ['cpu'] })),
    )
    results.forEach((r, i) =>
      expect((r.outputs.scores.data as Float32Array)[3]).toBeCloseTo(values[i] + 0.4, 5),
    )
    expect(pool.workerCount).toBe(2)
  })

  it('carries ModelErrors across the thread boundary, with the pool’s install hint', async () => {
    const missing = join(dir, 'metric3d', 'model.onnx')
    await expect(pool.run(missing, { image: filledImage(0) })).rejects.toThrow(
      'model metric3d is not installed (no file at ' +
        missing +
        '): run `npx spatial-lens models download metric3d`',
    )
    const hinted = new InferencePool(worker.workerPath, {
      size: 1,
      installHint: () => ({
        modelId: 'metric3d-vit-s',
        command: 'spatial-lens models download metric3d-vit-s',
      }),
    })
    const error = await hinted.describe(missing).catch((e: unknown) => e)
    await hinted.dispose()
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).kind).toBe('missing')
    expect((error as ModelError).message).toMatch(/^model metric3d-vit-s is not installed/)
    const wrongShape = await pool
      .run(tiny, { image: { type: 'float32', dims: [2, 3, 1, 1], data: new Float32Array(6) } })
      .catch((e: unknown) => e)
    expect(wrongShape).toBeInstanceOf(ModelError)
    expect((wrongShape as ModelError).kind).toBe('input')
  })

  it('logs a provider fallback once and rejects a provider that cannot run', async () => {
    const fallback = await pool.run(tiny, { image: filledImage(0) }, { providers: ['cuda', 'cpu'] })
    expect(fallback.provider).toBe('cpu')
    expect(lines.filter((l) => l.startsWith('cuda unavailable'))).toHaveLength(1)
    await expect(
      pool.run(tiny, { image: filledImage(0) }, { providers: ['cuda'] }),
    ).rejects.toThrow(/^execution provider cuda unavailable/)
  })

  it('rejects with one line when a worker crashes or sends a malformed reply', async () => {
    const crashing = join(dir, 'crashing.worker.mjs')
    writeFileSync(crashing, "throw new Error('native module failed to load')\n")
    const broken = new InferencePool(crashing, { size: 1 })
    await expect(broken.run(tiny, { image: filledImage(0) })).rejects.toThrow(
      /^inference worker crashed: native module failed to load: retry/,
    )
    await broken.dispose()
    const lying = join(dir, 'lying.worker.mjs')
    writeFileSync(
      lying,
      [
        "import { parentPort } from 'node:worker_threads'",
        "parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, type: 'run', ok: true, result: {",
        "  outputs: { y: { type: 'float32', dims: [2], data: new Float32Array(3) } }, provider: 'cpu', inferenceMs: 1 } }))",
      ].join('\n'),
    )
    const liar = new InferencePool(lying, { size: 1 })
    await expect(liar.run(tiny, { image: filledImage(0) })).rejects.toThrow(
      /^inference worker sent a malformed reply at result\.outputs\.y: tensor 'tensor' has 3 elements but dims \[2\] need 2$/,
    )
    await liar.dispose()
  })

  it('dispose lets running requests finish, rejects later ones and terminates the workers', async () => {
    const own = new InferencePool(worker.workerPath, { size: 1 })
    const running = own.run(tiny, { image: filledImage(5) }, { providers: ['cpu'] })
    const queued = own
      .run(tiny, { image: filledImage(6) }, { providers: ['cpu'] })
      .catch((e: unknown) => e)
    await own.dispose()
    expect((await running).provider).toBe('cpu')
    expect(await queued).toEqual(new Error('inference pool disposed'))
    await expect(own.run(tiny, { image: filledImage(0) })).rejects.toThrow(
      'inference pool disposed',
    )
    expect(own.workerCount).toBe(0)
    await own.dispose()
  })
})
