import { describe, expect, it } from 'vitest'
import { createOrtSession, fromOrtTensor, toOrtTensor } from '../../main/inference/ortRuntime'
import { probeModelBytes } from '../../main/inference/probeModel'
import type { TensorData } from '../../main/inference/types'
import { buildTinyModel } from '../helpers/onnxBuilder'

describe('ortRuntime', () => {
  it('loads the hand-encoded probe model and runs it (y = x)', async () => {
    const session = await createOrtSession(probeModelBytes(), 'cpu')
    expect(session.signature).toEqual({
      inputs: [{ name: 'x', type: 'float32', dims: [1] }],
      outputs: [{ name: 'y', type: 'float32', dims: [1] }],
    })
    const out = await session.run({ x: { type: 'float32', dims: [1], data: Float32Array.of(4.5) } })
    expect(out.y).toEqual({ type: 'float32', dims: [1], data: Float32Array.of(4.5) })
    await session.release()
  })

  it('converts every carried dtype to ORT tensors and back without changing values', () => {
    const tensors: TensorData[] = [
      { type: 'float32', dims: [2], data: Float32Array.of(1.5, -2) },
      { type: 'int64', dims: [1, 2], data: BigInt64Array.of(-1n, 2n ** 40n) },
      { type: 'int32', dims: [2], data: Int32Array.of(7, -7) },
      { type: 'uint8', dims: [3], data: Uint8Array.of(0, 128, 255) },
      { type: 'bool', dims: [2], data: Uint8Array.of(1, 0) },
    ]
    for (const tensor of tensors) expect(fromOrtTensor('t', toOrtTensor(tensor))).toEqual(tensor)
  })

  it('returns outputs that own their whole buffer (so workers can transfer them)', async () => {
    const model = buildTinyModel({
      inputs: [{ name: 'a', type: 'uint8', dims: [2] }],
      outputs: [
        { name: 'f', type: 'float32', dims: [3], value: [1, 2, 3] },
        { name: 'b', type: 'bool', dims: [2], value: [1, 0] },
      ],
    })
    const session = await createOrtSession(model, 'cpu', { intraOpNumThreads: 1 })
    const out = await session.run({ a: { type: 'uint8', dims: [2], data: Uint8Array.of(1, 2) } })
    for (const tensor of Object.values(out)) {
      expect(tensor.data.byteOffset).toBe(0)
      expect(tensor.data.byteLength).toBe(tensor.data.buffer.byteLength)
    }
    expect(out.b).toEqual({ type: 'bool', dims: [2], data: Uint8Array.of(1, 0) })
    await session.release()
  })
})
