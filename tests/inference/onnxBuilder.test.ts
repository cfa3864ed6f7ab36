import { describe, expect, it } from 'vitest'
import * as ort from 'onnxruntime-node'
import { buildTinyModel, type TinyTensorSpec } from '../helpers/onnxBuilder'

async function session(model: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model, { logSeverityLevel: 3 })
}

const image: TinyTensorSpec = { name: 'image', type: 'float32', dims: [1, 3, 'h', 'w'] }

describe('buildTinyModel', () => {
  it('declares the input and output names, dims (static and dynamic) and dtypes', async () => {
    const s = await session(
      buildTinyModel({
        inputs: [image, { name: 'ids', type: 'int64', dims: ['n'] }],
        outputs: [
          { name: 'boxes', type: 'float32', dims: [1, 'n', 4], runtimeDims: [1, 5, 4] },
          { name: 'labels', type: 'int64', dims: [1, 7] },
          { name: 'mask', type: 'bool', dims: [2, 2] },
          { name: 'picked', type: 'int32', dims: [1, 'k'], runtimeDims: [1, 2], value: [3, 7] },
        ],
      }),
    )
    expect(s.inputNames).toEqual(['image', 'ids'])
    expect(s.outputNames).toEqual(['boxes', 'labels', 'mask', 'picked'])
    expect(s.inputMetadata).toEqual([
      { name: 'image', isTensor: true, type: 'float32', shape: [1, 3, 'h', 'w'] },
      { name: 'ids', isTensor: true, type: 'int64', shape: ['n'] },
    ])
    expect(s.outputMetadata).toEqual([
      { name: 'boxes', isTensor: true, type: 'float32', shape: [1, 'n', 4] },
      { name: 'labels', isTensor: true, type: 'int64', shape: [1, 7] },
      { name: 'mask', isTensor: true, type: 'bool', shape: [2, 2] },
      { name: 'picked', isTensor: true, type: 'int32', shape: [1, 'k'] },
    ])
    await s.release()
  })

  it('returns the constant values with the right dtypes and runtime shapes', async () => {
    const s = await session(
      buildTinyModel({
        inputs: [image, { name: 'flag', type: 'uint8', dims: [1] }],
        outputs: [
          { name: 'f', type: 'float32', dims: [2, 3], value: [1, 2, 3, 4, 5, 6] },
          { name: 'row', type: 'float32', dims: ['n', 2], runtimeDims: [3, 2], value: [7, 8] },
          { name: 'i64', type: 'int64', dims: [3], value: [-1, 0, 9007199254740991] },
          { name: 'i32', type: 'int32', dims: [2], value: [5] },
          { name: 'u8', type: 'uint8', dims: [2], value: [0, 255] },
          { name: 'b', type: 'bool', dims: [3], value: [1, 0, 1] },
          { name: 'zeros', type: 'float32', dims: [1, 2] },
        ],
      }),
    )
    const out = await s.run({
      image: new ort.Tensor('float32', new Float32Array(3 * 4 * 4).fill(5), [1, 3, 4, 4]),
      flag: new ort.Tensor('uint8', Uint8Array.of(1), [1]),
    })
    expect(out.f.dims).toEqual([2, 3])
    expect(Array.from(out.f.data as Float32Array)).toEqual([1, 2, 3, 4, 5, 6])
    expect(out.row.dims).toEqual([3, 2])
    expect(Array.from(out.row.data as Float32Array)).toEqual([7, 8, 7, 8, 7, 8])
    expect(out.i64.type).toBe('int64')
    expect(Array.from(out.i64.data as BigInt64Array)).toEqual([-1n, 0n, 9007199254740991n])
    expect(out.i32.type).toBe('int32')
    expect(Array.from(out.i32.data as Int32Array)).toEqual([5, 5])
    expect(out.u8.type).toBe('uint8')
    expect(Array.from(out.u8.data as Uint8Array)).toEqual([0, 255])
    expect(out.b.type).toBe('bool')
    expect(Array.from(out.b.data as Uint8Array)).toEqual([1, 0, 1])
    expect(Array.from(out.zeros.data as Float32Array)).toEqual([0, 0])
    await s.release()
  })

  it("'input-mean' adds the mean of the first float32 input", async () => {
    const s = await session(
      buildTinyModel({
        inputs: [{ name: 'ids', type: 'int64', dims: [2] }, image],
        outputs: [
          { name: 'shifted', type: 'float32', dims: [2], value: [10, 20], dependsOn: 'input-mean' },
          { name: 'count', type: 'int32', dims: [1], value: [1], dependsOn: 'input-mean' },
        ],
      }),
    )
    const pixels = Float32Array.from({ length: 12 }, (_, i) => i) // mean 5.5
    const out = await s.run({
      ids: new ort.Tensor('int64', BigInt64Array.of(100n, 200n), [2]),
      image: new ort.Tensor('float32', pixels, [1, 3, 2, 2]),
    })
    expect(Array.from(out.shifted.data as Float32Array)).toEqual([15.5, 25.5])
    expect(Array.from(out.count.data as Int32Array)).toEqual([6]) // 1 + 5.5, truncated toward zero
    await s.release()
  })

  it('consumes every input, so ORT rejects a wrong input shape or a missing input', async () => {
    const s = await session(
      buildTinyModel({
        inputs: [
          { name: 'a', type: 'float32', dims: [1, 4] },
          { name: 'b', type: 'int32', dims: [2] },
        ],
        outputs: [{ name: 'y', type: 'float32', dims: [1], value: [3] }],
      }),
    )
    const b = new ort.Tensor('int32', Int32Array.of(1, 2), [2])
    await expect(
      s.run({ a: new ort.Tensor('float32', new Float32Array(3), [1, 3]), b }),
    ).rejects.toThrow(/dimension|shape/i)
    await expect(
      s.run({ a: new ort.Tensor('float32', new Float32Array(4), [1, 4]) }),
    ).rejects.toThrow(/b/)
    await s.release()
  })

  it('shapeFrom takes output dims from the inputs at run time, including empty ones', async () => {
    const s = await session(
      buildTinyModel({
        inputs: [
          { name: 'mask', type: 'int64', dims: ['b', 'total'] },
          { name: 'past', type: 'float32', dims: ['b', 2, 'past', 3] },
        ],
        outputs: [
          {
            name: 'present',
            type: 'float32',
            dims: ['b', 2, 'total', 3],
            shapeFrom: [{ input: 'mask', axis: 0 }, 2, { input: 'mask', axis: 1 }, 3],
            value: [1, 2, 3],
          },
          {
            name: 'count',
            type: 'int64',
            dims: ['total'],
            shapeFrom: [{ input: 'mask', axis: 1 }],
            value: [4],
          },
        ],
      }),
    )
    expect(s.outputMetadata[0]).toMatchObject({ shape: ['b', 2, 'total', 3] })
    const run = (total: number, past: number) =>
      s.run({
        mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
        past: new ort.Tensor('float32', new Float32Array(6 * past), [1, 2, past, 3]),
      })
    const first = await run(5, 0)
    expect(first.present.dims).toEqual([1, 2, 5, 3])
    expect(Array.from(first.present.data as Float32Array).slice(0, 6)).toEqual([1, 2, 3, 1, 2, 3])
    expect(Array.from(first.count.data as BigInt64Array)).toEqual([4n, 4n, 4n, 4n, 4n])
    const next = await run(6, 5)
    expect(next.present.dims).toEqual([1, 2, 6, 3])
    await s.release()
  })

  it('lengthSlope adds slope · (an input length), so the output changes as a sequence grows', async () => {
    const s = await session(
      buildTinyModel({
        inputs: [{ name: 'mask', type: 'int64', dims: [1, 'total'] }],
        outputs: [
          {
            name: 'logits',
            type: 'float32',
            dims: [1, 'seq', 3],
            shapeFrom: [1, 1, 3],
            value: [10, 0, -5],
            lengthSlope: { input: 'mask', axis: 1, slope: [0, 2, 3] },
          },
          {
            name: 'fixed',
            type: 'float32',
            dims: [2],
            value: [1],
            lengthSlope: { input: 'mask', axis: 1, slope: [1] },
          },
        ],
      }),
    )
    const out = await s.run({ mask: new ort.Tensor('int64', new BigInt64Array(4), [1, 4]) })
    expect(Array.from(out.logits.data as Float32Array)).toEqual([10, 8, 7])
    expect(Array.from(out.fixed.data as Float32Array)).toEqual([5, 5])
    await s.release()
  })

  it("meanScale weighs the 'input-mean' shift per element, with shapeFrom too", async () => {
    const s = await session(
      buildTinyModel({
        inputs: [{ name: 'x', type: 'float32', dims: [1, 'n'] }],
        outputs: [
          {
            name: 'scores',
            type: 'float32',
            dims: [1, 'n', 2],
            shapeFrom: [1, { input: 'x', axis: 1 }, 2],
            value: [1, 1],
            dependsOn: 'input-mean',
            meanScale: [10, -10],
          },
        ],
      }),
    )
    const out = await s.run({ x: new ort.Tensor('float32', Float32Array.of(0.5, 0.1), [1, 2]) })
    expect(out.scores.dims).toEqual([1, 2, 2])
    const values = Array.from(out.scores.data as Float32Array)
    ;[4, -2, 4, -2].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 5))
    await s.release()
  })

  it('rejects specs it cannot build', () => {
    expect(() =>
      buildTinyModel({
        inputs: [image],
        outputs: [{ name: 'y', type: 'float32', dims: [2, 2], value: [1, 2, 3] }],
      }),
    ).toThrow(/3 elements/)
    expect(() =>
      buildTinyModel({
        inputs: [{ name: 'k', type: 'int64', dims: [1] }],
        outputs: [{ name: 'y', type: 'float32', dims: [1], dependsOn: 'input-mean' }],
      }),
    ).toThrow(/float32/)
    const mask: TinyTensorSpec = { name: 'm', type: 'int64', dims: [1, 'n'] }
    expect(() =>
      buildTinyModel({
        inputs: [mask],
        outputs: [
          {
            name: 'y',
            type: 'float32',
            dims: [1, 'n', 4],
            shapeFrom: [1, { input: 'm', axis: 1 }, 4],
            value: [1, 2],
          },
        ],
      }),
    ).toThrow(/2 elements/)
    expect(() =>
      buildTinyModel({
        inputs: [mask],
        outputs: [
          { name: 'y', type: 'int64', dims: [1], lengthSlope: { input: 'm', axis: 1, slope: [1] } },
        ],
      }),
    ).toThrow(/float32/)
  })
})
