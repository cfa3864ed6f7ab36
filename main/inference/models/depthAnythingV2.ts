import type { Intrinsics, RgbImage } from '../../engine/types'
import type { DepthCalibration, DepthOutputKind } from '../../engine/depth/types'
import { DEPTH_ANYTHING_V2 } from '../../engine/depth/modelSpecs'
import { preprocessDepthAnything } from '../../engine/depth/preprocess'
import { depthAnythingToOriginal } from '../../engine/depth/postprocess'
import type { KeepAspectMethod } from '../../engine/depth/resizeRules'
import type { ModelRunner, RunOptions, TensorSpec } from '../types'
import {
  assertIntrinsicsMatch,
  CalibrationRequiredError,
  checkDepthSignature,
  finishPrediction,
  floatOutput,
  type DepthPrediction,
  type MonocularDepthModel,
  type PredictOptions,
  type RawDepthPrediction,
} from './depthModel'
import { LazyOnSuccess } from '../lazyOnSuccess'

/**
 * Depth Anything V2 as engine types. Variants:
 * - `relative` (e.g. onnx-community/depth-anything-v2-small): relative inverse depth (ReLU head);
 *   metres need a per-camera calibration in inverse-depth space.
 * - `metric-indoor` / `metric-outdoor` (Depth-Anything-V2-Metric-{Hypersim,VKITTI}): metres from a
 *   sigmoid × max depth head (20 m / 80 m).
 * Graph (optimum / transformers.js export): `pixel_values` float32 [batch_size, 3, height, width]
 * → `predicted_depth` float32 [batch_size, height, width].
 */
export type DepthAnythingV2Variant = 'relative' | 'metric-indoor' | 'metric-outdoor'

export interface DepthAnythingV2Options {
  runner: ModelRunner
  modelPath: string
  /** Manifest id, reported in provenance (e.g. "depth-anything-v2-small"). */
  modelId: string
  variant: DepthAnythingV2Variant
  /** Default calibration for predict(); per-call options override it. */
  calibration?: DepthCalibration
  calibratedAt?: string
  /** Resize rule; default the reference 'lower_bound' at 518 px. */
  inputSize?: number
  resizeMethod?: KeepAspectMethod
  /** Graph names, for re-exports that name them differently. */
  inputName?: string
  outputName?: string
  providers?: RunOptions['providers']
}

export class DepthAnythingV2 implements MonocularDepthModel {
  readonly modelId: string
  readonly output: DepthOutputKind
  /** Upper bound of the metric head, metres (undefined for the relative variant). */
  readonly maxDepthM: number | undefined
  private readonly options: DepthAnythingV2Options
  /** Read once the first run needs it; a failure (missing file) is retried on the next call. */
  private readonly signature = new LazyOnSuccess(() => this.readSignature())

  constructor(options: DepthAnythingV2Options) {
    this.options = options
    this.modelId = options.modelId
    this.output = options.variant === 'relative' ? 'relative-inverse' : 'metric'
    this.maxDepthM =
      options.variant === 'relative' ? undefined : DEPTH_ANYTHING_V2.maxDepthM[options.variant]
  }

  /** The model's output at the image's resolution, in model units; the image is not retained. */
  async predictRaw(rgb: RgbImage, intrinsics: Intrinsics): Promise<RawDepthPrediction> {
    assertIntrinsicsMatch(rgb, intrinsics, this.modelId)
    await this.signature.get()
    const preStart = performance.now()
    const input = preprocessDepthAnything(rgb, {
      inputSize: this.options.inputSize,
      resizeMethod: this.options.resizeMethod,
    })
    const preprocessMs = performance.now() - preStart
    const result = await this.options.runner.run(
      this.options.modelPath,
      { [this.inputName]: { type: 'float32', dims: input.tensor.dims, data: input.tensor.data } },
      this.options.providers ? { providers: this.options.providers } : undefined,
    )
    const postStart = performance.now()
    const model = depthAnythingToOriginal(
      floatOutput(result, this.outputName, this.modelId),
      rgb.width,
      rgb.height,
    )
    return {
      model,
      output: this.output,
      modelId: this.modelId,
      provider: result.provider,
      inferenceMs: result.inferenceMs,
      preprocessMs,
      postprocessMs: performance.now() - postStart,
    }
  }

  /** Metric depth (metres, the image's resolution); relative variants need a calibration. */
  async predict(
    rgb: RgbImage,
    intrinsics: Intrinsics,
    options: PredictOptions = {},
  ): Promise<DepthPrediction> {
    const calibration = options.calibration ?? this.options.calibration
    const calibratedAt = options.calibration ? options.calibratedAt : this.options.calibratedAt
    if (this.output === 'relative-inverse' && !calibration) {
      // Fail before running the model: its output would be unusable anyway.
      throw new CalibrationRequiredError(this.modelId)
    }
    return finishPrediction(await this.predictRaw(rgb, intrinsics), { calibration, calibratedAt })
  }

  async dispose(): Promise<void> {
    this.signature.reset()
  }

  private get inputName(): string {
    return this.options.inputName ?? DEPTH_ANYTHING_V2.inputName
  }

  private get outputName(): string {
    return this.options.outputName ?? DEPTH_ANYTHING_V2.outputName
  }

  private readSignature(): Promise<TensorSpec> {
    return checkDepthSignature(this.options.runner, this.options.modelPath, this.modelId, {
      input: { name: this.inputName, type: 'float32', dims: DEPTH_ANYTHING_V2.inputDims },
      output: { name: this.outputName, type: 'float32', dims: DEPTH_ANYTHING_V2.outputDims },
    })
  }
}
