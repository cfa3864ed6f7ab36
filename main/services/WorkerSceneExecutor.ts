import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from '../contract/sceneSchema'
import { detect2dResultSchema, type Detect2dResult } from '../contract/channels'
import type { AnalyzeRequest, SceneComputation } from '../frames/analyzeFrame'
import type { Detect2dRequest } from '../frames/detectInImage'
import { UserError } from '../app/userError'
import { vlmAnswerSchema, type VisionAskRequest, type VisionModelRequest } from './visionRequests'
import type { VlmAnswer } from '../inference/models/smolVlm'
import { fittedCalibrationSchema, type CalibrationFitRequest } from './calibrationRequests'
import type { FittedCalibration } from '../calibration/calibrateDepthModel'
import { depthImageDataSchema } from '../frames/imageDataSchemas'
import { nativeCallsInFlight } from '../inference/nativeActivity'
import { currentLimits } from '../app/limits'
import type { SceneExecutor } from './sceneExecutor'
import { probabilityOrNullSchema, type RelationClassifyRequest } from './relationRequests'

interface Pending {
  resolve: (value: any) => void
  reject: (error: Error) => void
  /** Validates the worker's result on arrival (every boundary validates on the receiving side). */
  parse: (result: any) => unknown
  /** The message as sent, to send again to a replacement worker. */
  message: object
  /** What the request does, for the time-limit message; undefined: no time limit. */
  what?: string
  timer?: ReturnType<typeof setTimeout>
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
  /** onnxruntime calls in flight on the worker (see nativeActivity): it is terminated only at 0. */
  nativeCalls: Int32Array
  /** The thread started (one that dies before, e.g. a missing bundle, is not restarted in a loop). */
  isOnline: boolean
}

export interface WorkerSceneExecutorOptions {
  /** Time limit of one analysis, 2D detection or calibration fit (ms); default the limit in force (main/app/limits.ts). */
  taskTimeoutMs?: number
}

/** A task past its time limit: the user's frame (or settings) asked for too much. */
export class TaskTimeoutError extends UserError {}

/**
 * A pool of scene workers (at least two by default, so one slow frame never blocks the others);
 * each request goes to the least busy worker, except the vision-language model's, which all go to
 * the first (one copy of its sessions in memory). Analyses, detections and calibration fits have a
 * time limit: past it the request fails with a clear message and its worker is replaced (requests
 * queued on it move to the replacement); the stuck thread is terminated once no onnxruntime call
 * runs on it (terminating inside one aborts the process).
 */
export class WorkerSceneExecutor implements SceneExecutor {
  private readonly workers: Slot[] = []
  private readonly retiring = new Set<Slot>()
  private isDisposing = false
  private nextRequestId = 1
  private readonly taskTimeoutMs: number

  constructor(
    private readonly workerPath: string,
    size = Math.max(currentLimits().sceneWorkers, Math.min(4, availableParallelism() - 1)),
    options: WorkerSceneExecutorOptions = {},
  ) {
    this.taskTimeoutMs = options.taskTimeoutMs ?? currentLimits().analysisTimeoutMs
    for (let i = 0; i < size; i++) this.workers.push(this.spawn())
  }

  /** Replaced workers not terminated yet (an onnxruntime call still runs on them). */
  get stoppingWorkerCount(): number {
    return this.retiring.size
  }

  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return this.post(
      { task: 'analyze', sceneId, request },
      (result) => {
        const summary = sceneSummarySchema.parse(result.summary)
        const cloud = sceneCloudSchema.parse(result.cloud)
        const image = sceneImageSchema.parse(result.image)
        const depth = depthImageDataSchema.safeParse(result.depth)
        if (!depth.success) throw new Error('the depth image is missing or the wrong size')
        return { scene: result.scene, depth: depth.data, summary, cloud, image }
      },
      { what: 'the analysis' },
    )
  }

  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return this.post(
      { task: 'detect2d', request },
      (result) => detect2dResultSchema.parse(result),
      { what: '2D detection' },
    )
  }

  visionModel(request: VisionModelRequest): Promise<string | null> {
    return this.post({ task: 'vision:model', request }, (result) => modelIdOrNull(result), {
      to: this.workers[0],
    })
  }

  classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
    return this.post(
      { task: 'relation:classify', request },
      (result) => probabilityOrNullSchema.parse(result),
      { to: this.workers[0] },
    )
  }

  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    const { requestId, reply: answer } = this.send(
      { task: 'vision:ask', request },
      (result) => vlmAnswerSchema.parse(result),
      {
        to: this.workers[0],
      },
    )
    if (!signal) return answer
    const onAbort = () => this.cancelInWorker(requestId)
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
    return this.post(
      { task: 'calibration:fit', request },
      (result) => fittedCalibrationSchema.parse(result),
      {
        what: 'the calibration fit',
      },
    )
  }

  private spawn(): Slot {
    const nativeCalls = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(this.workerPath, { workerData: { nativeCalls } })
    const slot: Slot = { worker, pending: new Map(), nativeCalls, isOnline: false }
    worker.once('online', () => (slot.isOnline = true))
    worker.on('message', (message) => this.settle(slot, message))
    worker.on('error', (error) =>
      this.failAll(slot, new Error(`scene worker failed: ${error.message}`)),
    )
    worker.on('exit', () => this.onExit(slot))
    worker.unref()
    return slot
  }

  /** A worker ended: on dispose, its requests fail as closing; a crash (out of memory, a native abort) is replaced. */
  private onExit(slot: Slot): void {
    const index = this.workers.indexOf(slot)
    if (this.isDisposing || index < 0 || !slot.isOnline) {
      this.failAll(slot, new Error('the scene worker stopped (Spatial Lens is closing)'))
      return
    }
    this.failAll(
      slot,
      new Error(
        'the scene worker stopped unexpectedly while working on this request; it was restarted: try again',
      ),
    )
    this.workers[index] = this.spawn()
  }

  private post<T>(
    message: object,
    parse: (result: any) => T,
    options: { to?: Slot; what?: string } = {},
  ): Promise<T> {
    return this.send(message, parse, options).reply
  }

  /**
   * Sends one request (to `to`, else the least busy worker); its id names it for a cancel. With
   * `what`, the request has the task time limit.
   */
  private send<T>(
    message: object,
    parse: (result: any) => T,
    options: { to?: Slot; what?: string },
  ): { requestId: number; reply: Promise<T> } {
    const slot =
      options.to ?? this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const requestId = this.nextRequestId++
    const reply = new Promise<T>((resolve, reject) => {
      this.dispatch(slot, requestId, { resolve, reject, parse, message, what: options.what })
    })
    return { requestId, reply }
  }

  /** Posts a request to a worker; its time limit (re)starts here, so time queued behind a stuck task does not count. */
  private dispatch(slot: Slot, requestId: number, entry: Pending): void {
    clearTimeout(entry.timer)
    const what = entry.what
    if (what !== undefined)
      entry.timer = setTimeout(() => this.timeOut(requestId, what), this.taskTimeoutMs)
    slot.pending.set(requestId, entry)
    slot.worker.ref()
    slot.worker.postMessage({ requestId, ...entry.message })
  }

  /** A request past its limit: fail it, replace its worker, and move the worker's other requests over. */
  private timeOut(requestId: number, what: string): void {
    const index = this.workers.findIndex((slot) => slot.pending.has(requestId))
    if (index < 0) return
    const stuck = this.workers[index]
    const entry = stuck.pending.get(requestId)!
    stuck.pending.delete(requestId)
    const seconds = Math.round(this.taskTimeoutMs / 100) / 10
    entry.reject(
      new TaskTimeoutError(
        `${what} took longer than its limit of ${seconds} s and was stopped; check the frame's intrinsics and size ` +
          '(or raise SPATIAL_LENS_ANALYSIS_TIMEOUT_MS on the machine that analyses it)',
      ),
    )
    const replacement = this.spawn()
    this.workers[index] = replacement
    for (const [id, queued] of stuck.pending) this.dispatch(replacement, id, queued)
    stuck.pending.clear()
    this.cancelOn(stuck, requestId)
    this.retire(stuck)
  }

  /** Terminates a replaced worker once no onnxruntime call runs on it. */
  private retire(slot: Slot): void {
    this.retiring.add(slot)
    slot.worker.unref()
    const tryStop = () => {
      if (nativeCallsInFlight(slot.nativeCalls) > 0) return
      clearInterval(poll)
      void slot.worker.terminate().finally(() => this.retiring.delete(slot))
    }
    const poll = setInterval(tryStop, 50)
    poll.unref()
    tryStop()
  }

  /** Asks the worker running request `target` to stop it (vision decoding stops at its next step; others run on). */
  private cancelInWorker(target: number): void {
    const slot = this.workers.find((candidate) => candidate.pending.has(target))
    if (slot) this.cancelOn(slot, target)
  }

  private cancelOn(slot: Slot, target: number): void {
    slot.worker.postMessage({ requestId: this.nextRequestId++, task: 'cancel', target })
  }

  private failAll(slot: Slot, error: Error): void {
    for (const entry of slot.pending.values()) {
      clearTimeout(entry.timer)
      entry.reject(error)
    }
    slot.pending.clear()
  }

  private settle(slot: Slot, message: any): void {
    const entry = slot.pending.get(message?.requestId)
    if (!entry) return
    slot.pending.delete(message.requestId)
    clearTimeout(entry.timer)
    if (slot.pending.size === 0) slot.worker.unref()
    if (!message.ok) {
      const { message: text, isUserError, code } = message.error ?? {}
      const error = !isUserError
        ? new Error(text)
        : typeof code === 'string'
          ? new UserError(text, { code })
          : new UserError(text)
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
    this.isDisposing = true
    for (const slot of this.workers)
      for (const target of slot.pending.keys()) this.cancelOn(slot, target)
    const deadline = performance.now() + drainMs
    const isBusy = () => this.workers.some((w) => w.pending.size > 0) || this.retiring.size > 0
    while (isBusy() && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

function modelIdOrNull(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value
  throw new Error('the vision model id is neither a string nor null')
}
