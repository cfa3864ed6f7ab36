import { parentPort, workerData } from 'node:worker_threads'
import { z } from 'zod'
import { detect2dInputSchema, frameInputSchema, regionListSchema } from '../contract/channels'
import { analyzeFrame } from '../frames/analyzeFrame'
import { detectInImage } from '../frames/detectInImage'
import { perceptionSettingsSchema } from '../contract/perceptionSettings'
import { describeZodError, errorForReply } from '../app/userError'
import { shareNativeActivity } from '../inference/nativeActivity'
import { calibrationFitRequestSchema, fitCalibrationRequest } from './calibrationRequests'
import {
  askVision,
  installedVisionModel,
  visionAskRequestSchema,
  visionModelRequestSchema,
} from './visionRequests'
import { classifyRelation, relationClassifyRequestSchema } from './relationRequests'

/**
 * Worker thread entry: scene computation (and 2D detection) off the Electron main thread and the
 * server's event loop. Requests are validated here (the receiving side), replies carry typed arrays
 * as transferables.
 */
const requestSchema = z.discriminatedUnion('task', [
  z.object({
    task: z.literal('analyze'),
    requestId: z.number().int(),
    sceneId: z.string(),
    request: z.object({
      frame: frameInputSchema,
      regions: regionListSchema,
      perception: perceptionSettingsSchema.optional(),
    }),
  }),
  z.object({
    task: z.literal('detect2d'),
    requestId: z.number().int(),
    request: detect2dInputSchema,
  }),
  z.object({
    task: z.literal('vision:model'),
    requestId: z.number().int(),
    request: visionModelRequestSchema,
  }),
  z.object({
    task: z.literal('vision:ask'),
    requestId: z.number().int(),
    request: visionAskRequestSchema,
  }),
  z.object({
    task: z.literal('relation:classify'),
    requestId: z.number().int(),
    request: relationClassifyRequestSchema,
  }),
  z.object({
    task: z.literal('calibration:fit'),
    requestId: z.number().int(),
    request: calibrationFitRequestSchema,
  }),
  // Stops the decoding of vision request `target`; no reply.
  z.object({ task: z.literal('cancel'), requestId: z.number().int(), target: z.number().int() }),
])
type WorkerRequest = z.infer<typeof requestSchema>

// The parent reads this thread's count of onnxruntime calls in flight before terminating it.
const nativeCalls: unknown = (workerData as { nativeCalls?: unknown } | null)?.nativeCalls
if (nativeCalls instanceof Int32Array) shareNativeActivity(nativeCalls)

/** Vision requests being decoded, by request id (for 'cancel'). */
const visionRuns = new Map<number, AbortController>()

async function run(
  message: Exclude<WorkerRequest, { task: 'cancel' }>,
): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (message.task === 'detect2d')
    return { result: await detectInImage(message.request), transfer: [] }
  if (message.task === 'calibration:fit')
    return { result: await fitCalibrationRequest(message.request), transfer: [] }
  if (message.task === 'relation:classify')
    return { result: await classifyRelation(message.request), transfer: [] }
  if (message.task === 'vision:model')
    return { result: await installedVisionModel(message.request), transfer: [] }
  if (message.task === 'vision:ask') {
    const controller = new AbortController()
    visionRuns.set(message.requestId, controller)
    try {
      return { result: await askVision(message.request, controller.signal), transfer: [] }
    } finally {
      visionRuns.delete(message.requestId)
    }
  }
  const result = await analyzeFrame(message.request, message.sceneId)
  // Buffers made for this reply move; the frame's depth is copied (its source may be cached).
  const { cloud, image } = result
  const transfer = [
    cloud.positionsInWorld.buffer,
    cloud.colors.buffer,
    cloud.objectOfPoint.buffer,
    image.rgb.buffer,
    image.objectOfPixel.buffer,
  ]
  return { result, transfer: transfer as ArrayBuffer[] }
}

parentPort?.on('message', async (message: unknown) => {
  const parsed = requestSchema.safeParse(message)
  if (!parsed.success) {
    const requestId = (message as { requestId?: number })?.requestId ?? -1
    parentPort!.postMessage({
      requestId,
      ok: false,
      error: { message: describeZodError(parsed.error), isUserError: true },
    })
    return
  }
  if (parsed.data.task === 'cancel') {
    visionRuns.get(parsed.data.target)?.abort(new Error('cancelled'))
    return
  }
  const { requestId } = parsed.data
  try {
    const { result, transfer } = await run(parsed.data)
    parentPort!.postMessage({ requestId, ok: true, result }, transfer)
  } catch (error) {
    parentPort!.postMessage({
      requestId,
      ok: false,
      error: errorForReply(error),
    })
  }
})
