import { z } from 'zod'
import { metaCategorySchema } from './metaCategorySchema'
import { answerObjectSchema, answerProvenanceSchema } from './answerSchema'

export const verdictSchema = z.enum(['true', 'false', 'abstain'])

/** One voter's vote with the weight SpatialEnsemble gave it. */
export const weightedVoteSchema = z.object({
  voterId: z.string(),
  verdict: verdictSchema,
  confidence: z.number().min(0.5).max(1),
  reason: z.string(),
  /** The voter's validation accuracy for this meta-category and relation. */
  accuracy: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
})

/** `qa:verify` and `spatial-lens verify --json`: a statement's verdict, confidence and every vote. */
export const verificationSchema = z.object({
  statement: z.string(),
  parsed: z.object({
    subject: z.string(),
    relation: z.string(),
    metaCategory: metaCategorySchema,
    object: z.string(),
    isNegated: z.boolean(),
  }),
  verdict: verdictSchema,
  confidence: z.number().min(0.5).max(1),
  /** Weighted share of "true" among the voters that voted. */
  scoreTrue: z.number().min(0).max(1),
  text: z.string(),
  votes: z.array(weightedVoteSchema),
  /** The objects judged (subject first, when found). */
  objects: z.array(answerObjectSchema),
  provenance: answerProvenanceSchema,
  /** What the viewer draws: both objects highlighted, the subject primary. */
  geometry: z.object({
    kind: z.literal('highlight'),
    names: z.array(z.string()),
    primary: z.string().nullable(),
  }),
  /** Where the weights came from (the weights file's command). */
  weightsFrom: z.string(),
})
export type VerificationJson = z.infer<typeof verificationSchema>

export const verifyInputSchema = z
  .object({ sceneId: z.string().min(1), statement: z.string().trim().min(1).max(500) })
  .strict()
