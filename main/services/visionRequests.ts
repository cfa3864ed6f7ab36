import { z } from 'zod'
import { perceptionFor } from '../perception/defaultPerception'
import { executionProviderSchema } from '../contract/providerSchema'
import { rgbImageDataSchema } from '../frames/imageDataSchemas'
import type { VlmAnswer } from '../inference/models/smolVlm'
import { UserError } from '../app/userError'

/**
 * The vision-language model as the reasoning tools reach it from a host: "which one is installed"
 * and "ask it about this image", run where the perception sessions live (a scene worker in the
 * hosts, inline in tests). Both sides validate what crosses the thread boundary.
 */

const provider = executionProviderSchema.optional()

export const visionModelRequestSchema = z.object({ provider })
export type VisionModelRequest = z.infer<typeof visionModelRequestSchema>

const pixelBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()])

export const visionAskRequestSchema = z.object({
  modelId: z.string(),
  provider,
  image: rgbImageDataSchema,
  question: z.string().min(1),
  region: pixelBoxSchema.optional(),
  maxNewTokens: z.number().int().positive().optional(),
})
export type VisionAskRequest = z.infer<typeof visionAskRequestSchema>

export const vlmAnswerSchema = z.object({
  text: z.string(),
  tokenIds: z.array(z.number().int()),
  stopReason: z.enum(['end_of_turn', 'max_tokens']),
  promptTokens: z.number().int(),
  provider: executionProviderSchema,
  timings: z.object({
    preprocessMs: z.number(),
    encoderMs: z.number(),
    decoderMs: z.number(),
    decoderSteps: z.number().int(),
  }),
})

/** The id of the installed vision-language model (the first the perception service finds), or null. */
export async function installedVisionModel(request: VisionModelRequest): Promise<string | null> {
  const vlm = await perceptionFor(request.provider).visionModel()
  return vlm?.modelId ?? null
}

/**
 * One question to the installed vision-language model. A model removed since `installedVisionModel`
 * answered is a user error naming the model, not a crash.
 */
export async function askVision(
  request: VisionAskRequest,
  signal?: AbortSignal,
): Promise<VlmAnswer> {
  const vlm = await perceptionFor(request.provider).visionModel()
  if (!vlm || vlm.modelId !== request.modelId) {
    throw new UserError(`the vision-language model ${request.modelId} is no longer installed`)
  }
  const { image, question, region, maxNewTokens } = request
  return vlm.ask(image, question, { region, maxNewTokens, signal })
}
