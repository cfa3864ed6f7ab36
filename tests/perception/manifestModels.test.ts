import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from '../helpers/onnxBuilder'
import { tinyClipTokenizer } from '../helpers/tinyClipTokenizer'
import { bundledManifest } from '../../main/models/manifest'
import { ModelStore } from '../../main/models/ModelStore'
import type { ModelManifest, TensorSpec } from '../../main/contract/manifestSchema'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { ModelFactory } from '../../main/models/modelFactory'
import { loadSyntheticFrame } from '../helpers/syntheticTabletop'
import type { TensorData } from '../../main/inference/types'
import { installTinySmolVlm, stepwiseLogits } from '../helpers/tinySmolVlm'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'
import { smolVlmTokenizerFromJson } from '../../main/inference/models/smolVlmTokenizer'
import { smolVlmPrompt } from '../../main/engine/perception/smolVlmPrompt'

const promptLength = (question: string) =>
  smolVlmTokenizerFromJson(tinySmolVlmTokenizer().tokenizerJson).encode(smolVlmPrompt(question))
    .length

/**
 * Every manifest entry, as a tiny ONNX model with exactly the manifest's signature, installed the
 * way an offline user copies files into the cache, then run through the real path: model store →
 * factory → the model class (pre-processing → runner → post-processing) where the app has one, or
 * the runner alone for the models a later issue wires in (ViLT). SmolVLM's tiny graphs come from
 * tests/vlm (its decoder's outputs must follow the inputs' lengths).
 */
const cache = mkdtempSync(join(tmpdir(), 'spatial-lens-manifest-'))
const runner = new InlineModelRunner()
afterAll(() => runner.dispose())

// Sizes of symbolic dims for the tiny models (the real ones are large).
const SYMBOLIC: Record<string, number> = {
  num_queries: 2,
  point_batch_size: 1,
  num_points: 1,
  num_images: 1,
  num_image_tiles: 1,
}
const dimOf = (dim: number | string, fallback: number) =>
  typeof dim === 'number' ? dim : (SYMBOLIC[dim] ?? fallback)

function tinySpecs(tensors: TensorSpec[]): TinyTensorSpec[] {
  return tensors.map((t) => ({
    name: t.name,
    type: t.dtype === 'float16' ? 'float32' : t.dtype,
    dims: t.dims,
  }))
}

/** Outputs take concrete sizes (symbolic dims as the class will feed them) and a constant value. */
function tinyOutputs(
  tensors: TensorSpec[],
  runtime: (t: TensorSpec) => number[],
  value: (t: TensorSpec) => number,
): TinyOutputSpec[] {
  return tensors.map((t) => ({
    name: t.name,
    type: t.dtype === 'float16' ? 'float32' : t.dtype,
    dims: t.dims,
    runtimeDims: runtime(t),
    value: [value(t)],
  }))
}

const manifest: ModelManifest = bundledManifest()
// The tiny files are not the published ones: drop the published hashes and sizes for this test.
const testManifest: ModelManifest = {
  ...manifest,
  models: manifest.models.map((m) => ({
    ...m,
    install: m.install === 'builtin' ? 'builtin' : 'download',
    files: m.files.map((f) => ({
      ...f,
      sha256: m.install === 'builtin' ? f.sha256 : null,
      bytes: m.install === 'builtin' ? f.bytes : null,
    })),
  })) as ModelManifest['models'],
}
const store = new ModelStore({ manifest: testManifest, cacheDirectory: cache })
const factory = new ModelFactory(runner, store)

function install(modelId: string, path: string, bytes: Uint8Array | string): void {
  const file = join(cache, modelId, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, bytes)
}

function installTiny(
  modelId: string,
  runtime: (t: TensorSpec) => number[],
  value: (t: TensorSpec) => number = () => 1,
): void {
  const entry = manifest.models.find((m) => m.id === modelId)!
  for (const file of entry.files) {
    if (!file.signature) continue
    const model = buildTinyModel({
      inputs: tinySpecs(file.signature.inputs),
      outputs: tinyOutputs(file.signature.outputs, runtime, value),
    })
    install(modelId, file.path, model)
  }
}

const frame = loadSyntheticFrame('320x240')

describe('every manifest model runs through the real path as a tiny model with its exact signature', () => {
  it('lists every model with a complete signature', () => {
    for (const entry of manifest.models) {
      // ONNX graphs carry a signature; tokenizers, configs and llama.cpp GGUF files do not.
      for (const file of entry.files.filter((f) =>
        ['model', 'encoder', 'decoder', 'embeddings'].includes(f.role),
      )) {
        expect(file.signature?.inputs.length, `${entry.id} ${file.path}`).toBeGreaterThan(0)
        expect(file.signature?.outputs.length, `${entry.id} ${file.path}`).toBeGreaterThan(0)
      }
    }
  })

  it.each([
    'depth-anything-v2-small-metric-indoor',
    'depth-anything-v2-small-metric-outdoor',
    'metric3d-vit-small',
  ])('%s predicts metric depth at the frame resolution', async (modelId) => {
    // Output size follows the input (DA-v2: 518-px side rule; Metric3D: the 616 × 1064 canvas).
    installTiny(
      modelId,
      (t) => (t.dims.length === 4 ? [1, 1, 32, 32] : [1, 32, 32]),
      () => 2,
    )
    const model = await factory.depth(modelId)
    const prediction = await model.predict(frame.rgb, frame.intrinsics)
    expect(prediction.depth.width).toBe(320)
    expect(prediction.depth.height).toBe(240)
    expect(prediction.provider).toBe('cpu')
    expect(prediction.provenance.modelId).toBe(modelId)
    const centre = prediction.depth.data[120 * 320 + 160]
    expect(centre).toBeGreaterThan(0)
    expect(Number.isFinite(centre)).toBe(true)
  })

  it('depth-anything-v2-small (relative) refuses to give metres without a calibration', async () => {
    installTiny(
      'depth-anything-v2-small',
      () => [1, 32, 32],
      () => 0.5,
    )
    const model = await factory.depth('depth-anything-v2-small')
    await expect(model.predict(frame.rgb, frame.intrinsics)).rejects.toThrow(/calibrat/)
    const raw = await model.predictRaw(frame.rgb, frame.intrinsics)
    expect(raw.output).toBe('relative-inverse')
    expect(raw.model.data[0]).toBeCloseTo(0.5, 5)
  })

  it('nanodet-m (built in, real weights) detects through the factory', async () => {
    const detector = await factory.nanoDet()
    const result = await detector.detect(frame.rgb)
    expect(result.provider).toBe('cpu')
    expect(Array.isArray(result.detections)).toBe(true)
  })

  it('owlv2 detects the queried names through its tokenizer', async () => {
    const { tokenizerJson } = tinyClipTokenizer()
    const entry = manifest.models.find((m) => m.id === 'owlv2-base-patch16-ensemble')!
    const tokenizerFile = entry.files.find((f) => f.role === 'tokenizer')!
    install(entry.id, tokenizerFile.path, JSON.stringify(tokenizerJson))
    // Constant logits: sigmoid(2) = 0.88 for every box and query; boxes all the same centre square.
    installTiny(
      entry.id,
      (t) => (t.name === 'logits' ? [1, 3600, 2] : [1, 3600, 4]),
      (t) => (t.name === 'logits' ? 2 : 0.25),
    )
    const owl = await factory.owl()
    const result = await owl.detect(frame.rgb, ['mug', 'photo'])
    expect(result.detections.length).toBeGreaterThan(0)
    expect(['mug', 'photo']).toContain(result.detections[0].label)
    expect(result.detections[0].score).toBeCloseTo(1 / (1 + Math.exp(-2)), 3)
  })

  it('slimsam segments a box prompt into a mask at the image resolution', async () => {
    installTiny('slimsam-77-uniform', (t) =>
      t.name === 'iou_scores'
        ? [1, 1, 3]
        : t.name === 'pred_masks'
          ? [1, 1, 3, 256, 256]
          : [1, 256, 64, 64],
    )
    const sam = await factory.sam('slimsam-77-uniform')
    const result = await sam.segment(frame.rgb, [{ box: [100, 80, 200, 160] }])
    expect(result.masks).toHaveLength(1)
    expect(result.masks[0].length).toBe(320 * 240)
    // Positive logits everywhere: the mask is the box (clipped to it).
    expect(result.masks[0][120 * 320 + 150]).toBe(1)
    expect(result.masks[0][10 * 320 + 10]).toBe(0)
  })

  it('smolvlm-256m-instruct answers through the factory (tiny graphs with its signature, cache layer 0 as listed)', async () => {
    const { factory } = installTinySmolVlm(
      stepwiseLogits(promptLength('What is this?'), [SPECIAL_IDS.endOfUtterance]),
      { layers: 1 },
    )
    const vlm = await factory.smolVlm('smolvlm-256m-instruct')
    const answer = await vlm.ask(frame.rgb, 'What is this?')
    expect(answer.stopReason).toBe('end_of_turn')
    expect(answer.provider).toBe('cpu')
  })

  it.each(['vilt-vsr'])(
    '%s loads and runs with its signature (wired in a later issue)',
    async (modelId) => {
      const entry = manifest.models.find((m) => m.id === modelId)!
      for (const file of entry.files.filter((f) => f.signature)) {
        const sig = file.signature!
        const runtime = (t: TensorSpec) => t.dims.map((d) => dimOf(d, 2))
        install(
          modelId,
          file.path,
          buildTinyModel({
            inputs: tinySpecs(sig.inputs),
            outputs: tinyOutputs(sig.outputs, runtime, () => 1),
          }),
        )
        const inputs: Record<string, TensorData> = {}
        for (const t of sig.inputs) {
          const dims = t.dims.map((d) => dimOf(d, 2))
          const size = dims.reduce((a, b) => a * b, 1)
          inputs[t.name] =
            t.dtype === 'int64'
              ? { type: 'int64', dims, data: new BigInt64Array(size) }
              : t.dtype === 'bool'
                ? { type: 'bool', dims, data: new Uint8Array(size) }
                : { type: 'float32', dims, data: new Float32Array(size) }
        }
        const path = store.filePath(modelId, file.role)
        expect(readFileSync(path).length).toBeGreaterThan(0)
        const result = await runner.run(path, inputs)
        for (const t of sig.outputs) {
          expect(result.outputs[t.name]?.dims, `${modelId} ${t.name}`).toEqual(runtime(t))
          expect(result.outputs[t.name]?.type).toBe(t.dtype === 'float16' ? 'float32' : t.dtype)
        }
      }
    },
  )
})
