import { z } from 'zod'
import { metaCategorySchema } from './metaCategorySchema'

/** `spatial-lens eval vsr --json`: scores per subset of the test split (accuracy and F1 as fractions). */
/** null: no item to score (e.g. no dev line has an image). */
const scoreSchema = z.object({
  count: z.number().int().nonnegative(),
  accuracy: z.number().nullable(),
  f1: z.number().nullable(),
  coverage: z.number().nullable(),
})

const scoreWithMetaSchema = scoreSchema.extend({
  byMeta: z.partialRecord(metaCategorySchema, scoreSchema),
})

const ensembleResultSchema = z.object({
  method: z.enum(['static', 'kfold']),
  validation: scoreWithMetaSchema,
  test: scoreWithMetaSchema,
  gap: z.number().nullable(),
})

export const vsrSubsetReportSchema = z.object({
  subset: z.string(),
  counts: z.object({
    train: z.number().int(),
    dev: z.number().int(),
    test: z.number().int(),
    testWithImages: z.number().int(),
  }),
  voters: z.record(z.string(), scoreWithMetaSchema),
  captionFlip: scoreWithMetaSchema,
  ensembles: z.array(ensembleResultSchema),
})

export const vsrEvalReportSchema = z.object({
  split: z.enum(['random', 'zeroshot']),
  voters: z.array(z.string()),
  subsets: z.array(vsrSubsetReportSchema),
  paper: z.array(
    z.object({
      name: z.string(),
      accuracy: z.number().optional(),
      f1: z.number().optional(),
      byMeta: z.partialRecord(metaCategorySchema, z.number()).optional(),
      note: z.string(),
    }),
  ),
})
export type VsrEvalReport = z.infer<typeof vsrEvalReportSchema>
