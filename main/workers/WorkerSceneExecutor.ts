import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import type { Detect2dResult } from '../contract/channels'
import type { AnalyzeRequest, SceneComputation } from '../frames/analyzeFrame'
import type { Detect2dRequest } from '../frames/detectInImage'
import type { VlmAnswer } from '../inference/models/smolVlm'
import type { FittedCalibration } from '../calibration/calibrateDepthModel'
import { currentLimits } from '../app/limits'
import type { SceneExecutor, SendOptions } from './sceneExecutor'
import type {
  CalibrationFitRequest,
  RelationClassifyRequest,
  VisionAskRequest,
  VisionModelRequest,
} from './contract/taskSchemas'
import {
  replyMessageSchema,
  workerTasks,
  type HostMessage,
  type ReplyOf,
  type RequestOf,
  type TaskName,
} from './contract/workerTasks'
import { fromWorkerError } from './workerErrors'
import { protocolError, TaskTimeoutError } from './executorErrors'
import { abortableReply } from './abortableReply'
import { terminateWhenNativeIdle } from './retireWorker'

// Callers catch these by class; they live beside the other executor errors.
export { TaskTimeoutError, WorkerProtocolError } from './executorErrors'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  /** The message as sent, to send again to a replacement worker; its task names the reply schema. */
  message: HostMessage & { task: TaskName }
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
  /** Time limit of one analysis, 2D detection or calibration fit (ms); default the limit in force (main/limits.ts). */
  taskTimeoutMs?: number
}

/**
 * Where each task runs and whether it has the time limit: the vision-language model and the ViLT
 * classifier always run on the first worker (one copy of their sessions in memory); the others go
 * to the least busy worker and are stopped past the limit.
 */
const taskPolicies: { [T in TaskName]: { what?: string; isPinned?: boolean } } = {
  analyze: { what: 'the analysis' },
  detect2d: { what: '2D detection' },
  'vision:model': { isPinned: true },
  'vision:ask': { isPinned: true },
  'relation:classify': { isPinned: true },
  'calibration:fit': { what: 'the calibration fit' },
}

/**
 * A pool of scene workers (at least two by default, so one slow frame never blocks the others)
 * speaking the worker contract (contract/workerTasks): `send` is the one typed way in, and every
 * reply is validated on receipt. Analyses, detections and calibration fits have a time limit: past
 * it the request fails with a clear message and its worker is replaced (requests queued on it move
 * to the replacement); the stuck thread is terminated once no onnxruntime call runs on it
 * (terminating inside one aborts the process).
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
    const { frame, regions, perception } = request
    return this.send('analyze', { sceneId, frame, regions, perception })
  }

  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return this.send('detect2d', request)
  }

  visionModel(request: VisionModelRequest): Promise<string | null> {
    return this.send('vision:model', request)
  }

  classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
    return this.send('relation:classify', request)
  }

  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    return this.send('vision:ask', request, { signal })
  }

  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration> {
    return this.send('calibration:fit', request)
  }

  /**
   * Runs one task of the worker contract and resolves with its validated reply. An abort asks the
   * worker to stop the task (vision decoding stops at its next step; others run to the end) and
   * rejects with the signal's reason once the worker has let go of it.
   */
  send<T extends TaskName>(
    task: T,
    request: RequestOf<T>,
    options: SendOptions = {},
  ): Promise<ReplyOf<T>> {
    const { signal } = options
    if (signal?.aborted) return Promise.reject(signal.reason)
    const policy = taskPolicies[task]
    const slot = policy.isPinned
      ? this.workers[0]
      : this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const requestId = this.nextRequestId++
    const message = { requestId, task, request }
    const reply = new Promise<ReplyOf<T>>((resolve, reject) => {
      const entry = { resolve: resolve as Pending['resolve'], reject, message, what: policy.what }
      this.dispatch(slot, requestId, entry)
    })
    if (!signal) return reply
    return abortableReply(reply, signal, () => this.cancelInWorker(requestId))
  }

  private spawn(): Slot {
    const nativeCalls = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(this.workerPath, { workerData: { nativeCalls } })
    const slot: Slot = { worker, pending: new Map(), nativeCalls, isOnline: false }
    worker.once('online', () => (slot.isOnline = true))
    worker.on('message', (message: unknown) => this.settle(slot, message))
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

  /** Posts a request to a worker; its time limit (re)starts here, so time queued behind a stuck task does not count. */
  private dispatch(slot: Slot, requestId: number, entry: Pending): void {
    clearTimeout(entry.timer)
    const what = entry.what
    if (what !== undefined)
      entry.timer = setTimeout(() => this.timeOut(requestId, what), this.taskTimeoutMs)
    slot.pending.set(requestId, entry)
    slot.worker.ref()
    slot.worker.postMessage(entry.message)
  }

  /** A request past its limit: fail it and replace its worker. */
  private timeOut(requestId: number, what: string): void {
    const stuck = this.workers.find((slot) => slot.pending.has(requestId))
    if (!stuck) return
    const entry = stuck.pending.get(requestId)!
    stuck.pending.delete(requestId)
    const seconds = Math.round(this.taskTimeoutMs / 100) / 10
    entry.reject(
      new TaskTimeoutError(
        `${what} took longer than its limit of ${seconds} s and was stopped; check the frame's intrinsics and size ` +
          '(or raise SPATIAL_LENS_ANALYSIS_TIMEOUT_MS on the machine that analyses it)',
      ),
    )
    this.replace(stuck, requestId)
  }

  /**
   * Replaces a worker that can no longer be trusted to answer (stuck, or speaking out of contract):
   * its queued requests move to the replacement; `cancelled` is asked to stop first.
   */
  private replace(stuck: Slot, cancelled?: number): void {
    const index = this.workers.indexOf(stuck)
    if (index < 0) return
    const replacement = this.spawn()
    this.workers[index] = replacement
    for (const [id, queued] of stuck.pending) this.dispatch(replacement, id, queued)
    stuck.pending.clear()
    if (cancelled !== undefined) this.cancelOn(stuck, cancelled)
    this.retire(stuck)
  }

  /** Terminates a replaced worker once no onnxruntime call runs on it. */
  private retire(slot: Slot): void {
    this.retiring.add(slot)
    slot.worker.unref()
    void terminateWhenNativeIdle(slot.worker, slot.nativeCalls).finally(() =>
      this.retiring.delete(slot),
    )
  }

  /** Asks the worker running request `target` to stop it (vision decoding stops at its next step; others run on). */
  private cancelInWorker(target: number): void {
    const slot = this.workers.find((candidate) => candidate.pending.has(target))
    if (slot) this.cancelOn(slot, target)
  }

  private cancelOn(slot: Slot, target: number): void {
    const cancel: HostMessage = { requestId: this.nextRequestId++, task: 'cancel', target }
    slot.worker.postMessage(cancel)
  }

  private failAll(slot: Slot, error: Error): void {
    for (const entry of slot.pending.values()) {
      clearTimeout(entry.timer)
      entry.reject(error)
    }
    slot.pending.clear()
  }

  /** One message from a worker: validated as a reply, then its result against its task's reply schema. */
  private settle(slot: Slot, message: unknown): void {
    const envelope = replyMessageSchema.safeParse(message)
    const requestId = (message as { requestId?: unknown } | null)?.requestId
    const entry = typeof requestId === 'number' ? slot.pending.get(requestId) : undefined
    if (!envelope.success && !entry) {
      // Nothing says which request it answers: fail them all rather than leave one waiting forever.
      this.failAll(slot, protocolError('message', envelope.error))
      this.replace(slot)
      return
    }
    if (!entry) return // the answer to a request that already timed out
    slot.pending.delete(requestId as number)
    clearTimeout(entry.timer)
    if (slot.pending.size === 0) slot.worker.unref()
    if (!envelope.success) return entry.reject(protocolError('reply', envelope.error))
    const reply = envelope.data
    if (!reply.ok) return entry.reject(fromWorkerError(reply.error))
    const result = workerTasks[entry.message.task].reply.safeParse(reply.result)
    if (result.success) entry.resolve(result.data)
    else entry.reject(protocolError(`${entry.message.task} reply`, result.error))
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
