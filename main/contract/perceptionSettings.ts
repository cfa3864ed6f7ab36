import { z } from 'zod'
import { executionProviderSchema } from './providerSchema'

/**
 * What perception runs on a frame (CLI flags, app settings, the `scene:analyze` contract):
 * - detector: NanoDet-m (built in, COCO classes), OWLv2 (open vocabulary: `queries`), or none;
 * - depthModel: 'auto' predicts depth only for colour-only frames, with the first installed metric
 *   model (or a calibrated relative one); a model id forces that model (and replaces sensor depth);
 *   'none' never predicts;
 * - segmenter: 'auto' turns detector boxes into SAM masks when a SAM-family model is installed;
 * - provider: the execution provider to insist on (default: the best the machine has);
 * - vlmNames: ask the installed vision-language model for a short noun for each geometry-only
 *   object (one crop, a few decoding steps each; off by default because it is slow on a CPU).
 */
export const perceptionSettingsSchema = z
  .object({
    detector: z.enum(['nanodet', 'owlv2', 'none']).default('nanodet'),
    queries: z.array(z.string().trim().min(1)).max(32).default([]),
    depthModel: z.string().min(1).default('auto'),
    segmenter: z.string().min(1).default('auto'),
    provider: executionProviderSchema.optional(),
    minScore: z.number().min(0).max(1).default(0.35),
    vlmNames: z.boolean().default(false),
  })
  .strict()
export type PerceptionSettings = z.infer<typeof perceptionSettingsSchema>
export type PerceptionSettingsInput = z.input<typeof perceptionSettingsSchema>

/** The models each choice maps to (manifest ids). */
export const DETECTOR_MODELS = {
  nanodet: 'nanodet-m',
  owlv2: 'owlv2-base-patch16-ensemble',
} as const
export const SEGMENTER_MODELS = ['slimsam-77-uniform'] as const
/** Vision-language models, best first: the first installed one answers visual questions. */
export const VLM_MODELS = ['smolvlm-256m-instruct'] as const
/** Depth models tried by 'auto', best first: metric ones need no calibration. */
export const AUTO_DEPTH_MODELS = [
  'depth-anything-v2-small-metric-indoor',
  'metric3d-vit-small',
  'depth-anything-v2-small-metric-outdoor',
  'depth-anything-v2-small',
] as const

/** One perception step, for provenance and benchmarks. */
export const perceptionStepSchema = z.object({
  stage: z.enum(['depth', 'detection', 'segmentation', 'naming']),
  modelId: z.string(),
  provider: z.string(),
  ms: z.number(),
  note: z.string().optional(),
})
export type PerceptionStep = z.infer<typeof perceptionStepSchema>

export const perceptionReportSchema = z.object({
  steps: z.array(perceptionStepSchema),
  detections: z.array(
    z.object({
      label: z.string(),
      classId: z.number().int(),
      score: z.number(),
      box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    }),
  ),
  notes: z.array(z.string()),
})
export type PerceptionReport = z.infer<typeof perceptionReportSchema>
