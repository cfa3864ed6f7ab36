import type { ModelSignature, TensorSpec } from '../types'
import { ModelError } from '../ModelError'
import { SMOLVLM_IMAGE_SIDE } from '../../engine/perception/smolVlmPreprocess'

/**
 * What SmolVLM's three graphs (Transformers.js export: `vision_encoder`, `embed_tokens`,
 * `decoder_model_merged`) take and give, read from their signatures so other sizes of the family
 * (more layers, other KV heads) work unchanged.
 */

/** One layer's key or value cache: the input fed back and the output it comes from. */
export interface CacheSlot {
  input: string
  output: string
  heads: number
  headDim: number
}

export interface SmolVlmDecoderSpec {
  hiddenSize: number
  cache: CacheSlot[]
  hasPositionIds: boolean
}

const PAST = /^past_key_values\.(\d+)\.(key|value)$/
const KNOWN_DECODER_INPUTS = new Set(['inputs_embeds', 'attention_mask', 'position_ids'])

/** The decoder's cache layout and sizes; a ModelError ('signature') naming what does not fit. */
export function readDecoderSpec(modelPath: string, signature: ModelSignature): SmolVlmDecoderSpec {
  const inputs = new Map(signature.inputs.map((spec) => [spec.name, spec]))
  const outputs = new Set(signature.outputs.map((spec) => spec.name))
  const fail = (problem: string): never => {
    throw smolVlmSignatureError(modelPath, `decoder ${problem}`)
  }
  const embeds =
    inputs.get('inputs_embeds') ??
    fail(`lacks input inputs_embeds (inputs: ${[...inputs.keys()].join(', ')})`)
  if (!inputs.has('attention_mask')) fail('lacks input attention_mask')
  if (!outputs.has('logits')) fail('lacks output logits')
  const hiddenSize =
    fixedDim(embeds, 2) ??
    fail(`input inputs_embeds has no fixed hidden size (${JSON.stringify(embeds.dims)})`)
  const cache: CacheSlot[] = []
  for (const spec of signature.inputs) {
    const match = PAST.exec(spec.name)
    if (!match) {
      if (!KNOWN_DECODER_INPUTS.has(spec.name))
        fail(`needs input ${spec.name}, which this SmolVLM code does not feed`)
      continue
    }
    const output = `present.${match[1]}.${match[2]}`
    if (!outputs.has(output)) fail(`has input ${spec.name} but no output ${output}`)
    const heads = fixedDim(spec, 1)
    const headDim = fixedDim(spec, 3)
    if (spec.dims.length !== 4 || heads === undefined || headDim === undefined) {
      fail(
        `input ${spec.name} should be [batch, heads, past, head_dim] with fixed heads and head_dim, got ${JSON.stringify(spec.dims)}`,
      )
    }
    cache.push({ input: spec.name, output, heads: heads!, headDim: headDim! })
  }
  if (cache.length === 0)
    fail('has no past_key_values inputs (a decoder without a KV cache is not supported)')
  return { hiddenSize, cache, hasPositionIds: inputs.has('position_ids') }
}

/** The vision encoder's square side (512 when dynamic); a ModelError when its inputs are not SmolVLM's. */
export function readEncoderSide(modelPath: string, signature: ModelSignature): number {
  const pixels = signature.inputs.find((spec) => spec.name === 'pixel_values')
  const mask = signature.inputs.find((spec) => spec.name === 'pixel_attention_mask')
  if (!pixels || !mask || pixels.dims.length !== 5) {
    throw smolVlmSignatureError(
      modelPath,
      `vision encoder should take pixel_values [batch, images, 3, H, W] and pixel_attention_mask, got ${signature.inputs.map((s) => `${s.name} ${JSON.stringify(s.dims)}`).join(', ')}`,
    )
  }
  return fixedDim(pixels, 4) ?? SMOLVLM_IMAGE_SIDE
}

function fixedDim(spec: TensorSpec, axis: number): number | undefined {
  const dim = spec.dims[axis]
  return typeof dim === 'number' && dim > 0 ? dim : undefined
}

export function smolVlmSignatureError(modelPath: string, problem: string): ModelError {
  return new ModelError({
    kind: 'signature',
    problem: `SmolVLM model ${modelPath}: ${problem}`,
    fix: 'use the Transformers.js ONNX export of SmolVLM (vision_encoder, embed_tokens, decoder_model_merged with a KV cache) or re-download it',
    modelPath,
  })
}
