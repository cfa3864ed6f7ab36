import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from '../../helpers/onnxBuilder'
import { InlineModelRunner } from '../../../main/inference/InlineModelRunner'
import { SamSegmenter } from '../../../main/inference/models/samSegmenter'
import { maskBoundingBox } from '../../../main/engine/perception/samMasks'
import type { ModelRunner, TensorData } from '../../../main/inference/types'
import { isExactRectangle, rectangleLogits } from '../../helpers/samFixtures'

// Signatures of the Hugging Face SamModel "split" ONNX export (optimum SamOnnxConfig; e.g.
// Xenova/slimsam-77-uniform): dynamic axes by name, the rest static, labels int64.
const EMBEDDING_DIMS = ['batch_size', 256, 64, 64]
const ENCODER = {
  inputs: [
    { name: 'pixel_values', type: 'float32', dims: ['batch_size', 3, 1024, 1024] },
  ] as TinyTensorSpec[],
  outputs: [
    {
      name: 'image_embeddings',
      type: 'float32',
      dims: EMBEDDING_DIMS,
      runtimeDims: [1, 256, 64, 64],
      dependsOn: 'input-mean',
    },
    {
      name: 'image_positional_embeddings',
      type: 'float32',
      dims: EMBEDDING_DIMS,
      runtimeDims: [1, 256, 64, 64],
      value: [0.5],
    },
  ] as TinyOutputSpec[],
}
const POINT_DIMS = ['batch_size', 'point_batch_size', 'nb_points_per_image']
const DECODER_INPUTS: TinyTensorSpec[] = [
  { name: 'image_positional_embeddings', type: 'float32', dims: EMBEDDING_DIMS },
  { name: 'image_embeddings', type: 'float32', dims: EMBEDDING_DIMS },
  { name: 'input_points', type: 'float32', dims: [...POINT_DIMS, 2] },
  { name: 'input_labels', type: 'int64', dims: POINT_DIMS },
]

/** Candidate 0: empty; 1: a large block (low-res rows 0–149, cols 0–199); 2: the hand-worked block. */
function predMasks(): Float32Array {
  const plane = 256 * 256
  const masks = new Float32Array(3 * plane).fill(-5)
  masks.set(rectangleLogits(0, 150, 0, 200), plane)
  masks.set(rectangleLogits(40, 80, 60, 120), 2 * plane)
  return masks
}

function decoder(extraInputs: TinyTensorSpec[] = []) {
  return {
    inputs: [...DECODER_INPUTS, ...extraInputs],
    outputs: [
      {
        name: 'iou_scores',
        type: 'float32',
        dims: ['batch_size', 'point_batch_size', 3],
        runtimeDims: [1, 1, 3],
        value: [0.2, 0.5, 0.9],
      },
      {
        name: 'pred_masks',
        type: 'float32',
        dims: ['batch_size', 'point_batch_size', 3, 256, 256],
        runtimeDims: [1, 1, 3, 256, 256],
        value: predMasks(),
      },
    ] as TinyOutputSpec[],
  }
}

/** Records every run's model and feeds, then runs it for real. */
function recording(runner: ModelRunner) {
  const calls: { modelPath: string; inputs: Record<string, TensorData> }[] = []
  const wrapped: ModelRunner = {
    run: (modelPath, inputs, options) => {
      calls.push({ modelPath, inputs })
      return runner.run(modelPath, inputs, options)
    },
    describe: (modelPath) => runner.describe(modelPath),
    dispose: () => runner.dispose(),
  }
  return { runner: wrapped, calls }
}

function image(width = 640, height = 480) {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 256
  return { width, height, data }
}

const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-sam-'))
const inline = new InlineModelRunner({ log: () => {} })
const paths = { encoderPath: '', decoderPath: '', boxDecoderPath: '' }

function writeModel(
  name: string,
  spec: { inputs: TinyTensorSpec[]; outputs: TinyOutputSpec[] },
): string {
  mkdirSync(join(dir, 'slimsam-tiny'), { recursive: true })
  const path = join(dir, 'slimsam-tiny', `${name}.onnx`)
  writeFileSync(path, buildTinyModel(spec))
  return path
}

beforeAll(() => {
  paths.encoderPath = writeModel('vision_encoder', ENCODER)
  paths.decoderPath = writeModel('prompt_encoder_mask_decoder', decoder())
  paths.boxDecoderPath = writeModel(
    'prompt_encoder_mask_decoder_boxes',
    decoder([{ name: 'input_boxes', type: 'float32', dims: ['batch_size', 'nb_boxes', 4] }]),
  )
})
afterAll(async () => {
  await inline.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe('SamSegmenter on tiny models with the real export signatures', () => {
  it('returns the best-IoU candidate at the original resolution, via the real runner', async () => {
    const { runner, calls } = recording(inline)
    const sam = new SamSegmenter(runner, paths, { providers: ['cpu'] })
    const result = await sam.segment(image(), [{ points: [{ u: 320, v: 240, isPositive: true }] }])
    expect(result.provider).toBe('cpu')
    expect(result.masks).toHaveLength(1)
    expect(result.masks[0]).toHaveLength(640 * 480)
    // Candidate 2 (IoU 0.9): low-res rows 40–79 × cols 60–119 → rows 100–199 × cols 150–299 of 640×480.
    expect(isExactRectangle(result.masks[0], 640, [150, 100, 300, 200], true)).toBe(true)
    expect(result.scores[0]).toBeCloseTo(0.9, 6)
    expect(result.timings.isEmbeddingCached).toBe(false)
    const [encoderCall, decoderCall] = calls
    expect(encoderCall.inputs.pixel_values.dims).toEqual([1, 3, 1024, 1024])
    expect(decoderCall.inputs.input_points).toEqual({
      type: 'float32',
      dims: [1, 1, 1, 2],
      data: Float32Array.of(512, 384),
    })
    expect(decoderCall.inputs.input_labels).toEqual({
      type: 'int64',
      dims: [1, 1, 1],
      data: BigInt64Array.of(1n),
    })
    // The encoder's output reached the decoder: image_embeddings = mean of pixel_values (tiny model).
    const pixels = encoderCall.inputs.pixel_values.data as Float32Array
    const mean = pixels.reduce((s, v) => s + v, 0) / pixels.length
    expect((decoderCall.inputs.image_embeddings.data as Float32Array)[12345]).toBeCloseTo(mean, 4)
  })

  it('encodes an image once and decodes each prompt; a changed image is encoded again', async () => {
    const { runner, calls } = recording(inline)
    const sam = new SamSegmenter(runner, paths, { providers: ['cpu'] })
    const rgb = image()
    const click = {
      points: [
        { u: 10, v: 10, isPositive: true },
        { u: 600, v: 400, isPositive: false },
      ],
    }
    await sam.segment(rgb, [click, click])
    const second = await sam.segment(rgb, [click])
    expect(second.timings.isEmbeddingCached).toBe(true)
    expect(second.timings.encoderMs).toBe(0)
    const encoderRuns = () => calls.filter((c) => c.modelPath === paths.encoderPath).length
    expect(encoderRuns()).toBe(1)
    expect(calls.filter((c) => c.modelPath === paths.decoderPath)).toHaveLength(3)
    expect(calls[1].inputs.input_labels.data).toEqual(BigInt64Array.of(1n, 0n))
    rgb.data[0] ^= 0xff // same buffer, new content (a reused camera buffer)
    await sam.segment(rgb, [click])
    expect(encoderRuns()).toBe(2)
  })

  it('without input_boxes, a box becomes a centre click and the candidate that fits the box wins', async () => {
    const { runner, calls } = recording(inline)
    const sam = new SamSegmenter(runner, paths, { providers: ['cpu'] })
    const result = await sam.segment(image(), [{ box: [0, 0, 500, 380] }])
    expect(calls[1].inputs.input_points.data).toEqual(Float32Array.of(400, 304))
    // Candidate 1 (IoU score 0.5, not the best score) matches the box: rows 0–374 × cols 0–499,
    // its one interior corner (499, 374) rounded off.
    expect(maskBoundingBox(result.masks[0], 640, 480)).toEqual([0, 0, 500, 375])
    expect(result.masks[0].reduce((n, v) => n + v, 0)).toBe(500 * 375 - 1)
    expect(result.scores[0]).toBeCloseTo(0.5, 6)
  })

  it('feeds input_boxes (scaled to the 1024 frame) to a decoder that declares it', async () => {
    const { runner, calls } = recording(inline)
    const sam = new SamSegmenter(
      runner,
      { ...paths, decoderPath: paths.boxDecoderPath },
      { providers: ['cpu'] },
    )
    const result = await sam.segment(image(), [{ box: [100, 50, 300, 200] }])
    expect(calls[1].inputs.input_boxes).toEqual({
      type: 'float32',
      dims: [1, 1, 4],
      data: Float32Array.of(160, 80, 480, 320),
    })
    expect(calls[1].inputs.input_labels.data).toEqual(BigInt64Array.of(-10n))
    expect(isExactRectangle(result.masks[0], 640, [150, 100, 300, 200], true)).toBe(true)
    await expect(
      sam.segment(image(), [{ points: [{ u: 1, v: 1, isPositive: true }] }]),
    ).rejects.toThrow(/add a box/)
  })

  it('names the missing output when the encoder is not a SAM vision encoder', async () => {
    const wrong = writeModel('not_sam', {
      inputs: ENCODER.inputs,
      outputs: [{ name: 'last_hidden_state', type: 'float32', dims: [1, 4], value: [0] }],
    })
    const sam = new SamSegmenter(
      inline,
      { encoderPath: wrong, decoderPath: paths.decoderPath },
      { providers: ['cpu'] },
    )
    await expect(
      sam.segment(image(64, 48), [{ points: [{ u: 1, v: 1, isPositive: true }] }]),
    ).rejects.toThrow(/no output image_embeddings/)
  })
})
