import type { RgbImage } from '../../engine/types'
import type { Detection } from '../../engine/perception/types'
import type { ExecutionProviderName, ModelRunner, RunOptions, TensorData } from '../types'
import type { GflLevel } from '../../engine/perception/gflDecode'
import type { DetectionThresholds } from '../../engine/perception/gflDetections'
import { gflDetections } from '../../engine/perception/gflDetections'
import { imageToTensor, type TensorNormalization } from '../../engine/perception/imageTensor'
import { letterboxTransform } from '../../engine/perception/resizeTransform'
import { readableCocoLabel } from '../../engine/perception/cocoLabels'
import { ModelError } from '../ModelError'
import { LazyOnSuccess } from '../lazyOnSuccess'

/**
 * NanoDet (legacy GFL head, e.g. NanoDet-m 416) as engine types. Input: one float32 tensor
 * [1, 3, H, W], BGR, `(value − mean) / std`; outputs per stride a score tensor [1, cells, classes]
 * (sigmoid applied) and a distribution tensor [1, cells, 4 · 8]. Outputs are matched by shape, not
 * by name, so re-exports with other node names work.
 */
export const NANODET_NORMALIZATION: TensorNormalization = {
  channelOrder: 'bgr',
  mean: [103.53, 116.28, 123.675],
  std: [57.375, 57.12, 58.395],
}

/** Strides NanoDet heads use (legacy: 8, 16, 32; some configs add 64). */
export const NANODET_STRIDES = [8, 16, 32, 64] as const
/** Bins per box side (reg_max 7 + 1). */
export const NANODET_BIN_COUNT = 8
/** Input side when the model's input dims are dynamic. */
export const NANODET_DEFAULT_INPUT_SIZE = 416

export interface NanoDetOptions extends DetectionThresholds {
  /** Execution providers to try, passed to the runner. */
  providers?: RunOptions['providers']
}

export interface NanoDetResult {
  /** Best first; boxes in pixels of the given image. */
  detections: Detection[]
  provider: ExecutionProviderName
  /** session.run wall time, milliseconds. */
  inferenceMs: number
  /** Resize + normalise, milliseconds. */
  preprocessMs: number
  /** Decode + NMS + mapping back, milliseconds. */
  postprocessMs: number
}

interface InputSpec {
  name: string
  width: number
  height: number
}

/**
 * A NanoDet detector over a {@link ModelRunner}. The runner owns the ONNX session (created lazily on
 * the first run, released by the runner's `dispose()`); this class holds no native resources.
 * Labels are class names by class id (a `coco.names` file's lines); they are reported in COCO 2017
 * wording ("tvmonitor" → "tv").
 */
export class NanoDetDetector {
  private readonly labels: string[]
  /** Read once the first run needs it; a failure (missing file) is retried on the next call. */
  private readonly input = new LazyOnSuccess(() => this.readInput())

  constructor(
    private readonly runner: ModelRunner,
    private readonly modelPath: string,
    labels: string[],
  ) {
    this.labels = labels.map(readableCocoLabel)
  }

  /** Detects objects in an RGB image; the image is not retained. */
  async detect(rgb: RgbImage, options: NanoDetOptions = {}): Promise<NanoDetResult> {
    const input = await this.input.get()
    const preStart = performance.now()
    const transform = letterboxTransform(rgb.width, rgb.height, input.width, input.height)
    const tensor = imageToTensor(rgb, transform, NANODET_NORMALIZATION)
    const preprocessMs = performance.now() - preStart

    const result = await this.runner.run(
      this.modelPath,
      { [input.name]: { type: 'float32', dims: tensor.dims, data: tensor.data } },
      options.providers ? { providers: options.providers } : undefined,
    )

    const postStart = performance.now()
    const { levels, classCount } = nanoDetLevels(
      result.outputs,
      input.width,
      input.height,
      this.modelPath,
    )
    if (classCount !== this.labels.length) {
      throw new ModelError({
        kind: 'input',
        problem: `NanoDet ${this.modelPath} has ${classCount} classes but ${this.labels.length} labels were given`,
        fix: 'use the label file that ships with the model (coco.names)',
        modelPath: this.modelPath,
      })
    }
    const detections = gflDetections(
      levels,
      { labels: this.labels, classCount, binCount: NANODET_BIN_COUNT, transform },
      options,
    )
    const postprocessMs = performance.now() - postStart
    return {
      detections,
      provider: result.provider,
      inferenceMs: result.inferenceMs,
      preprocessMs,
      postprocessMs,
    }
  }

  private readInput(): Promise<InputSpec> {
    return this.runner.describe(this.modelPath).then((signature) => {
      const spec = signature.inputs[0]
      if (!spec || spec.dims.length !== 4) {
        throw signatureError(
          this.modelPath,
          `expected one image input [1, 3, H, W], got ${JSON.stringify(signature.inputs)}`,
        )
      }
      const side = (dim: number | string) =>
        typeof dim === 'number' && dim > 0 ? dim : NANODET_DEFAULT_INPUT_SIZE
      return { name: spec.name, height: side(spec.dims[2]), width: side(spec.dims[3]) }
    })
  }

  /** Releases nothing native: the runner owns the session and is disposed by its owner. */
  async dispose(): Promise<void> {
    this.input.reset()
  }
}

function signatureError(modelPath: string, problem: string): ModelError {
  return new ModelError({
    kind: 'signature',
    problem: `NanoDet ${modelPath}: ${problem}`,
    fix: 'use a NanoDet ONNX export with a GFL head (scores [1, cells, classes] and boxes [1, cells, 32] per stride)',
    modelPath,
  })
}

/**
 * NanoDet outputs → GFL levels, matched by shape: each [1, cells, K] tensor is a distribution when
 * K = 4 · 8, otherwise scores (K = classes); its stride is the one whose grid has `cells` cells.
 * Throws a ModelError ('signature') naming the outputs when they do not pair up.
 */
export function nanoDetLevels(
  outputs: Record<string, TensorData>,
  inputWidth: number,
  inputHeight: number,
  modelPath = 'model',
): { levels: GflLevel[]; classCount: number } {
  const listing = () =>
    Object.entries(outputs)
      .map(([n, t]) => `${n} [${t.dims}]`)
      .join(', ')
  const scores = new Map<number, { data: Float32Array; classes: number }>()
  const distributions = new Map<number, Float32Array>()
  for (const [name, tensor] of Object.entries(outputs)) {
    const [batch, cells, channels] = tensor.dims
    if (tensor.type !== 'float32' || tensor.dims.length !== 3 || batch !== 1) {
      throw signatureError(
        modelPath,
        `output ${name} should be float32 [1, cells, K], got ${tensor.type} [${tensor.dims}]`,
      )
    }
    const data = tensor.data as Float32Array
    if (channels === 4 * NANODET_BIN_COUNT) distributions.set(cells, data)
    else scores.set(cells, { data, classes: channels })
  }
  const levels: GflLevel[] = []
  const classCounts = new Set<number>()
  for (const [cells, score] of scores) {
    const stride = NANODET_STRIDES.find(
      (s) => Math.ceil(inputWidth / s) * Math.ceil(inputHeight / s) === cells,
    )
    const distribution = distributions.get(cells)
    if (stride === undefined || !distribution) {
      throw signatureError(
        modelPath,
        `a score output with ${cells} cells has no matching stride or box output (${listing()})`,
      )
    }
    classCounts.add(score.classes)
    levels.push({
      stride,
      gridWidth: Math.ceil(inputWidth / stride),
      gridHeight: Math.ceil(inputHeight / stride),
      scores: score.data,
      distributions: distribution,
    })
  }
  if (levels.length === 0 || classCounts.size !== 1 || levels.length !== distributions.size) {
    throw signatureError(modelPath, `outputs do not form score/box pairs per stride (${listing()})`)
  }
  levels.sort((a, b) => a.stride - b.stride)
  return { levels, classCount: [...classCounts][0] }
}
