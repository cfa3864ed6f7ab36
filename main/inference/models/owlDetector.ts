import type { RgbImage } from '../../engine/types'
import type { Detection } from '../../engine/perception/types'
import type { ExecutionProviderName, ModelRunner, RunOptions, TensorData } from '../types'
import { ModelError } from '../ModelError'
import { OWL_INPUT_SIZE, owlPixelValues } from '../../engine/perception/owlPreprocess'
import { OWL_MAX_TEXT_LENGTH, owlQueryText, owlTextInputs } from '../../engine/perception/owlText'
import { owlDetections } from '../../engine/perception/owlPostprocess'
import type { OwlTokenizer } from './owlTokenizer'
import { LazyOnSuccess } from '../lazyOnSuccess'

/**
 * OWLv2 open-vocabulary detection over a {@link ModelRunner}, for the Hugging Face ONNX export
 * (optimum `OwlV2OnnxConfig`, task zero-shot-object-detection): inputs `input_ids` int64
 * [text_batch_size, sequence_length], `pixel_values` float32 [batch_size, 3, 960, 960],
 * `attention_mask` int64 [text_batch_size, sequence_length]; outputs `logits`
 * [image_batch_size, boxes, num_queries] and `pred_boxes` [image_batch_size, boxes, 4]
 * (cx, cy, w, h normalised to the padded square), plus `text_embeds` and `image_embeds` (unused).
 */
export interface OwlDetectorOptions {
  /** Execution providers to try, passed to the runner. */
  providers?: RunOptions['providers']
  /** Query template; `{}` is replaced by the label. Default "a photo of a {}". */
  queryTemplate?: string
  /** Padding value of the square, 0–1 scale. Default 0 (see `OWL_PAD_VALUE`). */
  padValue?: number
}

export interface OwlDetectOptions {
  /** 0–1, one value or one per label. Default 0.1. */
  scoreThreshold?: number | readonly number[]
  /** Class-wise NMS IoU. Default 0.3. */
  iouThreshold?: number
  maxDetections?: number
}

export interface OwlDetectionResult {
  /** Best first; boxes in the given image's pixels; `label` is the user's label, `classId` its index. */
  detections: Detection[]
  provider: ExecutionProviderName
  /** session.run wall time, milliseconds. */
  inferenceMs: number
  /** Image resize/normalise + tokenization, milliseconds. */
  preprocessMs: number
  /** Decode + NMS, milliseconds. */
  postprocessMs: number
}

/**
 * Finds the labelled objects ("mug", "laptop") in an image. The runner owns the ONNX session
 * (created lazily, released by the runner's `dispose()`); this class holds no native resources.
 */
export class OwlDetector {
  /** Read once the first run needs it; a failure (missing file) is retried on the next call. */
  private readonly inputSize = new LazyOnSuccess(() => this.readInputSize())

  constructor(
    private readonly runner: ModelRunner,
    private readonly modelPath: string,
    private readonly tokenizer: OwlTokenizer,
    private readonly options: OwlDetectorOptions = {},
  ) {}

  /** Detects each label in the image; the image is not retained. */
  async detect(
    rgb: RgbImage,
    labels: readonly string[],
    options: OwlDetectOptions = {},
  ): Promise<OwlDetectionResult> {
    if (labels.length === 0) throw new RangeError('OWL detection needs at least one label')
    const inputSize = await this.inputSize.get()
    const start = performance.now()
    const { tensor, transform } = owlPixelValues(rgb, {
      inputSize,
      padValue: this.options.padValue,
    })
    const text = owlTextInputs(
      labels.map((label) => this.tokenizer.encode(owlQueryText(label, this.options.queryTemplate))),
      this.tokenizer.padId,
      OWL_MAX_TEXT_LENGTH,
    )
    const preprocessMs = performance.now() - start
    const result = await this.runner.run(
      this.modelPath,
      {
        input_ids: { type: 'int64', dims: text.dims, data: text.inputIds },
        pixel_values: { type: 'float32', dims: tensor.dims, data: tensor.data },
        attention_mask: { type: 'int64', dims: text.dims, data: text.attentionMask },
      },
      this.options.providers ? { providers: this.options.providers } : undefined,
    )
    const postStart = performance.now()
    const { logits, boxes, boxCount } = this.readOutputs(result.outputs, labels.length)
    const detections = owlDetections(logits, boxes, boxCount, labels.length, {
      labels,
      transform,
      ...options,
    })
    const postprocessMs = performance.now() - postStart
    return {
      detections,
      provider: result.provider,
      inferenceMs: result.inferenceMs,
      preprocessMs,
      postprocessMs,
    }
  }

  private readOutputs(outputs: Record<string, TensorData>, queryCount: number) {
    const logits = outputs.logits
    const boxes = outputs.pred_boxes
    const isValid =
      logits?.type === 'float32' &&
      boxes?.type === 'float32' &&
      logits.dims.length === 3 &&
      boxes.dims.length === 3 &&
      logits.dims[0] === 1 &&
      logits.dims[2] === queryCount &&
      boxes.dims[1] === logits.dims[1] &&
      boxes.dims[2] === 4
    if (!isValid) {
      const got = Object.entries(outputs)
        .map(([n, t]) => `${n} ${t.type} [${t.dims}]`)
        .join(', ')
      throw signatureError(
        this.modelPath,
        `expected logits [1, boxes, ${queryCount}] and pred_boxes [1, boxes, 4] (float32), got ${got}`,
      )
    }
    return {
      logits: logits.data as Float32Array,
      boxes: boxes.data as Float32Array,
      boxCount: logits.dims[1],
    }
  }

  private readInputSize(): Promise<number> {
    return this.runner.describe(this.modelPath).then((signature) => {
      const names = signature.inputs.map((i) => i.name)
      const missing = ['input_ids', 'pixel_values', 'attention_mask'].filter(
        (n) => !names.includes(n),
      )
      if (missing.length > 0)
        throw signatureError(
          this.modelPath,
          `lacks input(s) ${missing.join(', ')} (inputs: ${names.join(', ')})`,
        )
      const side = signature.inputs.find((i) => i.name === 'pixel_values')!.dims[2]
      return typeof side === 'number' && side > 0 ? side : OWL_INPUT_SIZE
    })
  }
}

function signatureError(modelPath: string, problem: string): ModelError {
  return new ModelError({
    kind: 'signature',
    problem: `OWLv2 model ${modelPath} ${problem}`,
    fix: 'use an OWLv2 zero-shot-object-detection ONNX export (Hugging Face optimum layout)',
    modelPath,
  })
}
