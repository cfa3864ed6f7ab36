import { perceptionFor } from '../perception/defaultPerception'
import type { VlmAnswer } from '../inference/models/smolVlm'
import { UserError } from '../app/userError'
import type { VisionAskRequest, VisionModelRequest } from './contract/taskSchemas'

/**
 * The vision-language model as the reasoning tools reach it from a host: "which one is installed"
 * and "ask it about this image", run where the perception sessions live (a scene worker in the
 * hosts, inline in tests). The requests' schemas are in the worker contract (contract/taskSchemas).
 */

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
