/**
 * Sessions of one thread: created lazily per (model file, requested providers), kept until dispose().
 * Used by InlineModelRunner (on a scene worker's thread in the hosts). Every failure leaves as a
 * one-line ModelError.
 */
import { statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chooseProvider, ortProber, type ProviderProber } from './executionProviders'
import {
  firstLine,
  isModelError,
  ModelError,
  modelCorrupt,
  modelNotInstalled,
  type InstallHint,
} from './ModelError'
import { createOrtSession, type OrtSessionHandle } from './ortRuntime'
import { checkInputs } from './signature'
import type { ExecutionProviderName, InferenceResult, ModelSignature, TensorData } from './types'

export interface ModelHostOptions {
  /** Threads ORT may use inside one operator; default ORT's (all cores). */
  intraOpNumThreads?: number
  /** Default: the real onnxruntime prober. */
  prober?: ProviderProber
  /** Model id and install command for messages; default: the model file's folder name. */
  installHint?: (modelPath: string) => InstallHint
}

/** A run's result plus the fallback line, present only on the run that created the session. */
export interface HostRunResult extends InferenceResult {
  fallbackNotice?: string
}

interface LoadedSession {
  handle: OrtSessionHandle
  provider: ExecutionProviderName
  fallbackNotice?: string
}

/** Default hint: models live in `<models dir>/<model id>/<file>.onnx`. */
export function hintFromPath(modelPath: string): InstallHint {
  return { modelId: basename(dirname(modelPath)) || basename(modelPath) }
}

/** Does the loading error mean the file itself is bad (rather than the provider or the machine)? */
function isCorruptModelMessage(message: string): boolean {
  return /protobuf parsing failed|model data pointer is null|no graph was found/i.test(message)
}

export class ModelHost {
  private readonly sessions = new Map<string, Promise<LoadedSession>>()
  private readonly prober: ProviderProber
  private readonly installHint: (modelPath: string) => InstallHint
  private isDisposed = false

  constructor(private readonly options: ModelHostOptions = {}) {
    this.prober = options.prober ?? ortProber
    this.installHint = options.installHint ?? hintFromPath
  }

  /** Runs a model; inputs are only read, outputs are new arrays owned by the caller. */
  async run(
    modelPath: string,
    inputs: Record<string, TensorData>,
    providers?: ExecutionProviderName[],
  ): Promise<HostRunResult> {
    const { session, isNew } = await this.session(modelPath, providers)
    const model = this.installHint(modelPath).modelId
    checkInputs(session.handle.signature, inputs, { model, modelPath })
    const start = performance.now()
    let outputs: Record<string, TensorData>
    try {
      outputs = await session.handle.run(inputs)
    } catch (error) {
      throw new ModelError({
        kind: 'runtime',
        problem: `model ${model} failed on ${session.provider}: ${firstLine(error)}`,
        fix:
          session.provider === 'cpu'
            ? 'check the model file and its inputs'
            : 'try the cpu provider',
        modelPath,
        detail: firstLine(error),
      })
    }
    const inferenceMs = performance.now() - start
    const result: HostRunResult = { outputs, provider: session.provider, inferenceMs }
    if (isNew && session.fallbackNotice) result.fallbackNotice = session.fallbackNotice
    return result
  }

  /** The model's signature, from an existing session of that file or a new CPU one. */
  async describe(modelPath: string): Promise<ModelSignature> {
    const existing = [...this.sessions.entries()].find(([key]) =>
      key.endsWith(`\u0000${modelPath}`),
    )
    const loaded = existing ? await existing[1] : (await this.session(modelPath, ['cpu'])).session
    return loaded.handle.signature
  }

  /** Releases every session; the host cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.isDisposed = true
    const pending = [...this.sessions.values()]
    this.sessions.clear()
    const settled = await Promise.allSettled(pending)
    await Promise.allSettled(
      settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.handle.release()] : [])),
    )
  }

  private async session(
    modelPath: string,
    providers: ExecutionProviderName[] | undefined,
  ): Promise<{ session: LoadedSession; isNew: boolean }> {
    if (this.isDisposed) throw new Error('inference host is disposed')
    const key = `${providers?.join(',') ?? 'auto'}\u0000${modelPath}`
    const cached = this.sessions.get(key)
    if (cached) return { session: await cached, isNew: false }
    const loading = this.load(modelPath, providers)
    this.sessions.set(key, loading)
    try {
      return { session: await loading, isNew: true }
    } catch (error) {
      // A failed load is not cached: the user may install the model or plug in a GPU and retry.
      this.sessions.delete(key)
      throw error
    }
  }

  private async load(
    modelPath: string,
    providers: ExecutionProviderName[] | undefined,
  ): Promise<LoadedSession> {
    const hint = this.installHint(modelPath)
    let size: number
    try {
      const stat = statSync(modelPath)
      size = stat.isFile() ? stat.size : 0
    } catch {
      throw modelNotInstalled(modelPath, hint)
    }
    if (size === 0) throw modelCorrupt(modelPath, hint, 'empty file or not a file')
    const choice = await chooseProvider(providers, this.prober)
    try {
      const handle = await createOrtSession(modelPath, choice.provider, {
        intraOpNumThreads: this.options.intraOpNumThreads,
      })
      return { handle, provider: choice.provider, fallbackNotice: choice.fallbackNotice }
    } catch (error) {
      if (isModelError(error)) throw error
      const detail = firstLine(error)
      if (isCorruptModelMessage(detail)) throw modelCorrupt(modelPath, hint, detail)
      throw new ModelError({
        kind: 'runtime',
        problem: `model ${hint.modelId} could not be loaded on ${choice.provider}: ${detail}`,
        fix:
          choice.provider === 'cpu'
            ? 'check that the file is the model the manifest names'
            : 'try the cpu provider',
        modelPath,
        detail,
      })
    }
  }
}
