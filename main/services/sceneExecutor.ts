import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from '../contract/sceneSchema'
import { detect2dResultSchema, type Detect2dResult } from '../contract/channels'
import { analyzeFrame, type AnalyzeRequest, type SceneComputation } from './analyzeFrame'
import { detectInImage, type Detect2dRequest } from './detectInImage'
import { CodedUserError, UserError } from './userError'

/** Runs scene computations (and 2D detection) somewhere: in worker threads (hosts) or inline (tests, one-shot CLI). */
export interface SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation>
  detect2d(request: Detect2dRequest): Promise<Detect2dResult>
  dispose(): Promise<void>
}

export class InlineSceneExecutor implements SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return analyzeFrame(request, sceneId)
  }
  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return detectInImage(request)
  }
  async dispose(): Promise<void> {}
}

interface Pending {
  resolve: (value: any) => void
  reject: (error: Error) => void
  /** Validates the worker's result on arrival (every boundary validates on the receiving side). */
  parse: (result: any) => unknown
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
}

/** A small pool of scene workers; each request goes to the least busy worker. */
export class WorkerSceneExecutor implements SceneExecutor {
  private readonly workers: Slot[] = []
  private nextRequestId = 1

  constructor(workerPath: string, size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerPath)
      const pending = new Map<number, Pending>()
      worker.on('message', (message) => this.settle(pending, message))
      worker.on('error', (error) => {
        for (const entry of pending.values()) entry.reject(new Error(`scene worker failed: ${error.message}`))
        pending.clear()
      })
      worker.unref()
      this.workers.push({ worker, pending })
    }
  }

  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return this.post({ task: 'analyze', sceneId, request }, (result) => {
      const summary = sceneSummarySchema.parse(result.summary)
      const cloud = sceneCloudSchema.parse(result.cloud)
      const image = sceneImageSchema.parse(result.image)
      const depth = depthOrNothing(result.depth)
      if (!depth) throw new Error('the depth image is missing or the wrong size')
      return { scene: result.scene, depth, summary, cloud, image }
    })
  }

  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return this.post({ task: 'detect2d', request }, (result) => detect2dResultSchema.parse(result))
  }

  private post<T>(message: object, parse: (result: any) => T): Promise<T> {
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const requestId = this.nextRequestId++
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(requestId, { resolve, reject, parse })
      slot.worker.ref()
      slot.worker.postMessage({ requestId, ...message })
    })
  }

  private settle(pending: Map<number, Pending>, message: any): void {
    const entry = pending.get(message?.requestId)
    if (!entry) return
    pending.delete(message.requestId)
    if (pending.size === 0) this.workers.forEach((w) => w.pending === pending && w.worker.unref())
    if (!message.ok) {
      const { message: text, isUserError, code } = message.error ?? {}
      const error = !isUserError ? new Error(text) : typeof code === 'string' ? new CodedUserError(text, code) : new UserError(text)
      entry.reject(error)
      return
    }
    try {
      entry.resolve(entry.parse(message.result))
    } catch (error) {
      entry.reject(new Error(`scene worker sent a malformed reply: ${(error as Error).message}`))
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

/** The worker's depth image when it is a well-formed one, else undefined. */
function depthOrNothing(value: any): SceneComputation['depth'] | undefined {
  const isDepth =
    value?.data instanceof Float32Array &&
    Number.isInteger(value.width) &&
    Number.isInteger(value.height) &&
    value.data.length === value.width * value.height
  return isDepth ? { width: value.width, height: value.height, data: value.data } : undefined
}
