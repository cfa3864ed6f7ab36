import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NanoDetDetector, nanoDetLevels } from '../../main/inference/models/nanodet'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import type { ModelRunner, ModelSignature, TensorData } from '../../main/inference/types'
import type { RgbImage } from '../../main/engine/types'
import { buildTinyModel } from '../helpers/onnxBuilder'

// NanoDet-m's exact signature (models/builtin/nanodet-m/PROVENANCE.md).
const INPUT = 'input.1'
const LEVELS = [
  { stride: 8, cells: 2704, scores: '792', boxes: '795' },
  { stride: 16, cells: 676, scores: '814', boxes: '817' },
  { stride: 32, cells: 169, scores: '836', boxes: '839' },
]
const LABELS = Array.from({ length: 80 }, (_, i) =>
  i === 63 ? 'laptop' : i === 62 ? 'tvmonitor' : `class${i}`,
)

/**
 * Constant NanoDet outputs with one confident cell: stride 16, column 10, row 12 → centre
 * (10.5 · 16, 12.5 · 16) = (168, 200); class `classId` at 0.9; every cell's sides one-hot at bins
 * 4, 3, 5, 2 → 64, 48, 80, 32 px → model box [104, 152, 248, 232]. For an 832×624 image
 * (letterbox scale 0.5, pad y 52) that is [208, 200, 496, 360] in the image.
 */
function constantOutputs(classId = 63): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {}
  const sides = [4, 3, 5, 2]
  for (const level of LEVELS) {
    const scores = new Float32Array(level.cells * 80)
    if (level.stride === 16) scores[(12 * 26 + 10) * 80 + classId] = 0.9
    const boxes = new Float32Array(level.cells * 32)
    for (let cell = 0; cell < level.cells; cell++)
      sides.forEach((bin, side) => (boxes[cell * 32 + side * 8 + bin] = 40))
    out[level.scores] = scores
    out[level.boxes] = boxes
  }
  return out
}
const EXPECTED_BOX = [208, 200, 496, 360]

const grey = (width: number, height: number, value = 128): RgbImage => ({
  width,
  height,
  data: new Uint8Array(width * height * 3).fill(value),
})
const rounded = (box: number[]) => box.map((x) => Number(x.toFixed(4)))

/** A runner without ORT: records what it was given and answers with the constant outputs. */
function fakeRunner(signature: ModelSignature, outputs: Record<string, Float32Array>) {
  const calls: Record<string, TensorData>[] = []
  const runner: ModelRunner = {
    async run(_path, inputs) {
      calls.push(inputs)
      const tensors: Record<string, TensorData> = {}
      for (const [name, data] of Object.entries(outputs)) {
        const channels = LEVELS.some((level) => level.scores === name) ? 80 : 32
        tensors[name] = { type: 'float32', dims: [1, data.length / channels, channels], data }
      }
      return { outputs: tensors, provider: 'cpu', inferenceMs: 1 }
    },
    describe: async () => signature,
    dispose: async () => {},
  }
  return { runner, calls }
}

describe('nanoDetLevels', () => {
  it('pairs score and box outputs by shape, whatever their names and order, sorted by stride', () => {
    const outputs: Record<string, TensorData> = {
      b32: { type: 'float32', dims: [1, 169, 32], data: new Float32Array(169 * 32) },
      s8: { type: 'float32', dims: [1, 2704, 3], data: new Float32Array(2704 * 3) },
      s32: { type: 'float32', dims: [1, 169, 3], data: new Float32Array(169 * 3) },
      b8: { type: 'float32', dims: [1, 2704, 32], data: new Float32Array(2704 * 32) },
    }
    const { levels, classCount } = nanoDetLevels(outputs, 416, 416)
    expect(classCount).toBe(3)
    expect(levels.map((l) => [l.stride, l.gridWidth, l.gridHeight])).toEqual([
      [8, 52, 52],
      [32, 13, 13],
    ])
    expect(levels[0].scores).toBe(outputs.s8.data)
  })

  it('names the outputs when they do not pair up', () => {
    const outputs: Record<string, TensorData> = {
      s8: { type: 'float32', dims: [1, 2704, 80], data: new Float32Array(2704 * 80) },
    }
    expect(() => nanoDetLevels(outputs, 416, 416)).toThrow(/s8 \[1,2704,80\]/)
    const int: Record<string, TensorData> = {
      x: { type: 'int64', dims: [1, 2], data: new BigInt64Array(2) },
    }
    expect(() => nanoDetLevels(int, 416, 416)).toThrow(/output x/)
  })
})

describe('NanoDetDetector with a scripted runner', () => {
  const signature: ModelSignature = {
    inputs: [{ name: 'images', type: 'float32', dims: [1, 3, 'h', 'w'] }],
    outputs: [],
  }

  it("feeds the letterboxed BGR tensor under the model's input name and decodes the outputs", async () => {
    const { runner, calls } = fakeRunner(signature, constantOutputs())
    const detector = new NanoDetDetector(runner, 'nanodet.onnx', LABELS)
    const result = await detector.detect(grey(832, 624, 50))
    const input = calls[0].images
    // Dynamic dims fall back to 416.
    expect(input.dims).toEqual([1, 3, 416, 416])
    const data = input.data as Float32Array
    // Row 0 is padding: B = (0 − 103.53) / 57.375; row 208 is image: B = (50 − 103.53) / 57.375.
    expect(data[0]).toBeCloseTo(-1.8044444, 5)
    expect(data[208 * 416]).toBeCloseTo(-0.9329847, 5)
    expect(result.detections).toHaveLength(1)
    expect(result.detections[0]).toMatchObject({ label: 'laptop', classId: 63 })
    expect(result.detections[0].score).toBeCloseTo(0.9, 6)
    expect(rounded(result.detections[0].box)).toEqual(EXPECTED_BOX)
    expect(result.provider).toBe('cpu')
    expect(result.preprocessMs).toBeGreaterThanOrEqual(0)
  })

  it('reports labels in COCO wording and refuses a label list that does not fit the model', async () => {
    const { runner } = fakeRunner(signature, constantOutputs(62))
    const detections = (await new NanoDetDetector(runner, 'm.onnx', LABELS).detect(grey(832, 624)))
      .detections
    expect(detections[0].label).toBe('tv')
    await expect(
      new NanoDetDetector(runner, 'm.onnx', LABELS.slice(1)).detect(grey(832, 624)),
    ).rejects.toThrow(/80 classes but 79 labels/)
    await expect(
      new NanoDetDetector(runner, 'm.onnx', LABELS.slice(1)).detect(grey(832, 624)),
    ).rejects.toMatchObject({ name: 'ModelError', kind: 'input', modelPath: 'm.onnx' })
  })

  it('rejects a model whose input is not an image, as a signature error', async () => {
    const { runner } = fakeRunner(
      { inputs: [{ name: 'x', type: 'float32', dims: [1, 4] }], outputs: [] },
      {},
    )
    await expect(
      new NanoDetDetector(runner, 'm.onnx', LABELS).detect(grey(8, 8)),
    ).rejects.toMatchObject({
      kind: 'signature',
    })
  })
})

describe("NanoDetDetector through the inline ORT runner on a tiny model with NanoDet's signature", () => {
  const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-nanodet-'))
  const runner = new InlineModelRunner({ log: () => {} })
  afterAll(async () => {
    await runner.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('preprocesses, runs and decodes to the box the constant outputs encode', async () => {
    const outputs = constantOutputs()
    const model = buildTinyModel({
      inputs: [{ name: INPUT, type: 'float32', dims: [1, 3, 416, 416] }],
      outputs: LEVELS.flatMap((level) => [
        {
          name: level.scores,
          type: 'float32' as const,
          dims: [1, level.cells, 80],
          value: outputs[level.scores],
        },
        {
          name: level.boxes,
          type: 'float32' as const,
          dims: [1, level.cells, 32],
          value: outputs[level.boxes],
        },
      ]),
    })
    const path = join(dir, 'nanodet_tiny.onnx')
    writeFileSync(path, model)
    const detector = new NanoDetDetector(runner, path, LABELS)
    const result = await detector.detect(grey(832, 624), { providers: ['cpu'] })
    expect(result.provider).toBe('cpu')
    expect(result.detections.map((d) => d.label)).toEqual(['laptop'])
    expect(rounded(result.detections[0].box)).toEqual(EXPECTED_BOX)
    // A stricter threshold than the constant score leaves nothing.
    expect(
      (await detector.detect(grey(832, 624), { scoreThreshold: 0.95, providers: ['cpu'] }))
        .detections,
    ).toEqual([])
  })
})
