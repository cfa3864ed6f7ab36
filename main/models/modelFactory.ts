import { readFile } from 'node:fs/promises'
import { join, dirname } from 'node:path'
import type { ModelRunner, RunOptions } from '../inference/types'
import type { ModelStore } from './ModelStore'
import { NanoDetDetector } from '../inference/models/nanodet'
import { OwlDetector } from '../inference/models/owlDetector'
import { loadOwlTokenizer } from '../inference/models/owlTokenizer'
import { SamSegmenter } from '../inference/models/samSegmenter'
import { DepthAnythingV2, type DepthAnythingV2Variant } from '../inference/models/depthAnythingV2'
import { Metric3dV2 } from '../inference/models/metric3dV2'
import type { MonocularDepthModel } from '../inference/models/depthModel'
import { SmolVlm } from '../inference/models/smolVlm'
import { loadSmolVlmTokenizer } from '../inference/models/smolVlmTokenizer'
import { ViltVsr } from '../inference/models/viltVsr'
import { loadViltTokenizer } from '../inference/models/viltTokenizer'
import { UserError } from '../app/userError'

/**
 * Builds model objects from manifest ids, resolving their files through the model store (a missing
 * model throws the store's message naming `spatial-lens models download <id>`). Instances are
 * cached: the runner keeps one session per file.
 */
export class ModelFactory {
  private readonly cache = new Map<string, Promise<unknown>>()

  constructor(
    private readonly runner: ModelRunner,
    private readonly store: ModelStore,
    private readonly providers?: RunOptions['providers'],
  ) {}

  isInstalled(modelId: string): boolean {
    const state = this.store.status(modelId).state
    return state === 'installed' || state === 'built-in'
  }

  nanoDet(): Promise<NanoDetDetector> {
    return this.cached('nanodet-m', async () => {
      const modelPath = this.store.filePath('nanodet-m')
      const labels = (await readFile(join(dirname(modelPath), 'coco.names'), 'utf8'))
        .split('\n')
        .filter((l) => l.trim())
      return new NanoDetDetector(this.runner, modelPath, labels)
    })
  }

  owl(): Promise<OwlDetector> {
    const id = 'owlv2-base-patch16-ensemble'
    return this.cached(id, async () => {
      const tokenizer = await loadOwlTokenizer(this.store.filePath(id, 'tokenizer'), {
        modelId: id,
      })
      return new OwlDetector(this.runner, this.store.filePath(id, 'model'), tokenizer, {
        providers: this.providers,
      })
    })
  }

  sam(modelId: string): Promise<SamSegmenter> {
    return this.cached(modelId, async () => {
      const paths = {
        encoderPath: this.store.filePath(modelId, 'encoder'),
        decoderPath: this.store.filePath(modelId, 'decoder'),
      }
      return new SamSegmenter(this.runner, paths, { providers: this.providers })
    })
  }

  /** The SmolVLM vision-language model (encoder, token embeddings, decoder with KV cache, tokenizer). */
  smolVlm(modelId: string): Promise<SmolVlm> {
    return this.cached(modelId, async () => {
      const tokenizer = await loadSmolVlmTokenizer(
        this.store.filePath(modelId, 'tokenizer'),
        modelId,
      )
      const paths = {
        encoderPath: this.store.filePath(modelId, 'encoder'),
        embeddingsPath: this.store.filePath(modelId, 'embeddings'),
        decoderPath: this.store.filePath(modelId, 'decoder'),
      }
      return new SmolVlm(this.runner, paths, tokenizer, { providers: this.providers, modelId })
    })
  }

  /** The ViLT true/false caption classifier fine-tuned on VSR (graph + BERT tokenizer.json), when installed. */
  viltVsr(modelId = 'vilt-vsr'): Promise<ViltVsr> {
    return this.cached(modelId, async () => {
      const modelPath = this.store.filePath(modelId, 'model')
      const tokenizer = await loadViltTokenizer(this.store.filePath(modelId, 'tokenizer'), modelId)
      return new ViltVsr(this.runner, modelPath, tokenizer, { providers: this.providers, modelId })
    })
  }

  depth(modelId: string): Promise<MonocularDepthModel> {
    return this.cached(modelId, async () => {
      const entry = this.store.entry(modelId)
      const modelPath = this.store.filePath(modelId, 'model')
      // Graph names and conventions come from the manifest: exports of one model differ.
      const signature = entry.files.find((file) => file.role === 'model')?.signature
      const inputName = signature?.inputs[0]?.name
      const outputName = signature?.outputs[0]?.name
      if (modelId.startsWith('metric3d')) {
        return new Metric3dV2({
          runner: this.runner,
          modelPath,
          modelId,
          inputName,
          outputName,
          normalize: (entry.preprocess?.mean[0] ?? 0) !== 0 && inputName === 'pixel_values',
          outputRank: signature?.outputs[0]?.dims.length === 3 ? 3 : 4,
          providers: this.providers,
        })
      }
      if (modelId.startsWith('depth-anything-v2')) {
        const variant: DepthAnythingV2Variant = modelId.endsWith('metric-indoor')
          ? 'metric-indoor'
          : modelId.endsWith('metric-outdoor')
            ? 'metric-outdoor'
            : 'relative'
        return new DepthAnythingV2({
          runner: this.runner,
          modelPath,
          modelId,
          variant,
          inputName,
          outputName,
          providers: this.providers,
        })
      }
      throw new UserError(`model "${entry.id}" is a ${entry.task} model, not a depth model`)
    })
  }

  private cached<T>(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.cache.get(key) as Promise<T> | undefined
    if (!entry) {
      entry = create()
      // A failure (missing model) is not cached: installing the model fixes the next call.
      entry.catch(() => this.cache.delete(key))
      this.cache.set(key, entry)
    }
    return entry
  }
}
