import type { RgbImage } from '../../engine/types'
import type { ExecutionProviderName, ModelRunner, RunOptions, TensorData } from '../types'
import {
  samPixelValues,
  samTransform,
  type SamImageTransform,
} from '../../engine/perception/samPreprocess'
import { samDecoderPrompt, type SamPrompt } from '../../engine/perception/samPrompts'
import { chooseSamMask } from '../../engine/perception/samMasks'
import {
  SAM_EMBEDDING_NAMES,
  labelTensor,
  readCandidates,
  readDecoderSpec,
  readEmbeddings,
  type SamDecoderSpec,
} from './samSignature'
import { LazyOnSuccess } from '../lazyOnSuccess'

export type { SamPrompt, SamPoint } from '../../engine/perception/samPrompts'

/**
 * A SAM-family segmenter (SAM, SlimSAM, … as Hugging Face `SamModel` ONNX exports, optimum variant
 * "split"): `vision_encoder.onnx` (`pixel_values` [B, 3, 1024, 1024] → `image_embeddings`,
 * `image_positional_embeddings` [B, 256, 64, 64]) and `prompt_encoder_mask_decoder.onnx`
 * (`image_embeddings`, `image_positional_embeddings`, `input_points` [B, P, N, 2], `input_labels`
 * int64 [B, P, N] → `iou_scores` [B, P, 3], `pred_masks` [B, P, 3, 256, 256]).
 */
export interface SamModelPaths {
  encoderPath: string
  decoderPath: string
}

export interface SamSegmenterOptions {
  /** Execution providers to try, passed to the runner. */
  providers?: RunOptions['providers']
  /** Logit threshold of a mask pixel (upstream `mask_threshold`). Default 0. */
  maskThreshold?: number
}

/** Stage times of one `segment` call, milliseconds. */
export interface SamTimings {
  preprocessMs: number
  /** 0 when the image embedding came from the cache. */
  encoderMs: number
  /** Sum over the prompts. */
  decoderMs: number
  postprocessMs: number
  isEmbeddingCached: boolean
}

export interface SamSegmentation {
  /**
   * One per prompt, in order: `width · height` bytes of the given image, row-major, 1 = object.
   * New arrays owned by the caller.
   */
  masks: Uint8Array[]
  /** The model's predicted IoU of each chosen mask, 0–1. */
  scores: number[]
  provider: ExecutionProviderName
  timings: SamTimings
}

interface Embedding {
  data: Uint8Array
  width: number
  height: number
  fingerprint: number
  transform: SamImageTransform
  tensors: Record<string, TensorData>
  provider: ExecutionProviderName
}

/**
 * Segments objects from box/click prompts. The image encoder runs once per image: its embedding is
 * cached (the last image, recognised by buffer, size and content fingerprint) and each prompt runs
 * only the decoder. The cache keeps a reference to the last image's `data` buffer and its
 * embedding (2 × 4 MiB) until another image comes or `clearCache()`. The runner owns the sessions
 * (created lazily, released by the runner's `dispose()`).
 */
export class SamSegmenter {
  private embedding: Embedding | undefined
  /** Read once the first run needs it; a failure (missing file) is retried on the next call. */
  private readonly decoder = new LazyOnSuccess(() => this.readDecoder())

  constructor(
    private readonly runner: ModelRunner,
    private readonly paths: SamModelPaths,
    private readonly options: SamSegmenterOptions = {},
  ) {}

  /** One mask per prompt, at the image's resolution. Prompts are in the image's pixels. */
  async segment(rgb: RgbImage, prompts: readonly SamPrompt[]): Promise<SamSegmentation> {
    const decoder = await this.decoder.get()
    const timings: SamTimings = {
      preprocessMs: 0,
      encoderMs: 0,
      decoderMs: 0,
      postprocessMs: 0,
      isEmbeddingCached: true,
    }
    const embedding = await this.embed(rgb, timings)
    const masks: Uint8Array[] = []
    const scores: number[] = []
    let provider = embedding.provider
    for (const prompt of prompts) {
      const start = performance.now()
      const feeds = decoderFeeds(prompt, embedding, decoder)
      timings.preprocessMs += performance.now() - start
      const result = await this.runner.run(this.paths.decoderPath, feeds.inputs, this.runOptions())
      timings.decoderMs += result.inferenceMs
      provider = result.provider
      const postStart = performance.now()
      const candidates = readCandidates(this.paths.decoderPath, result.outputs)
      const chosen = chooseSamMask(candidates, embedding.transform, {
        threshold: this.options.maskThreshold,
        fallbackBox: feeds.fallbackBox,
      })
      masks.push(chosen.mask)
      scores.push(chosen.score)
      timings.postprocessMs += performance.now() - postStart
    }
    return { masks, scores, provider, timings }
  }

  /** Forgets the cached image embedding. */
  clearCache(): void {
    this.embedding = undefined
  }

  private runOptions(): RunOptions | undefined {
    return this.options.providers ? { providers: this.options.providers } : undefined
  }

  private async embed(rgb: RgbImage, timings: SamTimings): Promise<Embedding> {
    const start = performance.now()
    const fingerprint = fnv1a(rgb.data)
    const cached = this.embedding
    if (
      cached &&
      cached.data === rgb.data &&
      cached.width === rgb.width &&
      cached.height === rgb.height &&
      cached.fingerprint === fingerprint
    ) {
      timings.preprocessMs += performance.now() - start
      return cached
    }
    const transform = samTransform(rgb.width, rgb.height)
    const pixels = samPixelValues(rgb, transform)
    timings.preprocessMs += performance.now() - start
    const result = await this.runner.run(
      this.paths.encoderPath,
      { pixel_values: { type: 'float32', dims: pixels.dims, data: pixels.data } },
      this.runOptions(),
    )
    timings.encoderMs = result.inferenceMs
    timings.isEmbeddingCached = false
    const tensors = readEmbeddings(this.paths.encoderPath, result.outputs)
    const { data, width, height } = rgb
    const provider = result.provider
    this.embedding = { data, width, height, fingerprint, transform, tensors, provider }
    return this.embedding
  }

  private readDecoder(): Promise<SamDecoderSpec> {
    return this.runner
      .describe(this.paths.decoderPath)
      .then((signature) => readDecoderSpec(this.paths.decoderPath, signature))
  }
}

/** One prompt's decoder feeds (plus the fallback box when its box became a centre click). */
function decoderFeeds(
  prompt: SamPrompt,
  embedding: Embedding,
  decoder: SamDecoderSpec,
): { inputs: Record<string, TensorData>; fallbackBox?: [number, number, number, number] } {
  const p = samDecoderPrompt(prompt, embedding.transform, decoder)
  const inputs: Record<string, TensorData> = {
    input_points: { type: 'float32', dims: [1, 1, p.pointCount, 2], data: p.points },
    input_labels: labelTensor(p.labels, decoder.labelType),
  }
  if (p.box) inputs.input_boxes = { type: 'float32', dims: [1, 1, 4], data: p.box }
  for (const name of SAM_EMBEDDING_NAMES) {
    if (decoder.inputNames.has(name)) inputs[name] = copyTensor(embedding.tensors[name])
  }
  return { inputs, fallbackBox: p.fallbackBox }
}

/** A runner may transfer (detach) input buffers to a worker: the cached embedding is fed as a copy. */
function copyTensor(tensor: TensorData): TensorData {
  return { type: tensor.type, dims: [...tensor.dims], data: tensor.data.slice() }
}

/** FNV-1a over the bytes: a cheap content check, so a reused, overwritten buffer is re-encoded. */
function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193)
  return hash >>> 0
}
