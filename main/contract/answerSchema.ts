import { z } from 'zod'
import { finite, intrinsicsSchema, planeSchema, sizeSchema, vec3Schema } from './primitives'

export const answerObjectSchema = z.object({
  name: z.string(),
  label: z.string(),
  centerInWorld: vec3Schema,
  centerInCamera: vec3Schema,
  sizeM: sizeSchema,
  yawRad: finite,
  pointCount: z.number().int().nonnegative(),
})

/**
 * A spatial answer: `spatial-lens ask --json` and the `qa:ask` reply. Lengths in metres (unit 'm'),
 * booleans as true/false, choices as the chosen object's name, clock directions as integer hours.
 */
export const answerSchema = z.object({
  question: z.string(),
  kind: z.string(),
  text: z.string(),
  value: z.union([finite, z.boolean(), z.string(), z.null()]),
  unit: z.enum(['m', 'clock', 'bool', 'name', 'm3']).nullable(),
  objects: z.array(answerObjectSchema),
  provenance: z.object({
    depthSource: z.enum(['sensor', 'pointcloud', 'monocular']),
    intrinsics: intrinsicsSchema,
    frameKind: z.enum(['support-plane', 'camera-fallback']),
    frameNote: z.string().optional(),
    plane: planeSchema.nullable(),
    pointCounts: z.record(z.string(), z.number()),
    method: z.string(),
  }),
  geometry: z.unknown().optional(),
  detail: z.unknown().optional(),
})
export type AnswerJson = z.infer<typeof answerSchema>
