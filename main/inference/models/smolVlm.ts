import type { RgbImage } from '../../engine/types'
import type { ExecutionProviderName, ModelRunner, RunOptions, TensorData } from '../types'
import { cropRgb, type PixelBox } from '../../engine/perception/imageCrop'
import { mergeImageFeatures } from '../../engine/perception/greedyDecoding'
import { smolVlmImageInputs, type SmolVlmFit } from '../../engine/perception/smolVlmPreprocess'
import { smolVlmPrompt } from '../../engine/perception/smolVlmPrompt'
import { tidyAnswer } from '../../engine/perception/vlmAnswers'
import { LazyOnSuccess } from '../lazyOnSuccess'
import type { SmolVlmTokenizer } from './smolVlmTokenizer'
import {
  readDecoderSpec,
  readEncoderSide,
  smolVlmSignatureError,
  type SmolVlmDecoderSpec,
} from './smolVlmSignature'
import { greedyDecode } from './smolVlmGeneration'

/**
 * SmolVLM (HuggingFaceTB/SmolVLM-256M-Instruct, Idefics3 architecture) over a {@link ModelRunner},
 * for the Transformers.js ONNX export in the model repository: `vision_encoder` (`pixel_values`
 * [batch, images, 3, 512, 512], `pixel_attention_mask` bool → `image_features` [tiles, 64, hidden]),
 * `embed_tokens` (`input_ids` → `inputs_embeds`) and `decoder_model_merged` (`inputs_embeds`,
 * `attention_mask`, `position_ids`, `past_key_values.{layer}.{key|value}` → `logits`,
 * `present.*`). One image (or a region of it) per question, without image splitting; greedy
 * decoding. The runner owns the sessions (created lazily, released by the runner's `dispose()`).
 */
export interface SmolVlmPaths {
  encoderPath: string
  embeddingsPath: string
  decoderPath: string
}

export interface SmolVlmOptions {
  /** Execution providers to try, passed to the runner. */
  providers?: RunOptions['providers']
  /** How the image fills the 512 × 512 view; default 'stretch' (as the reference processor). */
  fit?: SmolVlmFit
}

export interface VlmAskOptions {
  /** Pixels of the image to look at ([x0, y0, x1, y1], x1/y1 exclusive); default the whole image. */
  region?: PixelBox
  /** Default 48. */
  maxNewTokens?: number
  /** Checked between decoding steps; an abort rejects with the signal's reason. */
  signal?: AbortSignal
}

export interface VlmAnswer {
  /** The generated text, tidied (special tokens dropped, whitespace collapsed). */
  text: string
  tokenIds: number[]
  /** 'end_of_turn': the model ended its answer; 'max_tokens': cut at maxNewTokens. */
  stopReason: 'end_of_turn' | 'max_tokens'
  promptTokens: number
  provider: ExecutionProviderName
  timings: { preprocessMs: number; encoderMs: number; decoderMs: number; decoderSteps: number }
}

/** What the reasoning tools and the naming step need from a vision-language model. */
export interface VisionLanguageModel {
  readonly modelId: string
  ask(image: RgbImage, question: string, options?: VlmAskOptions): Promise<VlmAnswer>
}

export const SMOLVLM_DEFAULT_MAX_NEW_TOKENS = 48

export class SmolVlm implements VisionLanguageModel {
  /** Read once the first question needs them; a failure (missing file) is retried on the next call. */
  private readonly specs = new LazyOnSuccess(() => this.readSpecs())

  constructor(
    private readonly runner: ModelRunner,
    private readonly paths: SmolVlmPaths,
    private readonly tokenizer: SmolVlmTokenizer,
    private readonly options: SmolVlmOptions & { modelId?: string } = {},
  ) {}

  get modelId(): string {
    return this.options.modelId ?? 'smolvlm-256m-instruct'
  }

  /** Answers a question about the image (or `options.region` of it); the image is not retained. */
  async ask(image: RgbImage, question: string, options: VlmAskOptions = {}): Promise<VlmAnswer> {
    const { decoder, side } = await this.specs.get()
    options.signal?.throwIfAborted()
    const start = performance.now()
    const view = options.region ? cropRgb(image, options.region) : image
    const pixels = smolVlmImageInputs(view, { fit: this.options.fit, side })
    const ids = this.tokenizer.encode(smolVlmPrompt(question))
    const preprocessMs = performance.now() - start

    const features = await this.encodeImage(pixels, decoder.hiddenSize)
    options.signal?.throwIfAborted()
    const embeddings = await this.embed(ids, decoder.hiddenSize)
    const promptEmbeds = mergeImageFeatures(
      embeddings,
      ids,
      this.tokenizer.ids.image,
      features.data,
      decoder.hiddenSize,
    )
    const result = await greedyDecode(
      {
        runner: this.runner,
        decoderPath: this.paths.decoderPath,
        spec: decoder,
        embed: (next) => this.embed(next, decoder.hiddenSize),
      },
      promptEmbeds,
      ids.length,
      {
        maxNewTokens: options.maxNewTokens ?? SMOLVLM_DEFAULT_MAX_NEW_TOKENS,
        stopIds: this.tokenizer.stopIds,
        signal: options.signal,
        providers: this.options.providers,
      },
    )
    return {
      text: tidyAnswer(this.tokenizer.decode(result.tokenIds)),
      tokenIds: result.tokenIds,
      stopReason: result.stopReason === 'stop_token' ? 'end_of_turn' : 'max_tokens',
      promptTokens: ids.length,
      provider: result.provider,
      timings: {
        preprocessMs,
        encoderMs: features.ms,
        decoderMs: result.decoderMs,
        decoderSteps: result.steps,
      },
    }
  }

  /** image_features flattened to [tiles · 64, hidden]. */
  private async encodeImage(
    pixels: ReturnType<typeof smolVlmImageInputs>,
    hiddenSize: number,
  ): Promise<{ data: Float32Array; ms: number }> {
    const result = await this.runner.run(
      this.paths.encoderPath,
      {
        pixel_values: { type: 'float32', dims: pixels.pixelDims, data: pixels.pixelValues },
        pixel_attention_mask: {
          type: 'bool',
          dims: pixels.maskDims,
          data: pixels.pixelAttentionMask,
        },
      },
      this.runOptions(),
    )
    const features = result.outputs.image_features
    if (
      !features ||
      features.type !== 'float32' ||
      features.dims.length !== 3 ||
      features.dims[2] !== hiddenSize
    ) {
      throw smolVlmSignatureError(
        this.paths.encoderPath,
        `vision encoder should give image_features float32 [tiles, tokens, ${hiddenSize}], got ${describeTensor(features)}`,
      )
    }
    return { data: features.data as Float32Array, ms: result.inferenceMs }
  }

  /** inputs_embeds [ids.length, hidden] of token ids. */
  private async embed(ids: number[], hiddenSize: number): Promise<Float32Array> {
    const result = await this.runner.run(
      this.paths.embeddingsPath,
      {
        input_ids: { type: 'int64', dims: [1, ids.length], data: BigInt64Array.from(ids, BigInt) },
      },
      this.runOptions(),
    )
    const embeds = result.outputs.inputs_embeds
    if (
      !embeds ||
      embeds.type !== 'float32' ||
      embeds.dims.join() !== [1, ids.length, hiddenSize].join()
    ) {
      throw smolVlmSignatureError(
        this.paths.embeddingsPath,
        `embed_tokens should give inputs_embeds float32 [1, ${ids.length}, ${hiddenSize}], got ${describeTensor(embeds)}`,
      )
    }
    return embeds.data as Float32Array
  }

  private runOptions(): RunOptions | undefined {
    return this.options.providers ? { providers: this.options.providers } : undefined
  }

  private async readSpecs(): Promise<{ decoder: SmolVlmDecoderSpec; side: number }> {
    const [decoderSignature, encoderSignature] = await Promise.all([
      this.runner.describe(this.paths.decoderPath),
      this.runner.describe(this.paths.encoderPath),
    ])
    return {
      decoder: readDecoderSpec(this.paths.decoderPath, decoderSignature),
      side: readEncoderSide(this.paths.encoderPath, encoderSignature),
    }
  }

  /** Releases nothing native: the runner owns the sessions and is disposed by its owner. */
  async dispose(): Promise<void> {
    this.specs.reset()
  }
}

function describeTensor(tensor: TensorData | undefined): string {
  return tensor ? `${tensor.type} [${tensor.dims.join(', ')}]` : 'nothing'
}
