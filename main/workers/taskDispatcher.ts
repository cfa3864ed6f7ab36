import { UserError, describeZodError } from '../app/userError'
import {
  hostMessageSchema,
  workerTasks,
  type ReplyMessage,
  type TaskName,
  type WorkerError,
} from './contract/workerTasks'
import { replyTransfers, type TaskContext, type TaskHandlers } from './sceneTaskHandlers'
import { toWorkerError } from './workerErrors'

type AnyHandler = (request: unknown, context: TaskContext) => Promise<unknown>

/** Sends one reply to the host (`transfer`: buffers that move instead of being copied). */
export type PostReply = (message: ReplyMessage, transfer: ArrayBuffer[]) => void

/**
 * The worker side of the contract, without the thread: parses each host message, validates the
 * task's request against its schema, runs its handler and posts exactly one reply per task (a
 * `cancel` has none). Every failure becomes a `{kind, message, code?}` error reply; nothing a
 * message contains can leave a request unanswered.
 */
export function createTaskDispatcher(
  handlers: TaskHandlers,
  post: PostReply,
): (message: unknown) => Promise<void> {
  /** Requests running now, by id, so a `cancel` can abort them. */
  const running = new Map<number, AbortController>()

  return async (message) => {
    const parsed = hostMessageSchema.safeParse(message)
    if (!parsed.success) {
      const requestId = (message as { requestId?: unknown } | null)?.requestId
      // Without a request id there is no one to answer: the host never sends such a message.
      if (typeof requestId === 'number' && Number.isInteger(requestId) && requestId >= 0)
        post(
          {
            requestId,
            ok: false,
            error: internal(`malformed message: ${describeZodError(parsed.error)}`),
          },
          [],
        )
      return
    }
    const envelope = parsed.data
    if (envelope.task === 'cancel') {
      running.get(envelope.target)?.abort(new Error('cancelled'))
      return
    }
    const { requestId, task } = envelope
    const controller = new AbortController()
    running.set(requestId, controller)
    try {
      const { result, transfer } = await runTask(
        handlers,
        task,
        envelope.request,
        controller.signal,
      )
      postResult(post, requestId, result, transfer)
    } catch (error) {
      post({ requestId, ok: false, error: toWorkerError(error) }, [])
    } finally {
      running.delete(requestId)
    }
  }
}

/** Validates the request (its ZodError is the user's input, named by field) and runs the handler. */
async function runTask(
  handlers: TaskHandlers,
  task: TaskName,
  request: unknown,
  signal: AbortSignal,
): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  const checked = workerTasks[task].request.safeParse(request)
  // The request carries the user's input (frames, regions, intrinsics): a field it gets wrong is theirs to fix.
  if (!checked.success) throw new UserError(describeZodError(checked.error))
  const parsed = checked.data
  // The table is typed per task where it is written; here, dispatching by name, the task's request
  // was just parsed by that same task's schema.
  const handler = handlers[task] as unknown as AnyHandler
  const result = await handler(parsed, { signal })
  const transfers = replyTransfers[task] as ((reply: unknown) => ArrayBuffer[]) | undefined
  return { result, transfer: transfers?.(result) ?? [] }
}

/** A reply that cannot be cloned (a function, a symbol…) is an internal error, not a silent hang. */
function postResult(post: PostReply, requestId: number, result: unknown, transfer: ArrayBuffer[]) {
  try {
    post({ requestId, ok: true, result }, transfer)
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    post({ requestId, ok: false, error: internal(`the reply could not be sent: ${text}`) }, [])
  }
}

function internal(message: string): WorkerError {
  return { kind: 'internal', message }
}
