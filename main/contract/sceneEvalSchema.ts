import { z } from 'zod'
import { finite, vec3Schema } from './primitives'

/**
 * `spatial-lens eval scenes --json`: our boxes and Open3D's baseline against ground truth on the same frames.
 * Metres; centres in the camera frame (OpenCV: x right, y down, z forward). Signed errors are measured − truth.
 */

const pairSchema = z.tuple([finite, finite])
const nonNegative = finite.nonnegative()

/** Count, mean, median and max of absolute errors; null when no object was measured. */
export const errorStatsSchema = z
  .object({
    count: z.number().int().positive(),
    mean: nonNegative,
    median: nonNegative,
    max: nonNegative,
  })
  .nullable()

/** One method's box for one object, with its errors. */
export const measuredBoxResultSchema = z.object({
  centerInCamera: vec3Schema,
  /** [longer, shorter] horizontal side. */
  footprintM: pairSchema,
  heightM: nonNegative,
  centreErrorM: nonNegative,
  footprintErrorM: pairSchema,
  heightErrorM: finite,
  /** Mean absolute error of the three extents. */
  sizeErrorM: nonNegative,
  /** |height error| / true height. */
  heightErrorRel: nonNegative,
})

/** One ground-truth object and what each method made of it (null: that method lost it). */
export const sceneEvalObjectSchema = z.object({
  frame: z.string(),
  name: z.string(),
  truth: z.object({ centerInCamera: vec3Schema, footprintM: pairSchema, heightM: nonNegative }),
  /** Our visible box. */
  ours: measuredBoxResultSchema.nullable(),
  /** Our amodal (full-object) box; null when the object has none. */
  oursAmodal: measuredBoxResultSchema.nullable(),
  amodalMethod: z.string().nullable(),
  open3d: measuredBoxResultSchema.nullable(),
})

/** Errors of one method over a dataset's objects. */
export const methodSummarySchema = z.object({
  found: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  centreErrorM: errorStatsSchema,
  sizeErrorM: errorStatsSchema,
  heightErrorM: errorStatsSchema,
  heightErrorRel: errorStatsSchema,
})

export const sceneEvalDatasetSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What the ground truth is and how far to trust it. */
  groundTruth: z.string(),
  /** Whether the objects are real captures (their heights count as "real objects"). */
  isReal: z.boolean(),
  frames: z.array(z.string()),
  objects: z.array(sceneEvalObjectSchema),
  summary: z.object({
    ours: methodSummarySchema,
    /** Amodal box where there is one, else the visible box; null when no object has an amodal box. */
    oursWithAmodal: methodSummarySchema.nullable(),
    /** How many found objects have an amodal box. */
    amodalCount: z.number().int().nonnegative(),
    /** Null when Open3D was not run. */
    open3d: methodSummarySchema.nullable(),
  }),
  warnings: z.array(z.string()),
})

export const sceneEvalReportSchema = z.object({
  evaluation: z.literal('scenes'),
  open3d: z.object({
    isAvailable: z.boolean(),
    version: z.string().nullable(),
    python: z.string().nullable(),
    /** Why it was not run and how to install it, when it was not. */
    note: z.string().nullable(),
    /** What the baseline does, per dataset kind. */
    method: z.string(),
  }),
  datasets: z.array(sceneEvalDatasetSchema),
})

export type ErrorStatsJson = z.infer<typeof errorStatsSchema>
export type MeasuredBoxResult = z.infer<typeof measuredBoxResultSchema>
export type SceneEvalObject = z.infer<typeof sceneEvalObjectSchema>
export type MethodSummary = z.infer<typeof methodSummarySchema>
export type SceneEvalDataset = z.infer<typeof sceneEvalDatasetSchema>
export type SceneEvalReport = z.infer<typeof sceneEvalReportSchema>
