import type { Detect2dResult } from '../contract/channels'
import { decodeColorImage } from '../sources/colorImage'
import {
  perceptionSettingsSchema,
  type PerceptionSettingsInput,
} from '../contract/perceptionSettings'
import { perceptionFor } from '../perception/defaultPerception'

export interface Detect2dRequest {
  /** PNG or JPEG bytes; not retained. */
  image: Uint8Array
  /** For error messages ("camera frame is not a readable image …"). */
  name: string
  perception?: PerceptionSettingsInput
}

/**
 * Decode → 2D detection, no depth and no scene: what a live camera shows when no depth model is
 * installed. Runs the same detector sessions as scene analysis on this thread (a scene worker in the
 * hosts), so they stay warm across frames.
 */
export async function detectInImage(request: Detect2dRequest): Promise<Detect2dResult> {
  const settings = perceptionSettingsSchema.parse(request.perception ?? {})
  const rgb = await decodeColorImage(request.image, request.name)
  const { detections, step } = await perceptionFor(settings.provider).detect2d(rgb, settings)
  return { width: rgb.width, height: rgb.height, detections, step }
}
