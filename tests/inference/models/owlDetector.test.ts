import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from '../../helpers/onnxBuilder'
import { InlineModelRunner } from '../../../main/inference/InlineModelRunner'
import { OwlDetector } from '../../../main/inference/models/owlDetector'
import { owlTokenizerFromJson } from '../../../main/inference/models/owlTokenizer'
import { sigmoid } from '../../../main/engine/perception/owlPostprocess'
import type { ModelRunner, TensorData } from '../../../main/inference/types'
import { tinyClipTokenizer } from '../../helpers/tinyClipTokenizer'

// OWLv2 base patch16 at 960²: 60 × 60 = 3600 predicted boxes.
const BOXES = 3600
const QUERIES = 2

/** Constant logits [1, 3600, 2] and boxes [1, 3600, 4] that decode to one known detection. */
function constantOutputs() {
  const logits = new Float32Array(BOXES * QUERIES).fill(-10)
  const boxes = new Float32Array(BOXES * 4)
  for (let b = 0; b < BOXES; b++) boxes.set([0.5, 0.5, 0.01, 0.01], b * 4)
  const put = (b: number, query: number, logit: number, box: number[]) => {
    logits[b * QUERIES + query] = logit
    boxes.set(box, b * 4)
  }
  put(7, 1, 2, [0.25, 0.2, 0.1, 0.1]) // "mug", 0.881 → [128, 96, 192, 160] in 640×480
  put(8, 1, 1, [0.255, 0.2, 0.1, 0.1]) // a weaker duplicate: NMS
  put(9, 0, -1.5, [0.6, 0.3, 0.1, 0.1]) // "bottle", 0.18 < 0.3
  put(10, 0, 3, [0.5, 0.9, 0.2, 0.1]) // "bottle" but entirely in the padding below the image
  return { logits, boxes }
}

// Signature of the Hugging Face OWLv2 ONNX export (optimum OwlV2OnnxConfig,
// zero-shot-object-detection; e.g. onnx-community/owlv2-base-patch16-ensemble).
function owlModel(): { inputs: TinyTensorSpec[]; outputs: TinyOutputSpec[] } {
  const { logits, boxes } = constantOutputs()
  return {
    inputs: [
      { name: 'input_ids', type: 'int64', dims: ['text_batch_size', 'sequence_length'] },
      {
        name: 'pixel_values',
        type: 'float32',
        dims: ['batch_size', 'num_channels', 'height', 'width'],
      },
      { name: 'attention_mask', type: 'int64', dims: ['text_batch_size', 'sequence_length'] },
    ],
    outputs: [
      {
        name: 'logits',
        type: 'float32',
        dims: ['image_batch_size', BOXES, 'num_queries'],
        runtimeDims: [1, BOXES, QUERIES],
        value: logits,
      },
      {
        name: 'pred_boxes',
        type: 'float32',
        dims: ['image_batch_size', 'num_boxes', 4],
        runtimeDims: [1, BOXES, 4],
        value: boxes,
      },
      {
        name: 'text_embeds',
        type: 'float32',
        dims: ['text_batch_size', 'max_text_queries', 512],
        runtimeDims: [1, QUERIES, 512],
      },
      {
        name: 'image_embeds',
        type: 'float32',
        dims: ['image_batch_size', 60, 60, 768],
        runtimeDims: [1, 60, 60, 768],
      },
    ],
  }
}

const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-owl-'))
const inline = new InlineModelRunner({ log: () => {} })
const tiny = tinyClipTokenizer()
const tokenizer = owlTokenizerFromJson(tiny.tokenizerJson, tiny.tokenizerConfig)
let modelPath = ''

beforeAll(() => {
  mkdirSync(join(dir, 'owlv2-tiny'), { recursive: true })
  modelPath = join(dir, 'owlv2-tiny', 'model.onnx')
  writeFileSync(modelPath, buildTinyModel(owlModel()))
})
afterAll(async () => {
  await inline.dispose()
  rmSync(dir, { recursive: true, force: true })
})

function recording(runner: ModelRunner) {
  const calls: Record<string, TensorData>[] = []
  const wrapped: ModelRunner = {
    run: (path, inputs, options) => {
      calls.push(inputs)
      return runner.run(path, inputs, options)
    },
    describe: (path) => runner.describe(path),
    dispose: () => runner.dispose(),
  }
  return { runner: wrapped, calls }
}

const rgb = { width: 640, height: 480, data: new Uint8Array(640 * 480 * 3).fill(90) }

describe('OwlDetector on a tiny model with the real export signature', () => {
  it('decodes constant logits/boxes to the known detection, labelled with the user text', async () => {
    const { runner, calls } = recording(inline)
    const owl = new OwlDetector(runner, modelPath, tokenizer, { providers: ['cpu'] })
    const result = await owl.detect(rgb, ['bottle', 'mug'], { scoreThreshold: 0.3 })
    expect(result.provider).toBe('cpu')
    expect(result.detections).toHaveLength(1)
    const [mug] = result.detections
    expect(mug.label).toBe('mug')
    expect(mug.classId).toBe(1)
    expect(mug.score).toBeCloseTo(sigmoid(2), 6)
    mug.box.forEach((v, i) => expect(v).toBeCloseTo([128, 96, 192, 160][i], 3))

    const feeds = calls[0]
    expect(feeds.pixel_values.dims).toEqual([1, 3, 960, 960])
    expect(feeds.input_ids.type).toBe('int64')
    expect(feeds.input_ids.dims).toEqual([2, 16])
    expect(feeds.attention_mask.dims).toEqual([2, 16])
    const v = tiny.vocab
    const bottle = [
      tiny.startId,
      320,
      v['photo</w>'],
      v['of</w>'],
      320,
      v.b,
      v.o,
      v.t,
      v.t,
      v.l,
      v['e</w>'],
      tiny.endId,
    ]
    const mugIds = [tiny.startId, 320, v['photo</w>'], v['of</w>'], 320, v['mug</w>'], tiny.endId]
    const ids = Array.from(feeds.input_ids.data as BigInt64Array, Number)
    expect(ids.slice(0, 16)).toEqual([...bottle, 0, 0, 0, 0])
    expect(ids.slice(16)).toEqual([...mugIds, ...new Array(9).fill(0)])
    expect(Array.from(feeds.attention_mask.data as BigInt64Array, Number).slice(16)).toEqual([
      ...new Array(7).fill(1),
      ...new Array(9).fill(0),
    ])
  })

  it('lowers the threshold per label and keeps the same-label NMS', async () => {
    const owl = new OwlDetector(inline, modelPath, tokenizer, { providers: ['cpu'] })
    const result = await owl.detect(rgb, ['bottle', 'mug'], { scoreThreshold: [0.1, 0.3] })
    expect(result.detections.map((d) => [d.label, Number(d.score.toFixed(3))])).toEqual([
      ['mug', 0.881],
      ['bottle', 0.182],
    ])
  })

  it('rejects outputs whose query count does not match the labels', async () => {
    const owl = new OwlDetector(inline, modelPath, tokenizer, { providers: ['cpu'] })
    await expect(owl.detect(rgb, ['mug'])).rejects.toThrow(/expected logits \[1, boxes, 1\]/)
    await expect(owl.detect(rgb, [])).rejects.toThrow(/at least one label/)
  })
})
