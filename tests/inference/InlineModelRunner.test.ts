import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { ModelError } from '../../main/inference/ModelError'
import { checkSignature } from '../../main/inference/signature'
import type { ExecutionProviderName } from '../../main/inference/types'
import {
  filledImage,
  NANODET,
  NANODET_INPUT,
  NANODET_OUTPUTS,
  nanodetInput,
  tempDir,
  TINY_DETECTOR,
  writeTinyModel,
} from './fixtures'

const { dir, cleanup } = tempDir('inline')
const lines: string[] = []
const runner = new InlineModelRunner({ log: (line) => lines.push(line) })
let tiny: string

beforeAll(() => {
  tiny = writeTinyModel(dir, 'tiny-detector', TINY_DETECTOR)
})
afterAll(async () => {
  await runner.dispose()
  cleanup()
})

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ModelError)
  return error as ModelError
}

describe('InlineModelRunner on tiny models', () => {
  it('runs on cpu and returns plain tensors with names, dims, dtypes and values', async () => {
    const result = await runner.run(tiny, { image: filledImage(2) }, { providers: ['cpu'] })
    expect(result.provider).toBe('cpu')
    expect(result.inferenceMs).toBeGreaterThanOrEqual(0)
    expect(Object.keys(result.outputs).sort()).toEqual(['labels', 'scores'])
    const { scores, labels } = result.outputs
    expect(scores.type).toBe('float32')
    expect(scores.dims).toEqual([1, 4])
    expect(Array.from(scores.data as Float32Array)).toEqual([2.1, 2.2, 2.3, 2.4].map(Math.fround))
    expect(labels).toEqual({ type: 'int64', dims: [1, 2], data: BigInt64Array.of(3n, 7n) })
  })

  it('describes a model without running it, dynamic dims by name', async () => {
    expect(await runner.describe(tiny)).toEqual({
      inputs: [{ name: 'image', type: 'float32', dims: [1, 3, 'height', 'width'] }],
      outputs: [
        { name: 'scores', type: 'float32', dims: [1, 4] },
        { name: 'labels', type: 'int64', dims: [1, 'n'] },
      ],
    })
  })

  it('accepts any size on dynamic dims and reuses the session', async () => {
    const result = await runner.run(tiny, { image: filledImage(-1, 5, 7) }, { providers: ['cpu'] })
    expect(Array.from(result.outputs.scores.data as Float32Array)).toEqual(
      [-0.9, -0.8, -0.7, -0.6].map(Math.fround),
    )
  })

  it('rejects an input of the wrong shape, type or name with one clear line', async () => {
    const wrongRank = await rejection(
      runner.run(tiny, {
        image: { type: 'float32', dims: [3, 8, 8], data: new Float32Array(192) },
      }),
    )
    expect(wrongRank.kind).toBe('input')
    expect(wrongRank.message).toBe(
      "model tiny-detector: input 'image' is float32 [3, 8, 8], the model expects float32 [1, 3, height, width]: pass a float32 [1, 3, height, width] tensor",
    )
    const wrongChannels = await rejection(
      runner.run(tiny, {
        image: { type: 'float32', dims: [1, 4, 2, 2], data: new Float32Array(16) },
      }),
    )
    expect(wrongChannels.message).toMatch(
      /float32 \[1, 4, 2, 2\], the model expects float32 \[1, 3, height, width\]/,
    )
    const wrongType = await rejection(
      runner.run(tiny, { image: { type: 'int32', dims: [1, 3, 2, 2], data: new Int32Array(12) } }),
    )
    expect(wrongType.message).toMatch(/is int32 \[1, 3, 2, 2\]/)
    const wrongLength = await rejection(
      runner.run(tiny, {
        image: { type: 'float32', dims: [1, 3, 2, 2], data: new Float32Array(5) },
      }),
    )
    expect(wrongLength.message).toMatch(/has 5 elements but dims \[1, 3, 2, 2\] need 12/)
    const wrongName = await rejection(runner.run(tiny, { pixels: filledImage(0) }))
    expect(wrongName.message).toMatch(/has no input 'pixels'.*'image'/)
    expect(wrongName.message).not.toMatch(/\n/)
  })

  it('says how to install a missing model, naming the model id and command', async () => {
    const missing = join(dir, 'depth-anything-s', 'model.onnx')
    const error = await rejection(runner.run(missing, { image: filledImage(0) }))
    expect(error.kind).toBe('missing')
    expect(error.message).toBe(
      `model depth-anything-s is not installed (no file at ${missing}): run \`npx spatial-lens models download depth-anything-s\``,
    )
    const custom = new InlineModelRunner({
      installHint: () => ({ modelId: 'yolo', command: 'npm run fetch yolo' }),
    })
    const customError = await rejection(custom.describe(missing))
    expect(customError.message).toMatch(
      /^model yolo is not installed .*: run `npm run fetch yolo`$/,
    )
    await custom.dispose()
  })

  it('reports a truncated or empty file as corrupt, with the re-download command', async () => {
    mkdirSync(join(dir, 'nanodet-cut'))
    const truncated = join(dir, 'nanodet-cut', 'nanodet_m.onnx')
    writeFileSync(truncated, readFileSync(NANODET).subarray(0, 1_000_000))
    const error = await rejection(runner.run(truncated, { [NANODET_INPUT]: nanodetInput() }))
    expect(error.kind).toBe('corrupt')
    expect(error.message).toBe(
      `model nanodet-cut at ${truncated} is corrupt or truncated (not a valid ONNX file): download it again with \`npx spatial-lens models download nanodet-cut\``,
    )
    expect(error.detail).toMatch(/protobuf parsing failed/i)
    const empty = join(dir, 'nanodet-cut', 'empty.onnx')
    writeFileSync(empty, new Uint8Array(0))
    expect((await rejection(runner.describe(empty))).kind).toBe('corrupt')
  })

  it('fails clearly on an unavailable requested provider; with cpu after it, falls back with one log line', async () => {
    const fake = new InlineModelRunner({
      log: (line) => lines.push(line),
      prober: {
        isInstalled: () => true,
        probe: async (p) =>
          p === 'webgpu' ? 'Failed to get a WebGPU adapter: No supported adapters' : undefined,
      },
    })
    const fallback = await fake.run(
      tiny,
      { image: filledImage(0) },
      { providers: ['webgpu', 'cpu'] },
    )
    expect(fallback.provider).toBe('cpu')
    await fake.run(tiny, { image: filledImage(0) }, { providers: ['webgpu', 'cpu'] })
    expect(lines.filter((l) => l.includes('webgpu'))).toEqual([
      'webgpu unavailable (no GPU adapter): using cpu',
    ])
    const error = await rejection(
      fake.run(tiny, { image: filledImage(0) }, { providers: ['webgpu'] }),
    )
    expect(error.kind).toBe('provider')
    expect(error.message).toBe(
      'execution provider webgpu unavailable (no GPU adapter): choose another provider, or leave it unset to use the best one available (cpu always works)',
    )
    await fake.dispose()
  })
})

describe('InlineModelRunner on the real NanoDet-m (CPU)', () => {
  it('uses the built-in copy, byte-identical to its recorded SHA-256', () => {
    const recorded = readFileSync(`${NANODET}.sha256`, 'utf8').trim()
    expect(createHash('sha256').update(readFileSync(NANODET)).digest('hex')).toBe(recorded)
  })

  it('has the signature the detector code expects', async () => {
    // Was: only expect(checkSignature(…)).not.toThrow(). The dims follow from NanoDet-m's design: a 416² input,
    // strides 8/16/32 give 52² = 2704, 26² = 676 and 13² = 169 cells; 80 COCO class scores and 4 × 8 = 32 box
    // distribution bins (reg_max 7) per cell.
    const signature = await runner.describe(NANODET)
    expect(signature.inputs).toEqual([
      { name: NANODET_INPUT, type: 'float32', dims: [1, 3, 416, 416] },
    ])
    const dims = Object.fromEntries(signature.outputs.map((o) => [o.name, o.dims]))
    expect(Object.values(dims).sort()).toEqual(
      [
        [1, 2704, 80],
        [1, 676, 80],
        [1, 169, 80],
        [1, 2704, 32],
        [1, 676, 32],
        [1, 169, 32],
      ].sort(),
    )
    expect(dims).toEqual(NANODET_OUTPUTS) // the names the detector reads
    for (const output of signature.outputs) expect(output.type).toBe('float32')
  })

  it('runs on the default providers and on cpu, reporting the provider that ran', async () => {
    const result = await runner.run(
      NANODET,
      { [NANODET_INPUT]: nanodetInput() },
      { providers: ['cpu'] },
    )
    expect(result.provider).toBe('cpu')
    for (const [name, dims] of Object.entries(NANODET_OUTPUTS)) {
      expect(result.outputs[name].dims, name).toEqual(dims)
      expect(result.outputs[name].type).toBe('float32')
    }
    const scores = result.outputs['792'].data as Float32Array
    // Class scores leave the model already in 0..1 (sigmoid inside the graph).
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true)
    expect(scores.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(0)
    const auto = await runner.run(NANODET, { [NANODET_INPUT]: nanodetInput() })
    const providers: ExecutionProviderName[] = ['cuda', 'webgpu', 'cpu']
    expect(providers).toContain(auto.provider)
    if (auto.provider === 'cpu')
      expect(auto.outputs['792'].data).toEqual(result.outputs['792'].data)
  })

  it('rejects a wrong signature against the real file with every mismatch named', async () => {
    const copy = join(dir, 'nanodet-m', 'nanodet_m.onnx')
    mkdirSync(join(dir, 'nanodet-m'), { recursive: true })
    copyFileSync(NANODET, copy)
    const actual = await runner.describe(copy)
    expect(() =>
      checkSignature(
        {
          inputs: [{ name: 'images', type: 'float32', dims: [1, 3, 320, 320] }],
          outputs: [{ name: '792', type: 'float32', dims: [1, 1600, 80] }],
        },
        actual,
        { model: 'nanodet-m', modelPath: copy },
      ),
    ).toThrow(
      "model nanodet-m has the wrong signature: input 'images' missing (model inputs: 'input.1'); output '792' is float32 [1, 2704, 80], expected float32 [1, 1600, 80]; model needs an unexpected input 'input.1' float32 [1, 3, 416, 416]: re-download the model or update its manifest entry",
    )
  })
})
