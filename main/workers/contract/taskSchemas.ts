import { z } from 'zod'
import { depthCalibrationSchema } from '../../contract/depthCalibrationSchema'
import { finite, intrinsicsSchema } from '../../contract/primitives'
import { detect2dInputSchema, frameInputSchema, regionListSchema } from '../../contract/channels'
import { perceptionSettingsSchema } from '../../contract/perceptionSettings'
import { executionProviderSchema } from '../../contract/providerSchema'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from '../../contract/sceneSchema'
import { depthImageDataSchema, rgbImageDataSchema } from '../../frames/imageDataSchemas'
import { engineSceneSchema } from './engineSceneSchema'

/**
 * Request and reply schemas of the scene-worker tasks other than the app's own channels (those reuse
 * main/contract/channels). Structured clone carries typed arrays, so images stay typed arrays here
 * and are checked for their size on arrival.
 */

const provider = executionProviderSchema.optional()

/** One frame to analyse into the scene `sceneId` (the host's cache key, echoed in the summary). */
export const analyzeTaskRequestSchema = z.object({
  sceneId: z.string().min(1),
  frame: frameInputSchema,
  regions: regionListSchema,
  perception: perceptionSettingsSchema.optional(),
})

/** The analysis: the engine scene and its depth (kept by the host), the summary, cloud and image. */
export const sceneComputationSchema = z.object({
  scene: engineSceneSchema,
  /** Metres; model depth for colour-only frames. */
  depth: depthImageDataSchema,
  summary: sceneSummarySchema,
  cloud: sceneCloudSchema,
  image: sceneImageSchema,
})

/**
 * A colour image for 2D detection (the app's channel input). Any Uint8Array view is accepted, as the
 * host's Detect2dRequest allows.
 */
export const detect2dTaskRequestSchema = detect2dInputSchema.extend({
  image: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array'),
})

/** "Which vision-language model is installed" (for this provider choice). */
export const visionModelRequestSchema = z.object({ provider })
export type VisionModelRequest = z.infer<typeof visionModelRequestSchema>

/** The installed vision-language model's id, or null when none is. */
export const modelIdOrNullSchema = z.string().min(1).nullable()

/** Region of the image to ask about: pixels [x0, y0, x1, y1]. */
const pixelBoxSchema = z.tuple([finite, finite, finite, finite])

export const visionAskRequestSchema = z.object({
  modelId: z.string(),
  provider,
  image: rgbImageDataSchema,
  question: z.string().min(1),
  region: pixelBoxSchema.optional(),
  maxNewTokens: z.number().int().positive().optional(),
})
export type VisionAskRequest = z.infer<typeof visionAskRequestSchema>

/** The model's answer (main/inference/models/smolVlm's VlmAnswer). */
export const vlmAnswerSchema = z.object({
  text: z.string(),
  tokenIds: z.array(z.number().int()),
  stopReason: z.enum(['end_of_turn', 'max_tokens']),
  promptTokens: z.number().int(),
  provider: executionProviderSchema,
  timings: z.object({
    preprocessMs: finite,
    encoderMs: finite,
    decoderMs: finite,
    decoderSteps: z.number().int(),
  }),
})

/** "How likely does this caption hold for this image" (the ViLT VSR classifier). */
export const relationClassifyRequestSchema = z.object({
  provider,
  image: rgbImageDataSchema,
  caption: z.string().min(1),
})
export type RelationClassifyRequest = z.infer<typeof relationClassifyRequestSchema>

/** P(caption holds) in [0, 1], or null without the model. */
export const probabilityOrNullSchema = z.number().min(0).max(1).nullable()

const pixel = z.tuple([finite, finite])

/** A depth model run on a kept frame and fitted to metres (the app's service saves the fit). */
export const calibrationFitRequestSchema = z
  .object({
    modelId: z.string().min(1),
    provider,
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
      z.object({
        kind: z.literal('known-size'),
        size: z.object({
          region: z.object({ box: z.tuple([finite, finite, finite, finite]) }),
          axis: z.enum(['width', 'height']),
          sizeM: z.number().positive(),
        }),
      }),
    ]),
  })
  .refine((r) => r.image.width === r.intrinsics.width && r.image.height === r.intrinsics.height, {
    message: 'the image is not the size the intrinsics give',
  })
export type CalibrationFitRequest = z.infer<typeof calibrationFitRequestSchema>

export const fittedCalibrationSchema = z.object({
  // In-memory form: structured clone keeps a NaN residual (not measurable).
  fitted: depthCalibrationSchema,
  warnings: z.array(z.string()),
  modelRun: z.object({
    output: z.string(),
    provider: executionProviderSchema,
    inferenceMs: z.number(),
  }),
})
