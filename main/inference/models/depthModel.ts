import type { DepthImage, Intrinsics, RgbImage } from '../../engine/types'
import type { FloatTensor } from '../../engine/perception/types'
import type { DepthCalibration, DepthOutputKind, DepthProvenance } from '../../engine/depth/types'
import { calibrationSpaceFor, toMetricDepth } from '../../engine/depth/postprocess'
import { ModelError } from '../ModelError'
import { checkSignature } from '../signature'
import type { ExecutionProviderName, InferenceResult, ModelRunner, TensorSpec } from '../types'

/**
 * What every monocular depth model returns, and the checks they share. Outputs are engine types
 * (DepthImage in metres at the image's resolution), never runtime tensors.
 */

/** A model's output mapped back to the image, before any calibration. */
export interface RawDepthPrediction {
  /** Model units (metres for metric models, relative inverse depth otherwise), image resolution; 0 = invalid. */
  model: DepthImage
  output: DepthOutputKind
  modelId: string
  provider: ExecutionProviderName
  /** session.run wall time, milliseconds. */
  inferenceMs: number
  /** Resize + normalise, milliseconds. */
  preprocessMs: number
  /** Mapping back (and de-canonicalising), milliseconds. */
  postprocessMs: number
}

/** Metric depth for one image, with where it came from. */
export interface DepthPrediction extends Omit<RawDepthPrediction, 'model'> {
  /** Metres along the optical axis, the image's resolution, row-major; 0 = invalid. New buffer. */
  depth: DepthImage
  calibration?: DepthCalibration
  provenance: DepthProvenance
}

export interface PredictOptions {
  /** Per-camera calibration for this model (required for relative models). Overrides the constructor's. */
  calibration?: DepthCalibration
  /** ISO 8601 time the calibration was measured, for provenance. */
  calibratedAt?: string
}

/** The shared shape of the depth model classes (Depth Anything V2, Metric3D v2). */
export interface MonocularDepthModel {
  readonly modelId: string
  readonly output: DepthOutputKind
  /** The model's output at the image's resolution, uncalibrated (what a calibration is fitted to). */
  predictRaw(rgb: RgbImage, intrinsics: Intrinsics): Promise<RawDepthPrediction>
  /** Metric depth; relative models throw CalibrationRequiredError without a calibration. */
  predict(rgb: RgbImage, intrinsics: Intrinsics, options?: PredictOptions): Promise<DepthPrediction>
  /** Releases nothing native: the shared runner owns the sessions and is disposed by its owner. */
  dispose(): Promise<void>
}

/** A relative depth model was asked for metres without a calibration for this camera. */
export class CalibrationRequiredError extends ModelError {
  constructor(modelId: string) {
    super({
      kind: 'input',
      problem: `${modelId} predicts relative inverse depth, which has no metric scale without a per-camera calibration`,
      fix:
        'calibrate this camera for this model (one RGB-D frame, a known distance between two points, or an object of known size), ' +
        'or use a metric depth model',
    })
    this.name = 'CalibrationRequiredError'
  }
}

/** The frame's intrinsics must describe this image (Metric3D scales fx; provenance quotes them). */
export function assertIntrinsicsMatch(
  rgb: RgbImage,
  intrinsics: Intrinsics,
  modelId: string,
): void {
  if (intrinsics.width !== rgb.width || intrinsics.height !== rgb.height) {
    throw new ModelError({
      kind: 'input',
      problem: `${modelId}: the image is ${rgb.width}×${rgb.height} but the intrinsics are for ${intrinsics.width}×${intrinsics.height}`,
      fix: 'give the intrinsics of this image (scale them when the image was resized)',
    })
  }
}

/** Expected graph I/O: names, ranks and static dims (strings are dynamic and match anything). */
export interface ExpectedSignature {
  input: TensorSpec
  output: TensorSpec
}

/**
 * Checks a model file against the published export's signature (shared rules of signature.ts:
 * names, dtypes, ranks, fixed dims); throws a 'signature' ModelError naming what differs. Returns
 * the file's actual input spec (its static dims fix the input size).
 */
export async function checkDepthSignature(
  runner: ModelRunner,
  modelPath: string,
  modelId: string,
  expected: ExpectedSignature,
): Promise<TensorSpec> {
  const actual = await runner.describe(modelPath)
  checkSignature({ inputs: [expected.input], outputs: [expected.output] }, actual, {
    model: modelId,
    modelPath,
    fix: `download the published model again with \`npx spatial-lens models download ${modelId}\``,
  })
  return actual.inputs.find((spec) => spec.name === expected.input.name)!
}

/** The named float32 output of a run as an engine tensor (a view, no copy). */
export function floatOutput(result: InferenceResult, name: string, modelId: string): FloatTensor {
  const tensor = result.outputs[name]
  if (!tensor || tensor.type !== 'float32' || !(tensor.data instanceof Float32Array)) {
    throw new ModelError({
      kind: 'runtime',
      problem: `${modelId} returned no float32 output "${name}" (outputs: ${Object.keys(result.outputs).join(', ')})`,
      fix: 'check that the model file is the published export',
    })
  }
  return { data: tensor.data, dims: tensor.dims }
}

/** Raw prediction + optional calibration → metric depth and provenance. */
export function finishPrediction(
  raw: RawDepthPrediction,
  options: PredictOptions,
): DepthPrediction {
  const { model, ...rest } = raw
  if (raw.output === 'relative-inverse' && !options.calibration)
    throw new CalibrationRequiredError(raw.modelId)
  const space = calibrationSpaceFor(raw.output)
  if (options.calibration && options.calibration.space !== space) {
    throw new ModelError({
      kind: 'input',
      problem: `${raw.modelId} needs a ${space}-space calibration, got one fitted in ${options.calibration.space} space`,
      fix: 'recalibrate this camera for this model',
    })
  }
  const depth = toMetricDepth(model, raw.output, options.calibration)
  const provenance: DepthProvenance = {
    modelId: raw.modelId,
    output: raw.output,
    provider: raw.provider,
    inferenceMs: raw.inferenceMs,
    ...(options.calibration ? { calibration: options.calibration } : {}),
    ...(options.calibratedAt ? { calibratedAt: options.calibratedAt } : {}),
  }
  return {
    ...rest,
    depth,
    ...(options.calibration ? { calibration: options.calibration } : {}),
    provenance,
  }
}
