/**
 * Tiny SmolVLM graphs with the manifest's signatures, installed into a temporary model cache the
 * way an offline user copies files, and a runner that records what each graph received.
 *
 * - vision encoder: `image_features` [images, 64, 576] = mean of `pixel_values` (so a test sees
 *   which pixels reached it);
 * - embed_tokens: `inputs_embeds` [batch, seq, 576] = 0 (so merged image rows stand out);
 * - decoder: `present.*` [batch, 3, attention_mask length, 64] (the cache grows per step) and
 *   `logits` [batch, seq, 49280] = value + slope · (attention_mask length) + meanScale · mean(inputs_embeds),
 *   arranged by {@link stepwiseLogits} / {@link brightnessLogits} so greedy decoding yields a known answer.
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from './onnxBuilder'
import { bundledManifest, findModel } from '../../main/models/manifest'
import { ModelStore } from '../../main/models/ModelStore'
import type { ModelManifest, TensorSpec } from '../../main/contract/manifestSchema'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { ModelFactory } from '../../main/models/modelFactory'
import type {
  InferenceResult,
  ModelRunner,
  ModelSignature,
  RunOptions,
  TensorData,
} from '../../main/inference/types'
import { tinySmolVlmTokenizer } from './tinySmolVlmTokenizer'

export const VLM_ID = 'smolvlm-256m-instruct'
export const VOCAB = 49280
export const HIDDEN = 576
export const LAYERS = 30
/** Far below any arranged logit. */
const FLOOR = -1e4

export interface DecoderLogits {
  value: Float32Array
  slope?: Float32Array
  meanScale?: Float32Array
}

/**
 * Logits under which greedy decoding emits `sequence[k]` at step k (attention_mask length
 * promptLength + k) and keeps the last one afterwards: token k's logit is c_k + k · L, with c_k
 * chosen so lines k−1 and k cross at L = promptLength + k − 0.5. Tokens must be distinct.
 */
export function stepwiseLogits(promptLength: number, sequence: number[]): DecoderLogits {
  if (new Set(sequence).size !== sequence.length)
    throw new Error('stepwiseLogits: tokens must be distinct')
  const value = new Float32Array(VOCAB).fill(FLOOR)
  const slope = new Float32Array(VOCAB)
  let intercept = 0
  sequence.forEach((token, k) => {
    if (k > 0) intercept -= promptLength + k - 0.5
    value[token] = intercept
    slope[token] = k
  })
  return { value, slope }
}

/**
 * First step: `bright` when the mean of inputs_embeds (the merged image features: the crop's mean
 * normalised pixel × 64 / prompt length) is clearly positive, else `dark`; next step (one zero
 * embedding, mean 0): `stop`. Independent of the prompt's length, so any question gets an answer
 * that depends on the crop: e.g. yes/no, or a name.
 */
export function brightnessLogits(bright: number, dark: number, stop: number): DecoderLogits {
  const value = new Float32Array(VOCAB).fill(FLOOR)
  const meanScale = new Float32Array(VOCAB)
  value[bright] = 0
  value[dark] = 0
  meanScale[bright] = 100
  meanScale[dark] = -100
  value[stop] = 1
  return { value, meanScale }
}

function tinySpecs(tensors: TensorSpec[]): TinyTensorSpec[] {
  return tensors.map((t) => ({
    name: t.name,
    type: t.dtype === 'float16' ? 'float32' : t.dtype,
    dims: t.dims,
  }))
}

/** The decoder's inputs/outputs with layer 0's cache repeated for `layers` layers (the manifest shows it once). */
function withLayers(tensors: TensorSpec[], layers: number): TensorSpec[] {
  return tensors.flatMap((t) => {
    const match = /^(past_key_values|present)\.0\.key$/.exec(t.name)
    if (!match) return [t]
    return Array.from({ length: layers }, (_, i) =>
      ['key', 'value'].map((kind) => ({ ...t, name: `${match[1]}.${i}.${kind}` })),
    ).flat()
  })
}

/** The three graphs as ONNX bytes, by manifest file role. */
export function tinySmolVlmGraphs(
  logits: DecoderLogits,
  layers = LAYERS,
): Record<string, Uint8Array> {
  const entry = findModel(bundledManifest(), VLM_ID)
  const signatureOf = (role: string) => entry.files.find((f) => f.role === role)!.signature!
  const encoder = signatureOf('encoder')
  const embeddings = signatureOf('embeddings')
  const decoder = signatureOf('decoder')
  const decoderInputs = withLayers(decoder.inputs, layers)
  const decoderOutputs = withLayers(decoder.outputs, layers)
  const kvOutputs: TinyOutputSpec[] = decoderOutputs
    .filter((t) => t.name.startsWith('present.'))
    .map((t) => ({
      name: t.name,
      type: 'float32',
      dims: t.dims,
      shapeFrom: [{ input: 'inputs_embeds', axis: 0 }, 3, { input: 'attention_mask', axis: 1 }, 64],
    }))
  return {
    encoder: buildTinyModel({
      inputs: tinySpecs(encoder.inputs),
      outputs: [
        {
          name: 'image_features',
          type: 'float32',
          dims: encoder.outputs[0].dims,
          shapeFrom: [{ input: 'pixel_values', axis: 1 }, 64, HIDDEN],
          dependsOn: 'input-mean',
        },
      ],
    }),
    embeddings: buildTinyModel({
      inputs: tinySpecs(embeddings.inputs),
      outputs: [
        {
          name: 'inputs_embeds',
          type: 'float32',
          dims: embeddings.outputs[0].dims,
          shapeFrom: [{ input: 'input_ids', axis: 0 }, { input: 'input_ids', axis: 1 }, HIDDEN],
        },
      ],
    }),
    decoder: buildTinyModel({
      inputs: tinySpecs(decoderInputs),
      outputs: [
        {
          name: 'logits',
          type: 'float32',
          dims: decoder.outputs[0].dims,
          shapeFrom: [
            { input: 'inputs_embeds', axis: 0 },
            { input: 'inputs_embeds', axis: 1 },
            VOCAB,
          ],
          value: logits.value,
          ...(logits.slope
            ? { lengthSlope: { input: 'attention_mask', axis: 1, slope: logits.slope } }
            : {}),
          ...(logits.meanScale
            ? { dependsOn: 'input-mean' as const, meanScale: logits.meanScale }
            : {}),
        },
        ...kvOutputs,
      ],
    }),
  }
}

/** One graph run as the runner saw it: the file, each input's dims, and copies of the inputs. */
export interface RecordedRun {
  file: string
  dims: Record<string, number[]>
  inputs: Record<string, TensorData>
}

/** A ModelRunner over the real InlineModelRunner that records every run (and can act after each). */
export class RecordingRunner implements ModelRunner {
  readonly runs: RecordedRun[] = []
  afterRun?: (run: RecordedRun) => void

  constructor(private readonly inner: ModelRunner = new InlineModelRunner()) {}

  async run(
    modelPath: string,
    inputs: Record<string, TensorData>,
    options?: RunOptions,
  ): Promise<InferenceResult> {
    const run: RecordedRun = { file: basename(modelPath), dims: {}, inputs: {} }
    for (const [name, tensor] of Object.entries(inputs)) {
      run.dims[name] = [...tensor.dims]
      if (!name.startsWith('past_key_values'))
        run.inputs[name] = { ...tensor, data: tensor.data.slice() }
    }
    const result = await this.inner.run(modelPath, inputs, options)
    this.runs.push(run)
    this.afterRun?.(run)
    return result
  }

  describe(modelPath: string): Promise<ModelSignature> {
    return this.inner.describe(modelPath)
  }

  dispose(): Promise<void> {
    return this.inner.dispose()
  }

  /** Runs of one graph file, in order. */
  of(
    file: 'vision_encoder_int8.onnx' | 'embed_tokens.onnx' | 'decoder_model_merged_int8.onnx',
  ): RecordedRun[] {
    return this.runs.filter((r) => r.file === file)
  }
}

export interface InstalledVlm {
  cache: string
  store: ModelStore
  runner: RecordingRunner
  factory: ModelFactory
}

/**
 * Installs the tiny graphs and the tiny tokenizer as `smolvlm-256m-instruct` files in a fresh cache
 * and returns a model store (bundled manifest, files without published hashes as for the real
 * model), a recording runner and a factory over them.
 */
export function installTinySmolVlm(
  logits: DecoderLogits,
  options: { layers?: number; tokenizer?: Record<string, unknown> } = {},
): InstalledVlm {
  const cache = mkdtempSync(join(tmpdir(), 'spatial-lens-vlm-'))
  const manifest: ModelManifest = bundledManifest()
  const entry = findModel(manifest, VLM_ID)
  const graphs = tinySmolVlmGraphs(logits, options.layers)
  for (const file of entry.files) {
    const path = join(cache, VLM_ID, file.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(
      path,
      file.role === 'tokenizer'
        ? JSON.stringify(options.tokenizer ?? tinySmolVlmTokenizer().tokenizerJson)
        : graphs[file.role],
    )
  }
  const store = new ModelStore({ manifest, cacheDirectory: cache })
  const runner = new RecordingRunner()
  return { cache, store, runner, factory: new ModelFactory(runner, store) }
}
