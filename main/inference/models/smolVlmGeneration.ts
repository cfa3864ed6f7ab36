import type { ExecutionProviderName, ModelRunner, RunOptions, TensorData } from '../types'
import {
  argmaxRow,
  fullAttentionMask,
  stepPositionIds,
} from '../../engine/perception/greedyDecoding'
import type { SmolVlmDecoderSpec } from './smolVlmSignature'
import { smolVlmSignatureError } from './smolVlmSignature'

/**
 * Greedy decoding with the KV cache of a merged decoder, batch of one: the first step feeds the
 * whole prompt with an empty cache ([1, heads, 0, head_dim]); every later step feeds one token,
 * the cache the previous step returned (`present.*` → `past_key_values.*`), an attention mask over
 * every token so far and the next position id. Stops at a stop token (not part of the answer) or
 * after `maxNewTokens`; the AbortSignal is checked between steps.
 */
export interface GreedyOptions {
  maxNewTokens: number
  stopIds: readonly number[]
  signal?: AbortSignal
  providers?: RunOptions['providers']
}

export interface GreedyResult {
  /** Generated ids, without the stop token. */
  tokenIds: number[]
  stopReason: 'stop_token' | 'max_tokens'
  /** Decoder runs (prompt step included). */
  steps: number
  decoderMs: number
  provider: ExecutionProviderName
}

/** The decoder and how to embed one more token. */
export interface DecoderHandle {
  runner: ModelRunner
  decoderPath: string
  spec: SmolVlmDecoderSpec
  /** inputs_embeds rows [ids.length, hidden] for token ids. */
  embed(ids: number[]): Promise<Float32Array>
}

/** Runs the loop from the prompt's embeddings ([promptLength, hidden], image features merged in). */
export async function greedyDecode(
  decoder: DecoderHandle,
  promptEmbeds: Float32Array,
  promptLength: number,
  options: GreedyOptions,
): Promise<GreedyResult> {
  if (!(Number.isInteger(options.maxNewTokens) && options.maxNewTokens >= 1)) {
    throw new RangeError(`maxNewTokens must be a positive integer, got ${options.maxNewTokens}`)
  }
  const { spec } = decoder
  let cache = emptyCache(spec)
  let embeds = promptEmbeds
  let length = promptLength
  let pastLength = 0
  const tokenIds: number[] = []
  let decoderMs = 0
  let steps = 0
  let provider: ExecutionProviderName = 'cpu'
  for (;;) {
    options.signal?.throwIfAborted()
    const total = pastLength + length
    const inputs: Record<string, TensorData> = {
      inputs_embeds: { type: 'float32', dims: [1, length, spec.hiddenSize], data: embeds },
      attention_mask: { type: 'int64', dims: [1, total], data: fullAttentionMask(total) },
      ...cache,
    }
    if (spec.hasPositionIds) {
      inputs.position_ids = {
        type: 'int64',
        dims: [1, length],
        data: stepPositionIds(pastLength, length),
      }
    }
    const result = await decoder.runner.run(
      decoder.decoderPath,
      inputs,
      options.providers ? { providers: options.providers } : undefined,
    )
    steps++
    decoderMs += result.inferenceMs
    provider = result.provider
    const next = nextToken(decoder.decoderPath, result.outputs.logits, length)
    cache = nextCache(decoder.decoderPath, spec, result.outputs, total)
    pastLength = total
    if (options.stopIds.includes(next))
      return { tokenIds, stopReason: 'stop_token', steps, decoderMs, provider }
    tokenIds.push(next)
    if (tokenIds.length >= options.maxNewTokens)
      return { tokenIds, stopReason: 'max_tokens', steps, decoderMs, provider }
    options.signal?.throwIfAborted()
    embeds = await decoder.embed([next])
    length = 1
  }
}

/** past_key_values.* with no cached tokens: [1, heads, 0, head_dim]. */
function emptyCache(spec: SmolVlmDecoderSpec): Record<string, TensorData> {
  const cache: Record<string, TensorData> = {}
  for (const slot of spec.cache) {
    cache[slot.input] = {
      type: 'float32',
      dims: [1, slot.heads, 0, slot.headDim],
      data: new Float32Array(0),
    }
  }
  return cache
}

/** Greedy pick from the last row of logits [1, length, vocab]. */
function nextToken(decoderPath: string, logits: TensorData | undefined, length: number): number {
  if (
    !logits ||
    logits.type !== 'float32' ||
    logits.dims.length !== 3 ||
    logits.dims[0] !== 1 ||
    logits.dims[1] !== length
  ) {
    throw smolVlmSignatureError(
      decoderPath,
      `decoder logits should be float32 [1, ${length}, vocab], got ${logits ? `${logits.type} [${logits.dims.join(', ')}]` : 'nothing'}`,
    )
  }
  return argmaxRow(logits.data as Float32Array, length - 1, logits.dims[2])
}

/** present.* → the next step's past_key_values.*, each checked to hold every token so far. */
function nextCache(
  decoderPath: string,
  spec: SmolVlmDecoderSpec,
  outputs: Record<string, TensorData>,
  total: number,
): Record<string, TensorData> {
  const cache: Record<string, TensorData> = {}
  for (const slot of spec.cache) {
    const present = outputs[slot.output]
    const expected = [1, slot.heads, total, slot.headDim]
    if (!present || present.type !== 'float32' || present.dims.join() !== expected.join()) {
      throw smolVlmSignatureError(
        decoderPath,
        `decoder output ${slot.output} should be float32 [${expected.join(', ')}], got ${present ? `${present.type} [${present.dims.join(', ')}]` : 'nothing'}`,
      )
    }
    cache[slot.input] = present
  }
  return cache
}
