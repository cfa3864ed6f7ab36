import { describe, expect, it } from 'vitest'
import { readDecoderSpec, readEncoderSide } from '../../../main/inference/models/smolVlmSignature'
import type { ModelSignature, TensorSpec } from '../../../main/inference/types'

const t = (name: string, dims: (number | string)[], type = 'float32'): TensorSpec => ({
  name,
  type,
  dims,
})
const cache = (layers: number, prefix: 'past_key_values' | 'present', dims: (number | string)[]) =>
  Array.from({ length: layers }, (_, i) =>
    ['key', 'value'].map((k) => t(`${prefix}.${i}.${k}`, dims)),
  ).flat()

function decoder(changes: { inputs?: TensorSpec[]; outputs?: TensorSpec[] } = {}): ModelSignature {
  return {
    inputs: changes.inputs ?? [
      t('inputs_embeds', ['batch', 'seq', 576]),
      t('attention_mask', ['batch', 'total'], 'int64'),
      t('position_ids', ['batch', 'seq'], 'int64'),
      ...cache(2, 'past_key_values', ['batch', 3, 'past', 64]),
    ],
    outputs: changes.outputs ?? [
      t('logits', ['batch', 'seq', 49280]),
      ...cache(2, 'present', ['batch', 3, 'total', 64]),
    ],
  }
}

describe('SmolVLM signatures', () => {
  it('reads the hidden size and one cache slot per layer and kind from the decoder', () => {
    const spec = readDecoderSpec('d.onnx', decoder())
    expect(spec.hiddenSize).toBe(576)
    expect(spec.hasPositionIds).toBe(true)
    expect(spec.cache.map((c) => [c.input, c.output, c.heads, c.headDim])).toEqual([
      ['past_key_values.0.key', 'present.0.key', 3, 64],
      ['past_key_values.0.value', 'present.0.value', 3, 64],
      ['past_key_values.1.key', 'present.1.key', 3, 64],
      ['past_key_values.1.value', 'present.1.value', 3, 64],
    ])
  })

  it('names what does not fit: a missing present, an input it cannot feed, no cache, dynamic heads', () => {
    const base = decoder()
    expect(() =>
      readDecoderSpec(
        'd.onnx',
        decoder({ outputs: base.outputs.filter((o) => o.name !== 'present.1.value') }),
      ),
    ).toThrow(
      /SmolVLM model d\.onnx: decoder has input past_key_values\.1\.value but no output present\.1\.value/,
    )
    expect(() =>
      readDecoderSpec(
        'd.onnx',
        decoder({ inputs: [...base.inputs, t('use_cache_branch', [1], 'bool')] }),
      ),
    ).toThrow(/needs input use_cache_branch/)
    expect(() => readDecoderSpec('d.onnx', decoder({ inputs: base.inputs.slice(0, 3) }))).toThrow(
      /no past_key_values inputs/,
    )
    expect(() =>
      readDecoderSpec(
        'd.onnx',
        decoder({
          inputs: [
            ...base.inputs.slice(0, 3),
            ...cache(1, 'past_key_values', ['batch', 'heads', 'past', 64]),
          ],
        }),
      ),
    ).toThrow(/fixed heads and head_dim/)
    expect(() => readDecoderSpec('d.onnx', decoder({ inputs: base.inputs.slice(1) }))).toThrow(
      /lacks input inputs_embeds/,
    )
    expect(() => readDecoderSpec('d.onnx', decoder())).not.toThrow()
  })

  it('reads the encoder side (512 when dynamic) and refuses other encoders', () => {
    const encoder = (side: number | string): ModelSignature => ({
      inputs: [
        t('pixel_values', ['batch', 'images', 3, side, side]),
        t('pixel_attention_mask', ['batch', 'images', side, side], 'bool'),
      ],
      outputs: [t('image_features', ['tiles', 64, 576])],
    })
    expect(readEncoderSide('e.onnx', encoder(384))).toBe(384)
    expect(readEncoderSide('e.onnx', encoder('height'))).toBe(512)
    expect(() =>
      readEncoderSide('e.onnx', { inputs: [t('pixel_values', [1, 3, 512, 512])], outputs: [] }),
    ).toThrow(
      /vision encoder should take pixel_values \[batch, images, 3, H, W\] and pixel_attention_mask/,
    )
  })
})
