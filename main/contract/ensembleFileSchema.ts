import { z } from 'zod'
import { metaCategorySchema } from './metaCategorySchema'

/**
 * The saved SpatialEnsemble (models/ensemble/spatial-ensemble.json): the language prior's counts and each voter's
 * accuracy per meta-category and relation. Versioned; the app refuses a file of another version with a message.
 */
const tallySchema = z.object({
  isTrue: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
const cellSchema = z.object({
  correct: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
})

export const languagePriorDataSchema = z.object({
  version: z.literal(1),
  fittedOn: z.string(),
  overall: tallySchema,
  byRelation: z.record(z.string(), tallySchema),
  byRelationSubject: z.record(z.string(), tallySchema),
  byRelationObject: z.record(z.string(), tallySchema),
})

export const ensembleWeightsSchema = z.object({
  version: z.literal(1),
  method: z.enum(['static', 'kfold']),
  minRelationCount: z.number().int().positive(),
  shrinkage: z.number().nonnegative(),
  byMeta: z.record(z.string(), z.partialRecord(metaCategorySchema, cellSchema)),
  byRelation: z.record(z.string(), z.record(z.string(), cellSchema)),
  fittedOn: z.string(),
})

export const ensembleFileSchema = z.object({
  format: z.literal('spatial-lens-ensemble'),
  version: z.literal(1),
  /** How it was made: the command and the data. */
  createdBy: z.string(),
  languagePrior: languagePriorDataSchema,
  weights: ensembleWeightsSchema,
})
export type EnsembleFile = z.infer<typeof ensembleFileSchema>
