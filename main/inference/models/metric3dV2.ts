import type { Intrinsics, RgbImage } from '../../engine/types'
import type { DepthCalibration } from '../../engine/depth/types'
import { METRIC3D_V2 } from '../../engine/depth/modelSpecs'
import { preprocessMetric3d } from '../../engine/depth/preprocess'
import { metric3dToMetres } from '../../engine/depth/postprocess'
import type { ModelRunner, RunOptions, TensorSpec } from '../types'
import {
  assertIntrinsicsMatch,
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
 * Metric3D v2 (ViT-Small/Large/giant2) as engine types, for the repository's own ONNX export
 * (YvanYin/Metric3D `onnx/metric3d_onnx_export.py`): `image` float32 [1, 3, 616, 1064], raw 0–255
 * RGB (normalised inside the graph) → `pred_depth` float32 [1, 1, 616, 1064], depth of a canonical
 * camera with a 1000 px focal length. Metres need the image's fx: `depth · fx · scale / 1000`.
 * Other static input sizes (ConvNeXt exports: 544×1216) are read from the graph.
 */
export interface Metric3dV2Options {
  runner: ModelRunner
  modelPath: string
  /** Manifest id, reported in provenance (e.g. "metric3d-v2-vit-small"). */
  modelId: string
  /** Optional per-camera refinement (depth space) applied by predict(). */
  calibration?: DepthCalibration
  calibratedAt?: string
  /** Graph names, for re-exports that name them differently. */
  inputName?: string
  outputName?: string
  /**
   * Normalise with the ImageNet mean/std before the graph. The repository's export normalises
   * inside the graph (raw 0–255 in, the default); Hugging Face-style exports (`pixel_values`) do not.
   */
  normalize?: boolean
  /** Output rank: 4 ([1, 1, H, W], the repository's export) or 3 ([batch, H, W], Hugging Face-style). */
  outputRank?: 3 | 4
  providers?: RunOptions['providers']
}

export class Metric3dV2 implements MonocularDepthModel {
  readonly modelId: string
  readonly output = 'metric' as const
  private readonly options: Metric3dV2Options
  /** Read once the first run needs it; a failure (missing file) is retried on the next call. */
  private readonly inputSpec = new LazyOnSuccess(() => this.readInputSpec())

  constructor(options: Metric3dV2Options) {
    this.options = options
    this.modelId = options.modelId
  }

  /** Metres at the image's resolution (de-canonicalised with the intrinsics' fx), uncalibrated. */
  async predictRaw(rgb: RgbImage, intrinsics: Intrinsics): Promise<RawDepthPrediction> {
    assertIntrinsicsMatch(rgb, intrinsics, this.modelId)
    const spec = await this.inputSpec.get()
    const preStart = performance.now()
    const staticSide = (dim: number | string | undefined, fallback: number) =>
      typeof dim === 'number' && dim > 0 ? dim : fallback
    const input = preprocessMetric3d(rgb, {
      inputHeight: staticSide(spec.dims[2], METRIC3D_V2.inputHeight),
      inputWidth: staticSide(spec.dims[3], METRIC3D_V2.inputWidth),
      normalize: this.options.normalize ?? false,
    })
    const preprocessMs = performance.now() - preStart
    const result = await this.options.runner.run(
      this.options.modelPath,
      { [this.inputName]: { type: 'float32', dims: input.tensor.dims, data: input.tensor.data } },
      this.options.providers ? { providers: this.options.providers } : undefined,
    )
    const postStart = performance.now()
    const prediction = floatOutput(result, this.outputName, this.modelId)
    const model = metric3dToMetres(prediction, input.layout, rgb.width, rgb.height, intrinsics.fx)
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

  /** Metric depth (metres, the image's resolution), refined by a calibration when one is given. */
  async predict(
    rgb: RgbImage,
    intrinsics: Intrinsics,
    options: PredictOptions = {},
  ): Promise<DepthPrediction> {
    const calibration = options.calibration ?? this.options.calibration
    const calibratedAt = options.calibration ? options.calibratedAt : this.options.calibratedAt
    return finishPrediction(await this.predictRaw(rgb, intrinsics), { calibration, calibratedAt })
  }

  async dispose(): Promise<void> {
    this.inputSpec.reset()
  }

  private get inputName(): string {
    return this.options.inputName ?? METRIC3D_V2.inputName
  }

  private get outputName(): string {
    return this.options.outputName ?? METRIC3D_V2.outputName
  }

  private readInputSpec(): Promise<TensorSpec> {
    return checkDepthSignature(this.options.runner, this.options.modelPath, this.modelId, {
      input: { name: this.inputName, type: 'float32', dims: [1, 3, 'height', 'width'] },
      output: {
        name: this.outputName,
        type: 'float32',
        dims:
          this.options.outputRank === 3 ? ['batch', 'height', 'width'] : [1, 1, 'height', 'width'],
      },
    })
  }
}
