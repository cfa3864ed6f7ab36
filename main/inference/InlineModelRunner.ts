/**
 * Runs models on the calling thread. The hosts call it inside their scene workers (main/workers), so
 * inference never blocks their event loop; tests and the one-shot CLI call it directly.
 */
import { ModelHost, type ModelHostOptions } from './ModelHost'
import type { InferenceResult, ModelRunner, ModelSignature, RunOptions, TensorData } from './types'

export interface InlineModelRunnerOptions extends ModelHostOptions {
  /** Where the one-line provider fallback notices go; default console.warn. Each distinct line once. */
  log?: (line: string) => void
}

export class InlineModelRunner implements ModelRunner {
  private readonly host: ModelHost
  private readonly log: (line: string) => void
  private readonly loggedNotices = new Set<string>()

  constructor(options: InlineModelRunnerOptions = {}) {
    this.host = new ModelHost(options)
    this.log = options.log ?? ((line) => console.warn(line))
  }

  /**
   * Runs `modelPath` with `inputs`. Input arrays are only read and must stay untouched until the
   * promise settles; output arrays are new and owned by the caller. Rejects with a ModelError.
   */
  async run(
    modelPath: string,
    inputs: Record<string, TensorData>,
    options: RunOptions = {},
  ): Promise<InferenceResult> {
    const { fallbackNotice, ...result } = await this.host.run(modelPath, inputs, options.providers)
    if (fallbackNotice && !this.loggedNotices.has(fallbackNotice)) {
      this.loggedNotices.add(fallbackNotice)
      this.log(fallbackNotice)
    }
    return result
  }

  describe(modelPath: string): Promise<ModelSignature> {
    return this.host.describe(modelPath)
  }

  /** Releases every session. */
  dispose(): Promise<void> {
    return this.host.dispose()
  }
}
