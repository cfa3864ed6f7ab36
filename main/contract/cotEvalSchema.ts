import { z } from 'zod'
import { finite } from './primitives'

/**
 * `spatial-lens eval cot --json`: the chain-of-thought evaluation's report (main/reasoning/eval),
 * every question scored against its ground-truth answer, with success rates per question kind and
 * overall. Mirrors EvalReport (main/reasoning/eval/scoreEval.ts); the eval command checks at compile
 * time that they still fit.
 */

/** The multi-step question kinds (EVAL_KINDS); rates are reported for each, zero counts included. */
export const cotEvalKindSchema = z.enum([
  'what_if_move_distance',
  'clearance_after_move',
  'move_to_clear',
  'fit_side_by_side',
  'closest_object',
  'distance_difference',
  'stack_height',
  'size_ratio',
])

const rateSchema = finite.min(0).max(1)

/** Success counts and rates (fractions in [0, 1]; 0 when `count` is 0). */
export const cotEvalRatesSchema = z.object({
  count: z.number().int().nonnegative(),
  within2x: z.number().int().nonnegative(),
  within10Percent: z.number().int().nonnegative(),
  rate2x: rateSchema,
  rate10Percent: rateSchema,
})

/** One scored question. `ratio`: the answer / the expected value in the expected unit (null: no usable number). */
export const cotEvalResultSchema = z.object({
  id: z.string(),
  kind: cotEvalKindSchema,
  /** Metres for unit 'm'; `label`: the object the answer must name. */
  expected: z.object({
    value: finite,
    unit: z.enum(['m', 'count', 'ratio']),
    label: z.string().optional(),
  }),
  /** What the system answered; null when it failed (see `error`). */
  answer: z
    .object({
      value: finite.nullable(),
      unit: z.string().optional(),
      label: z.string().optional(),
      text: z.string().optional(),
    })
    .nullable(),
  ratio: finite.nullable(),
  isWithin2x: z.boolean(),
  isWithin10Percent: z.boolean(),
  isLabelCorrect: z.boolean(),
  error: z.string().optional(),
})

export const cotEvalReportSchema = z.object({
  results: z.array(cotEvalResultSchema),
  perKind: z.record(cotEvalKindSchema, cotEvalRatesSchema),
  overall: cotEvalRatesSchema,
})
export type CotEvalReport = z.infer<typeof cotEvalReportSchema>
