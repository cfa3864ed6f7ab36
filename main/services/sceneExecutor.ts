import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from '../contract/sceneSchema'
import { analyzeFrame, type AnalyzeRequest, type SceneComputation } from './analyzeFrame'
import { UserError } from './userError'

/** Runs scene computations somewhere: in worker threads (hosts) or inline (tests, one-shot CLI). */
export interface SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation>
  dispose(): Promise<void>
}

export class InlineSceneExecutor implements SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return analyzeFrame(request, sceneId)
  }
  async dispose(): Promise<void> {}
}

interface Pending {
  resolve: (value: SceneComputation) => void
  reject: (error: Error) => void
}

/** A small pool of scene workers; each request goes to the least busy worker. */
export class WorkerSceneExecutor implements SceneExecutor {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = []
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
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const requestId = this.nextRequestId++
    return new Promise((resolve, reject) => {
      slot.pending.set(requestId, { resolve, reject })
      slot.worker.ref()
      slot.worker.postMessage({ requestId, sceneId, request })
    })
  }

  private settle(pending: Map<number, Pending>, message: any): void {
    const entry = pending.get(message?.requestId)
    if (!entry) return
    pending.delete(message.requestId)
    if (pending.size === 0) this.workers.forEach((w) => w.pending === pending && w.worker.unref())
    if (!message.ok) {
      const error = message.error?.isUserError ? new UserError(message.error.message) : new Error(message.error?.message)
      entry.reject(error)
      return
    }
    try {
      // Validate on the receiving side, as for every boundary.
      const summary = sceneSummarySchema.parse(message.result.summary)
      const cloud = sceneCloudSchema.parse(message.result.cloud)
      const image = sceneImageSchema.parse(message.result.image)
      const depth = depthOrNothing(message.result.depth)
      if (!depth) throw new Error('the depth image is missing or the wrong size')
      entry.resolve({ scene: message.result.scene, depth, summary, cloud, image })
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
