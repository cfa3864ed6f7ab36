import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from '../contract/sceneSchema'
import { detect2dResultSchema, type Detect2dResult } from '../contract/channels'
import { analyzeFrame, type AnalyzeRequest, type SceneComputation } from './analyzeFrame'
import { detectInImage, type Detect2dRequest } from './detectInImage'
import { CodedUserError, UserError } from './userError'
import {
  askVision,
  installedVisionModel,
  vlmAnswerSchema,
  type VisionAskRequest,
  type VisionModelRequest,
} from './visionRequests'
import type { VlmAnswer } from '../inference/models/smolVlm'
import { fitCalibrationRequest, fittedCalibrationSchema, type CalibrationFitRequest } from './calibrationRequests'
import type { FittedCalibration } from '../calibration/calibrateDepthModel'
import { depthImageDataSchema } from './imageDataSchemas'

/** Runs scene computations (and 2D detection) somewhere: in worker threads (hosts) or inline (tests, one-shot CLI). */
export interface SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation>
  detect2d(request: Detect2dRequest): Promise<Detect2dResult>
  /** The installed vision-language model's id, or null (see visionRequests). */
  visionModel(request: VisionModelRequest): Promise<string | null>
  /** One question to it; an abort stops the decoding at its next step, then rejects with the signal's reason. */
  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer>
  /** Runs a depth model on a kept frame and fits its output to metres (not saved). */
  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration>
  dispose(): Promise<void>
}

export class InlineSceneExecutor implements SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return analyzeFrame(request, sceneId)
  }
  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return detectInImage(request)
  }
  visionModel(request: VisionModelRequest): Promise<string | null> {
    return installedVisionModel(request)
  }
  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    return askVision(request, signal)
  }
  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration> {
    return fitCalibrationRequest(request)
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

/**
 * A small pool of scene workers; each request goes to the least busy worker, except the
 * vision-language model's, which all go to the first (one copy of its sessions in memory).
 */
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
      worker.on('exit', () => {
        for (const entry of pending.values()) entry.reject(new Error('the scene worker stopped (Spatial Lens is closing)'))
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
      const depth = depthImageDataSchema.safeParse(result.depth)
      if (!depth.success) throw new Error('the depth image is missing or the wrong size')
      return { scene: result.scene, depth: depth.data, summary, cloud, image }
    })
  }

  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return this.post({ task: 'detect2d', request }, (result) => detect2dResultSchema.parse(result))
  }

  visionModel(request: VisionModelRequest): Promise<string | null> {
    return this.post({ task: 'vision:model', request }, (result) => modelIdOrNull(result), this.workers[0])
  }

  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    const slot = this.workers[0]
    const { requestId, reply: answer } = this.send({ task: 'vision:ask', request }, (result) => vlmAnswerSchema.parse(result), slot)
    if (!signal) return answer
    const onAbort = () => this.cancelInWorker(slot, requestId)
    signal.addEventListener('abort', onAbort, { once: true })
    // Settles once the worker has stopped decoding (its next step), so a cancelled run frees the worker first.
    return answer
      .then(
        (value) => {
          if (signal.aborted) throw signal.reason
          return value
        },
        (error: unknown) => {
          throw signal.aborted ? signal.reason : error
        },
      )
      .finally(() => signal.removeEventListener('abort', onAbort))
  }

  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration> {
    return this.post({ task: 'calibration:fit', request }, (result) => fittedCalibrationSchema.parse(result))
  }

  private post<T>(message: object, parse: (result: any) => T, to?: Slot): Promise<T> {
    return this.send(message, parse, to).reply
  }

  /** Sends one request (to `to`, else the least busy worker); its id names it for a cancel. */
  private send<T>(message: object, parse: (result: any) => T, to?: Slot): { requestId: number; reply: Promise<T> } {
    const slot = to ?? this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const requestId = this.nextRequestId++
    const reply = new Promise<T>((resolve, reject) => {
      slot.pending.set(requestId, { resolve, reject, parse })
      slot.worker.ref()
      slot.worker.postMessage({ requestId, ...message })
    })
    return { requestId, reply }
  }

  /** Asks the worker to stop request `target` (vision decoding stops at its next step; others run on). */
  private cancelInWorker(slot: Slot, target: number): void {
    slot.worker.postMessage({ requestId: this.nextRequestId++, task: 'cancel', target })
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

  /**
   * Stops the workers. Terminating a thread inside an onnxruntime run aborts the whole process (a
   * native error on a dying thread), so vision decoding is cancelled and running requests get up
   * to `drainMs` to finish first.
   */
  async dispose(drainMs = 5000): Promise<void> {
    for (const slot of this.workers) for (const target of slot.pending.keys()) this.cancelInWorker(slot, target)
    const deadline = performance.now() + drainMs
    while (this.workers.some((w) => w.pending.size > 0) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

function modelIdOrNull(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value
  throw new Error('the vision model id is neither a string nor null')
}

