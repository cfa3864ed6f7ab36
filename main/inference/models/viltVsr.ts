import type { RgbImage } from '../../engine/types'
import { viltImageInputs } from '../../engine/perception/viltPreprocess'
import { softmaxTrue } from '../../engine/ensemble/viltVoter'
import type {
  ExecutionProviderName,
  ModelRunner,
  ModelSignature,
  RunOptions,
  TensorData,
} from '../types'
import { ModelError } from '../ModelError'
import { LazyOnSuccess } from '../lazyOnSuccess'
import type { ViltTokenizer } from './viltTokenizer'

/**
 * A ViLT image–caption classifier fine-tuned on VSR (true/false), over a {@link ModelRunner}. Inputs are the
 * names `ViltProcessor` returns and `ViltModel.forward` and its one-image heads (`ViltForQuestionAnswering`,
 * `ViltForImageAndTextRetrieval`) take (transformers `modeling_vilt.py`): `input_ids`, `attention_mask`, `token_type_ids` int64 [1, tokens],
 * `pixel_values` float32 [1, 3, H, W], `pixel_mask` int64 [1, H, W]; output `logits` float32 [1, 2]
 * (index 1 = "the caption holds", the VSR fine-tune's label order). The runner owns the session.
 */
export interface ViltVsrResult {
  /** softmax(logits)[1]: probability that the caption holds for the image. */
  probabilityTrue: number
  logits: [number, number]
  provider: ExecutionProviderName
  inferenceMs: number
}

/** What the ViLT voter needs: a probability for one caption about one image. */
export interface RelationClassifier {
  readonly modelId: string
  classify(image: RgbImage, caption: string): Promise<ViltVsrResult>
}

const INPUTS = [
  'input_ids',
  'attention_mask',
  'token_type_ids',
  'pixel_values',
  'pixel_mask',
] as const

export class ViltVsr implements RelationClassifier {
  private readonly checked = new LazyOnSuccess(async () =>
    checkViltSignature(this.modelPath, await this.runner.describe(this.modelPath)),
  )

  constructor(
    private readonly runner: ModelRunner,
    private readonly modelPath: string,
    private readonly tokenizer: ViltTokenizer,
    private readonly options: { providers?: RunOptions['providers']; modelId?: string } = {},
  ) {}

  get modelId(): string {
    return this.options.modelId ?? 'vilt-vsr'
  }

  async classify(image: RgbImage, caption: string): Promise<ViltVsrResult> {
    await this.checked.get()
    const text = this.tokenizer.encode(caption)
    const pixels = viltImageInputs(image)
    const ids = (values: number[]): TensorData => ({
      type: 'int64',
      dims: [1, values.length],
      data: BigInt64Array.from(values, BigInt),
    })
    const result = await this.runner.run(
      this.modelPath,
      {
        input_ids: ids(text.inputIds),
        attention_mask: ids(text.attentionMask),
        token_type_ids: ids(text.tokenTypeIds),
        pixel_values: { type: 'float32', dims: pixels.pixelDims, data: pixels.pixelValues },
        pixel_mask: { type: 'int64', dims: pixels.maskDims, data: pixels.pixelMask },
      },
      this.options.providers ? { providers: this.options.providers } : undefined,
    )
    const logits = result.outputs.logits
    if (!logits || logits.type !== 'float32' || logits.dims.join() !== '1,2') {
      throw viltSignatureError(
        this.modelPath,
        `output logits should be float32 [1, 2], got ${logits ? `${logits.type} [${logits.dims.join(', ')}]` : 'nothing'}`,
      )
    }
    const pair: [number, number] = [logits.data[0] as number, logits.data[1] as number]
    return {
      probabilityTrue: softmaxTrue(pair),
      logits: pair,
      provider: result.provider,
      inferenceMs: result.inferenceMs,
    }
  }
}

/** Throws a ModelError ('signature') unless the graph takes ViLT's five inputs and gives `logits`. */
export function checkViltSignature(modelPath: string, signature: ModelSignature): void {
  const names = new Set(signature.inputs.map((spec) => spec.name))
  const missing = INPUTS.filter((name) => !names.has(name))
  const extra = [...names].filter((name) => !(INPUTS as readonly string[]).includes(name))
  if (missing.length || extra.length) {
    throw viltSignatureError(
      modelPath,
      `inputs should be ${INPUTS.join(', ')}; ${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `unexpected ${extra.join(', ')}` : ''}`,
    )
  }
  const pixels = signature.inputs.find((spec) => spec.name === 'pixel_values')!
  if (pixels.dims.length !== 4 || pixels.dims[1] !== 3) {
    throw viltSignatureError(
      modelPath,
      `pixel_values should be [batch, 3, height, width], got ${JSON.stringify(pixels.dims)}`,
    )
  }
  const logits = signature.outputs.find((spec) => spec.name === 'logits')
  if (!logits || logits.dims.length !== 2 || logits.dims[1] !== 2) {
    throw viltSignatureError(
      modelPath,
      `needs output logits [batch, 2] (false, true), got ${logits ? JSON.stringify(logits.dims) : `outputs ${signature.outputs.map((s) => s.name).join(', ')}`}`,
    )
  }
}

export function viltSignatureError(modelPath: string, problem: string): ModelError {
  return new ModelError({
    kind: 'signature',
    problem: `ViLT VSR model ${modelPath}: ${problem}`,
    fix: 'export a ViLT true/false classifier with the input/output names shown by `npx spatial-lens models info vilt-vsr` (see its install hint)',
    modelPath,
  })
}
