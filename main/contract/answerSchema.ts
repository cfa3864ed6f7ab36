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

/** What the viewer draws for an answer (world frame, metres); mirrors AnswerGeometry in the engine. */
export const answerGeometrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('segment'),
    fromInWorld: vec3Schema,
    toInWorld: vec3Schema,
    lengthM: finite,
    label: z.string(),
  }),
  z.object({
    kind: z.literal('arrow'),
    fromInWorld: vec3Schema,
    toInWorld: vec3Schema,
    clockHour: z.number().int().min(1).max(12),
    label: z.string(),
  }),
  z.object({
    kind: z.literal('highlight'),
    names: z.array(z.string()),
    primary: z.string().nullable(),
  }),
])
export type AnswerGeometryJson = z.infer<typeof answerGeometrySchema>

/** What an answer rests on: depth source, intrinsics, the frame it is expressed in, points, method. */
export const answerProvenanceSchema = z.object({
  depthSource: z.enum(['sensor', 'pointcloud', 'monocular']),
  intrinsics: intrinsicsSchema,
  frameKind: z.enum(['support-plane', 'camera-fallback']),
  frameNote: z.string().optional(),
  depthNote: z.string().optional(),
  plane: planeSchema.nullable(),
  pointCounts: z.record(z.string(), z.number()),
  method: z.string(),
})
export type AnswerProvenanceJson = z.infer<typeof answerProvenanceSchema>

/**
 * A spatial answer: `spatial-lens ask --json` and the `qa:ask` reply. Lengths in metres (unit 'm'),
 * booleans as true/false, choices as the chosen object's name, clock directions as integer hours.
 */
export const answerSchema = z.object({
  question: z.string(),
  kind: z.string(),
  text: z.string(),
  value: z.union([finite, z.boolean(), z.string(), z.null()]),
  unit: z.enum(['m', 'clock', 'bool', 'name', 'm3', 'count', 'names']).nullable(),
  objects: z.array(answerObjectSchema),
  provenance: answerProvenanceSchema,
  geometry: answerGeometrySchema.optional(),
  detail: z.unknown().optional(),
})
export type AnswerJson = z.infer<typeof answerSchema>
