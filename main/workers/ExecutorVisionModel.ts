import type { RgbImage } from '../engine/types'
import type { ExecutionProviderName } from '../inference/types'
import type { VisionLanguageModel, VlmAnswer, VlmAskOptions } from '../inference/models/smolVlm'
import type { SceneExecutor } from './sceneExecutor'

/**
 * The installed vision-language model as the reasoning tools see it, run by the scene executor
 * (a worker thread in the hosts), so decoding never runs on Electron's main thread or the
 * server's event loop.
 */
export class ExecutorVisionModel implements VisionLanguageModel {
  constructor(
    private readonly executor: SceneExecutor,
    readonly modelId: string,
    private readonly provider?: ExecutionProviderName,
  ) {}

  /** The installed model behind `executor`, or undefined when none is installed. */
  static async find(
    executor: SceneExecutor,
    provider?: ExecutionProviderName,
  ): Promise<ExecutorVisionModel | undefined> {
    const modelId = await executor.visionModel({ provider })
    return modelId ? new ExecutorVisionModel(executor, modelId, provider) : undefined
  }

  ask(image: RgbImage, question: string, options: VlmAskOptions = {}): Promise<VlmAnswer> {
    const { region, maxNewTokens, signal } = options
    return this.executor.askVision(
      { modelId: this.modelId, provider: this.provider, image, question, region, maxNewTokens },
      signal,
    )
  }
}
