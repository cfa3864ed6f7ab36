/**
 * A worker_threads pool implementing ModelRunner, so inference never blocks the host's event loop.
 * Each worker holds its own sessions (a model used by two workers is loaded twice) and runs one
 * request at a time; requests go to an idle worker that already has the model, else to a new worker
 * (up to `size`), else to any idle one, else they queue.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  transferList,
  workerReplySchema,
  type WorkerSuccessReply,
  type WorkerRequest,
  type WorkerSettings,
} from './inferenceMessages'
import { ModelError, modelCorrupt, modelNotInstalled, type InstallHint } from './ModelError'
import type { InferenceResult, ModelRunner, ModelSignature, RunOptions, TensorData } from './types'

export interface InferencePoolOptions {
  /** Most workers to start (lazily, on demand); default 2, or 1 on a 2-core machine. */
  size?: number
  /** ORT threads per operator in each worker; default cores / size, so workers do not oversubscribe. */
  intraOpNumThreads?: number
  /** Where provider fallback notices go (each distinct line once); default console.warn. */
  log?: (line: string) => void
  /** Model id and install command for missing/corrupt messages; default the model file's folder name. */
  installHint?: (modelPath: string) => InstallHint
}

type RequestBody = WorkerRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never

interface Job {
  body: RequestBody
  transfer: ArrayBuffer[]
  resolve: (reply: WorkerSuccessReply) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  loaded: Set<string>
  current?: { id: number; job: Job }
  /** Called once the current request settles (dispose waits on it). */
  onIdle?: () => void
}

function modelPathOf(body: RequestBody): string | undefined {
  return 'modelPath' in body ? body.modelPath : undefined
}

export class InferencePool implements ModelRunner {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private readonly size: number
  private readonly settings: WorkerSettings
  private readonly log: (line: string) => void
  private readonly loggedNotices = new Set<string>()
  private nextId = 1
  private isDisposed = false

  /**
   * @param workerPath the built worker entry (out/main/inference.worker.js); hosts resolve it.
   */
  constructor(
    private readonly workerPath: string | URL,
    private readonly options: InferencePoolOptions = {},
  ) {
    const cores = availableParallelism()
    this.size = Math.max(1, options.size ?? Math.min(2, cores - 1))
    this.settings = {
      intraOpNumThreads: options.intraOpNumThreads ?? Math.max(1, Math.floor(cores / this.size)),
    }
    this.log = options.log ?? ((line) => console.warn(line))
  }

  /** Workers started so far (≤ size). */
  get workerCount(): number {
    return this.slots.length
  }

  /**
   * Runs `modelPath` in a worker. Takes ownership of the inputs: buffers that a tensor covers whole are
   * transferred (detached here after the call); views into larger buffers are copied first. Outputs
   * are new arrays owned by the caller. Rejects with a ModelError.
   */
  async run(
    modelPath: string,
    inputs: Record<string, TensorData>,
    options: RunOptions = {},
  ): Promise<InferenceResult> {
    const sendable: Record<string, TensorData> = {}
    for (const [name, tensor] of Object.entries(inputs)) {
      const data = tensor.data
      const isWhole =
        data.buffer instanceof ArrayBuffer &&
        data.byteOffset === 0 &&
        data.byteLength === data.buffer.byteLength
      sendable[name] = isWhole ? tensor : { ...tensor, data: data.slice() }
    }
    const body: RequestBody = {
      type: 'run',
      modelPath,
      inputs: sendable,
      providers: options.providers,
    }
    const reply = await this.submit(body, transferList(Object.values(sendable)))
    if (reply.type !== 'run')
      throw new Error(`inference worker answered a run with '${reply.type}'`)
    const { fallbackNotice, ...result } = reply.result
    if (fallbackNotice && !this.loggedNotices.has(fallbackNotice)) {
      this.loggedNotices.add(fallbackNotice)
      this.log(fallbackNotice)
    }
    return result as InferenceResult
  }

  async describe(modelPath: string): Promise<ModelSignature> {
    const reply = await this.submit({ type: 'describe', modelPath }, [])
    if (reply.type !== 'describe')
      throw new Error(`inference worker answered a describe with '${reply.type}'`)
    return reply.signature
  }

  /**
   * Rejects queued requests, lets running ones finish, releases every worker's sessions and
   * terminates the workers. The pool cannot be used afterwards.
   */
  async dispose(): Promise<void> {
    if (this.isDisposed) return
    this.isDisposed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('inference pool disposed'))
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.current) await settled(slot, 10_000)
        const id = this.nextId++
        slot.worker.postMessage({ type: 'dispose', id } satisfies WorkerRequest)
        await settledReply(slot, id, 2_000)
        await slot.worker.terminate()
      }),
    )
    this.slots.length = 0
  }

  private submit(body: RequestBody, transfer: ArrayBuffer[]): Promise<WorkerSuccessReply> {
    if (this.isDisposed) return Promise.reject(new Error('inference pool disposed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ body, transfer, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.isDisposed) {
      const path = modelPathOf(this.queue[0].body)
      const idle = this.slots.filter((s) => !s.current)
      const slot =
        idle.find((s) => path !== undefined && s.loaded.has(path)) ??
        (this.slots.length < this.size ? this.spawn() : idle[0])
      if (!slot) return
      const job = this.queue.shift()!
      const id = this.nextId++
      slot.current = { id, job }
      if (path !== undefined) slot.loaded.add(path)
      slot.worker.ref()
      try {
        slot.worker.postMessage({ ...job.body, id }, job.transfer)
      } catch (error) {
        slot.current = undefined
        job.reject(
          new Error(
            `could not send the request to the inference worker: ${(error as Error).message}`,
          ),
        )
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerPath, { workerData: this.settings })
    const slot: Slot = { worker, loaded: new Set() }
    worker.on('message', (raw: unknown) => this.receive(slot, raw))
    worker.on('error', (error) =>
      this.crash(slot, `inference worker crashed: ${error.message.split('\n')[0]}`),
    )
    worker.on('exit', (code) => this.crash(slot, `inference worker exited (code ${code})`))
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  private receive(slot: Slot, raw: unknown): void {
    const current = slot.current
    const parsed = workerReplySchema.safeParse(raw)
    if (!current || (parsed.success && parsed.data.id !== current.id)) return // dispose replies, stale ids
    slot.current = undefined
    slot.worker.unref()
    slot.onIdle?.()
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      current.job.reject(
        new Error(
          `inference worker sent a malformed reply at ${issue?.path.join('.')}: ${issue?.message}`,
        ),
      )
    } else if (parsed.data.ok) {
      current.job.resolve(parsed.data)
    } else {
      current.job.reject(this.toError(parsed.data.error))
    }
    this.pump()
  }

  private toError(error: {
    modelError?: ConstructorParameters<typeof ModelError>[0]
    message: string
  }): Error {
    const data = error.modelError
    if (!data) return new Error(error.message)
    const hint = this.options.installHint
    if (hint && data.modelPath && data.kind === 'missing')
      return modelNotInstalled(data.modelPath, hint(data.modelPath))
    if (hint && data.modelPath && data.kind === 'corrupt')
      return modelCorrupt(data.modelPath, hint(data.modelPath), data.detail)
    return new ModelError(data)
  }

  private crash(slot: Slot, message: string): void {
    const current = slot.current
    slot.current = undefined
    current?.job.reject(
      new ModelError({
        kind: 'runtime',
        problem: message,
        fix: 'retry; if it persists, try the cpu provider',
      }),
    )
    slot.onIdle?.()
    const index = this.slots.indexOf(slot)
    if (index < 0 || this.isDisposed) return
    this.slots.splice(index, 1)
    void slot.worker.terminate()
    this.pump()
  }
}

/** Resolves when the slot's current request settles, or after `timeoutMs`. */
function settled(slot: Slot, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs)
    slot.onIdle = done
    function done(): void {
      clearTimeout(timer)
      slot.onIdle = undefined
      resolve()
    }
  })
}

/** Resolves when the worker answers request `id` (whatever the answer), or after `timeoutMs`. */
function settledReply(slot: Slot, id: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (raw: unknown): void => {
      if ((raw as { id?: unknown })?.id === id) done()
    }
    const timer = setTimeout(done, timeoutMs)
    slot.worker.on('message', onMessage)
    function done(): void {
      clearTimeout(timer)
      slot.worker.off('message', onMessage)
      resolve()
    }
  })
}
