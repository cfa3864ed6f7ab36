import { z } from 'zod'
import { finite, intrinsicsSchema } from '../contract/primitives'
import { perceptionFor } from '../perception/defaultPerception'
import { executionProviderSchema } from '../contract/providerSchema'
import { depthImageDataSchema, rgbImageDataSchema } from '../frames/imageDataSchemas'
import { ModelStore } from '../models/ModelStore'
import {
  fitDepthCalibration,
  requireDepthModel,
  type FittedCalibration,
} from '../calibration/calibrateDepthModel'

/**
 * Fitting a depth calibration where the perception sessions live (a scene worker in the hosts,
 * inline in tests): the depth model runs on the kept frame's image; the app's service saves the fit.
 * Both sides validate what crosses the thread boundary.
 */

const pixel = z.tuple([finite, finite])

export const calibrationFitRequestSchema = z
  .object({
    modelId: z.string().min(1),
    provider: executionProviderSchema.optional(),
    image: rgbImageDataSchema,
    intrinsics: intrinsicsSchema,
    /** Metres, registered to the image: the rgbd-frame method's reference. */
    depth: depthImageDataSchema.optional(),
    method: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('rgbd-frame') }),
      z.object({
        kind: z.literal('known-distance'),
        distances: z
          .array(z.object({ a: pixel, b: pixel, distanceM: z.number().positive() }))
          .min(1),
      }),
    ]),
  })
  .refine((r) => r.image.width === r.intrinsics.width && r.image.height === r.intrinsics.height, {
    message: 'the image is not the size the intrinsics give',
  })
export type CalibrationFitRequest = z.infer<typeof calibrationFitRequestSchema>

export const fittedCalibrationSchema = z.object({
  fitted: z.object({
    space: z.enum(['depth', 'inverse-depth']),
    scale: z.number(),
    shift: z.number(),
    method: z.enum(['rgbd-frame', 'known-distance', 'known-size']),
    // NaN when nothing was left to measure them (DepthCalibration); structured clone keeps NaN.
    residualRmsM: z.number().or(z.nan()),
    residualRel: z.number().or(z.nan()),
    pointCount: z.number().int(),
    inlierCount: z.number().int(),
  }),
  warnings: z.array(z.string()),
  modelRun: z.object({
    output: z.string(),
    provider: executionProviderSchema,
    inferenceMs: z.number(),
  }),
})

/** Checks the model is a depth model, runs it on the image and fits (see fitDepthCalibration). */
export async function fitCalibrationRequest(
  request: CalibrationFitRequest,
): Promise<FittedCalibration> {
  requireDepthModel(new ModelStore(), request.modelId)
  const model = await perceptionFor(request.provider).depthModel(request.modelId)
  const frame = { rgb: request.image, intrinsics: request.intrinsics, depth: request.depth }
  return fitDepthCalibration({ modelId: request.modelId, frame, method: request.method }, model)
}
