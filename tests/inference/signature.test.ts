import { describe, expect, it } from 'vitest'
import { ModelError } from '../../main/inference/ModelError'
import { checkInputs, checkSignature, formatSpec } from '../../main/inference/signature'
import type { ModelSignature } from '../../main/inference/types'

const actual: ModelSignature = {
  inputs: [{ name: 'pixel_values', type: 'float32', dims: ['batch', 3, -1, -1] }],
  outputs: [
    { name: 'predicted_depth', type: 'float32', dims: ['batch', 'height', 'width'] },
    { name: 'extra', type: 'int64', dims: [1] },
  ],
}
const context = { model: 'depth-anything-s' }

describe('checkSignature', () => {
  it('accepts fixed dims where the model is dynamic, and ignores extra outputs', () => {
    // Was: only .not.toThrow(), which a check that accepts everything passes too. The same spec with one fixed
    // dim changed (3 → 4 channels, where the model fixes 3) must be refused.
    const spec = (channels: number): ModelSignature => ({
      inputs: [{ name: 'pixel_values', type: 'float32', dims: [1, channels, 518, 518] }],
      outputs: [{ name: 'predicted_depth', type: 'float32', dims: [1, 518, 518] }],
    })
    checkSignature(spec(3), actual, context)
    expect(() => checkSignature(spec(4), actual, context)).toThrow(
      /input 'pixel_values' is float32 \[batch, 3, \?, \?\], expected float32 \[1, 4, 518, 518\]/,
    )
  })

  it('names a wrong type, rank or missing output, with the given fix', () => {
    const error = (() => {
      try {
        checkSignature(
          {
            inputs: [{ name: 'pixel_values', type: 'uint8', dims: [1, 518, 518, 3, 1] }],
            outputs: [{ name: 'depth', type: 'float32', dims: [1, 518, 518] }],
          },
          actual,
          { ...context, fix: 'run `npx spatial-lens models download depth-anything-s`' },
        )
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).kind).toBe('signature')
    expect((error as ModelError).message).toBe(
      "model depth-anything-s has the wrong signature: input 'pixel_values' is float32 [batch, 3, ?, ?], expected uint8 [1, 518, 518, 3, 1]; output 'depth' missing (model outputs: 'predicted_depth', 'extra'): run `npx spatial-lens models download depth-anything-s`",
    )
  })
})

describe('checkInputs', () => {
  it('accepts matching tensors and rejects a missing one', () => {
    const tensor = { type: 'float32' as const, dims: [1, 3, 2, 4], data: new Float32Array(24) }
    expect(() => checkInputs(actual, { pixel_values: tensor }, context)).not.toThrow()
    expect(() => checkInputs(actual, {}, context)).toThrow(
      "model depth-anything-s: input 'pixel_values' is missing: pass float32 [batch, 3, ?, ?] as 'pixel_values'",
    )
  })

  it('rejects data of the wrong array class for its type', () => {
    const tensor = { type: 'float32' as const, dims: [1, 3, 1, 1], data: new Int32Array(3) }
    expect(() => checkInputs(actual, { pixel_values: tensor }, context)).toThrow(
      /tensor 'pixel_values' is float32 but its data is a Int32Array/,
    )
  })

  it('formats specs compactly', () => {
    expect(formatSpec({ type: 'int64', dims: [1, 'n', -1] })).toBe('int64 [1, n, ?]')
  })
})
