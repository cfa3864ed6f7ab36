import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from '../../helpers/onnxBuilder'
import { InlineModelRunner } from '../../../main/inference/InlineModelRunner'
import { ModelError } from '../../../main/inference/ModelError'
import { DepthAnythingV2 } from '../../../main/inference/models/depthAnythingV2'
import { Metric3dV2 } from '../../../main/inference/models/metric3dV2'
import { CalibrationRequiredError } from '../../../main/inference/models/depthModel'
import type { DepthCalibration } from '../../../main/engine/depth/types'
import type { Intrinsics, RgbImage } from '../../../main/engine/types'

// Signatures of the published exports, exactly:
// - Depth Anything V2 (optimum / transformers.js, onnx-community/depth-anything-v2-*):
//   pixel_values float32 [batch_size, 3, height, width] → predicted_depth float32 [batch_size, height, width].
// - Metric3D v2 ViT (YvanYin/Metric3D onnx/metric3d_onnx_export.py, static):
//   image float32 [1, 3, 616, 1064] → pred_depth float32 [1, 1, 616, 1064].
// Each tiny model returns `value + mean(input)` everywhere, so the output shows what reached it
// (onnxruntime's float32 ReduceMean over ~10⁶ values is good to ~3·10⁻⁴ relative, hence 3 digits).
const DA_INPUT: TinyTensorSpec = {
  name: 'pixel_values',
  type: 'float32',
  dims: ['batch_size', 3, 'height', 'width'],
}
const daOutput = (value: number, runtimeDims = [1, 518, 686]): TinyOutputSpec => ({
  name: 'predicted_depth',
  type: 'float32',
  dims: ['batch_size', 'height', 'width'],
  runtimeDims,
  value: [value],
  dependsOn: 'input-mean',
})
const METRIC3D_INPUT: TinyTensorSpec = { name: 'image', type: 'float32', dims: [1, 3, 616, 1064] }
const METRIC3D_OUTPUT: TinyOutputSpec = {
  name: 'pred_depth',
  type: 'float32',
  dims: [1, 1, 616, 1064],
  dependsOn: 'input-mean',
}

const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-depth-models-'))
const runner = new InlineModelRunner({ log: () => {} })
afterAll(async () => {
  await runner.dispose()
  rmSync(dir, { recursive: true, force: true })
})

function writeModel(name: string, inputs: TinyTensorSpec[], outputs: TinyOutputSpec[]): string {
  mkdirSync(join(dir, name), { recursive: true })
  const path = join(dir, name, 'model.onnx')
  writeFileSync(path, buildTinyModel({ inputs, outputs }))
  return path
}

function uniformImage(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3)
  return { width, height, data }
}

const image = uniformImage(640, 480, [255, 0, 124])
const intrinsics: Intrinsics = {
  width: 640,
  height: 480,
  fx: 518.8579,
  fy: 519.46961,
  cx: 325.58245,
  cy: 253.73617,
}
// Mean of the normalised tensor: the three channel values (equal planes) averaged.
const normalisedMean = ((1 - 0.485) / 0.229 + (0 - 0.456) / 0.224 + (124 / 255 - 0.406) / 0.225) / 3 // 0.18997

const inverseCalibration: DepthCalibration = {
  space: 'inverse-depth',
  scale: 0.1,
  shift: 0.05,
  method: 'rgbd-frame',
  residualRmsM: 0.02,
  residualRel: 0.01,
  pointCount: 1000,
  inlierCount: 900,
}

describe('DepthAnythingV2 through the inline runner', () => {
  const relativePath = writeModel('depth-anything-v2-small', [DA_INPUT], [daOutput(5)])
  const relative = new DepthAnythingV2({
    runner,
    modelPath: relativePath,
    modelId: 'depth-anything-v2-small',
    variant: 'relative',
    providers: ['cpu'],
  })

  it('feeds the ImageNet-normalised 518-px tensor and maps the output to the image (raw units)', async () => {
    const raw = await relative.predictRaw(image, intrinsics)
    expect(raw.model.width).toBe(640)
    expect(raw.model.height).toBe(480)
    expect(raw.output).toBe('relative-inverse')
    expect(raw.provider).toBe('cpu')
    // 5 + mean: the model saw (v/255 − mean)/std, not 0–255 values (whose mean would be ~126).
    expect(raw.model.data[0]).toBeCloseTo(5 + normalisedMean, 3)
    expect(raw.model.data[640 * 480 - 1]).toBeCloseTo(5 + normalisedMean, 3)
  })

  it('relative depth needs a calibration: a clear error without one, metres with one', async () => {
    const error = await relative.predict(image, intrinsics).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CalibrationRequiredError)
    expect((error as ModelError).message).toMatch(
      /relative inverse depth.*calibrate this camera for this model/,
    )
    const prediction = await relative.predict(image, intrinsics, {
      calibration: inverseCalibration,
      calibratedAt: '2025-01-01T00:00:00.000Z',
    })
    const expected = 1 / (0.1 * (5 + normalisedMean) + 0.05)
    expect(prediction.depth.data[12345]).toBeCloseTo(expected, 3)
    expect(prediction.provenance).toMatchObject({
      modelId: 'depth-anything-v2-small',
      output: 'relative-inverse',
      provider: 'cpu',
      calibration: inverseCalibration,
      calibratedAt: '2025-01-01T00:00:00.000Z',
    })
    expect(prediction.depth.data).not.toBeInstanceOf(Array)
  })

  it('metric-indoor: metres straight from the model; a depth-space calibration refines them', async () => {
    const path = writeModel('depth-anything-v2-metric-indoor-small', [DA_INPUT], [daOutput(2)])
    const metric = new DepthAnythingV2({
      runner,
      modelPath: path,
      modelId: 'da-metric-indoor',
      variant: 'metric-indoor',
      providers: ['cpu'],
    })
    expect(metric.maxDepthM).toBe(20)
    const prediction = await metric.predict(image, intrinsics)
    expect(prediction.depth.data[0]).toBeCloseTo(2 + normalisedMean, 3)
    expect(prediction.calibration).toBeUndefined()
    const refined = await metric.predict(image, intrinsics, {
      calibration: { ...inverseCalibration, space: 'depth', scale: 1.5, shift: -0.1 },
    })
    expect(refined.depth.data[0]).toBeCloseTo(1.5 * (2 + normalisedMean) - 0.1, 3)
    await expect(
      metric.predict(image, intrinsics, { calibration: inverseCalibration }),
    ).rejects.toThrow(/needs a depth-space calibration/)
  })

  it('rejects a file that is not the published export, naming the expected tensor', async () => {
    const path = writeModel('wrong-export', [{ ...DA_INPUT, name: 'image' }], [daOutput(1)])
    const model = new DepthAnythingV2({
      runner,
      modelPath: path,
      modelId: 'depth-anything-v2-small',
      variant: 'metric-outdoor',
      providers: ['cpu'],
    })
    const error = await model.predict(image, intrinsics).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).kind).toBe('signature')
    expect((error as ModelError).message).toMatch(/pixel_values/)
    expect((error as ModelError).message).toMatch(
      /spatial-lens models download depth-anything-v2-small/,
    )
  })

  it('rejects intrinsics of another resolution', async () => {
    await expect(relative.predictRaw(image, { ...intrinsics, width: 1280 })).rejects.toThrow(
      /intrinsics are for 1280×480/,
    )
  })
})

describe('Metric3dV2 through the inline runner', () => {
  const path = writeModel('metric3d-v2-vit-small', [METRIC3D_INPUT], [METRIC3D_OUTPUT])
  const model = new Metric3dV2({
    runner,
    modelPath: path,
    modelId: 'metric3d-v2-vit-small',
    providers: ['cpu'],
  })
  const red = uniformImage(640, 480, [200, 10, 10])

  it('feeds raw 0–255 RGB padded with the mean colour, and de-canonicalises with fx · scale / 1000', async () => {
    const prediction = await model.predict(red, intrinsics)
    // The padded tensor: 821 of 1064 columns hold the image, the rest the mean colour.
    const imageMean = (200 + 10 + 10) / 3
    const padMean = (123.675 + 116.28 + 103.53) / 3
    const canonical = (821 * imageMean + 243 * padMean) / 1064 // ≈ 82.73 "canonical metres"
    const expected = (canonical * 518.8579 * (616 / 480)) / 1000 // ≈ 55.09 m
    expect(prediction.depth.width).toBe(640)
    expect(prediction.depth.data[0] / expected).toBeCloseTo(1, 3)
    expect(prediction.depth.data[640 * 240 + 320] / expected).toBeCloseTo(1, 3)
    expect(prediction.provenance).toMatchObject({
      modelId: 'metric3d-v2-vit-small',
      output: 'metric',
      provider: 'cpu',
    })
  })

  it('a different focal length scales the depth proportionally (canonical camera)', async () => {
    const a = await model.predictRaw(red, intrinsics)
    const b = await model.predictRaw(red, { ...intrinsics, fx: intrinsics.fx * 2 })
    expect(b.model.data[100] / a.model.data[100]).toBeCloseTo(2, 5)
  })
})
