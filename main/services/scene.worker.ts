import { parentPort } from 'node:worker_threads'
import { z } from 'zod'
import { frameInputSchema, regionInputSchema } from '../contract/channels'
import { analyzeFrame } from './analyzeFrame'
import { perceptionSettingsSchema } from '../perception/perceptionSettings'
import { isUserError, userFacingMessage } from './userError'

/**
 * Worker thread entry: scene computation off the Electron main thread and the server's event loop.
 * Requests are validated here (the receiving side), replies carry typed arrays as transferables.
 */
const requestSchema = z.object({
  requestId: z.number().int(),
  sceneId: z.string(),
  request: z.object({
    frame: frameInputSchema,
    regions: z.array(regionInputSchema),
    perception: perceptionSettingsSchema.optional(),
  }),
})

parentPort?.on('message', async (message: unknown) => {
  const parsed = requestSchema.safeParse(message)
  if (!parsed.success) {
    const requestId = (message as { requestId?: number })?.requestId ?? -1
    parentPort!.postMessage({ requestId, ok: false, error: { message: userFacingMessage(parsed.error), isUserError: true } })
    return
  }
  const { requestId, sceneId, request } = parsed.data
  try {
    const result = await analyzeFrame(request, sceneId)
    // Buffers made for this reply move; the frame's depth is copied (its source may be cached).
    const { cloud, image } = result
    const transfer = [
      cloud.positionsInWorld.buffer,
      cloud.colors.buffer,
      cloud.objectOfPoint.buffer,
      image.rgb.buffer,
      image.objectOfPixel.buffer,
    ]
    parentPort!.postMessage({ requestId, ok: true, result }, transfer as ArrayBuffer[])
  } catch (error) {
    parentPort!.postMessage({
      requestId,
      ok: false,
      error: { message: userFacingMessage(error), isUserError: isUserError(error) },
    })
  }
})
