/**
 * Worker-thread entry of InferencePool (built by electron-vite as out/main/inference.worker.js).
 * Holds one ModelHost; parses each request, answers with the same id, transfers output buffers.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { firstLine, isModelError } from './ModelError'
import { ModelHost } from './ModelHost'
import {
  transferList,
  workerRequestSchema,
  workerSettingsSchema,
  type WorkerReply,
} from './inferenceMessages'

const port = parentPort
if (!port) throw new Error('inference.worker must run as a worker thread (InferencePool starts it)')

const settings = workerSettingsSchema.parse(workerData ?? {})
const host = new ModelHost({ intraOpNumThreads: settings.intraOpNumThreads })

function fail(id: number, error: unknown): WorkerReply {
  if (isModelError(error))
    return { id, ok: false, error: { modelError: error.toData(), message: error.message } }
  return { id, ok: false, error: { message: firstLine(error) } }
}

async function handle(raw: unknown): Promise<void> {
  const parsed = workerRequestSchema.safeParse(raw)
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1
    const issue = parsed.error.issues[0]
    port!.postMessage(
      fail(id, new Error(`malformed request at ${issue?.path.join('.')}: ${issue?.message}`)),
    )
    return
  }
  const request = parsed.data
  try {
    if (request.type === 'run') {
      const result = await host.run(request.modelPath, request.inputs, request.providers)
      const reply: WorkerReply = { type: 'run', id: request.id, ok: true, result }
      port!.postMessage(reply, transferList(Object.values(result.outputs)))
    } else if (request.type === 'describe') {
      const signature = await host.describe(request.modelPath)
      port!.postMessage({
        type: 'describe',
        id: request.id,
        ok: true,
        signature,
      } satisfies WorkerReply)
    } else {
      await host.dispose()
      port!.postMessage({ type: 'dispose', id: request.id, ok: true } satisfies WorkerReply)
    }
  } catch (error) {
    port!.postMessage(fail(request.id, error))
  }
}

port.on('message', (raw: unknown) => void handle(raw))
