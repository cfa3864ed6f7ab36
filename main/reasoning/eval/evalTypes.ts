/** Types of the chain-of-thought evaluation set (`evalSet.json`) and its scoring. */

/** The multi-step question kinds; success rates are reported per kind. */
export const EVAL_KINDS = [
  'what_if_move_distance',
  'clearance_after_move',
  'move_to_clear',
  'fit_side_by_side',
  'closest_object',
  'distance_difference',
  'stack_height',
  'size_ratio',
] as const

export type EvalKind = (typeof EVAL_KINDS)[number]

/** Units of expected values: metres, a count of objects, or a dimensionless ratio. */
export type EvalUnit = 'm' | 'count' | 'ratio'

/** One question with its exact expected answer computed from ground truth. */
export interface EvalItem {
  id: string
  /** `synthetic-640x480` or `sunrgbd-000001` … `sunrgbd-000004`. */
  scene: string
  question: string
  kind: EvalKind
  /** `label`: the object the answer must name (closest-object questions). */
  expected: { value: number; unit: EvalUnit; label?: string }
}

/** What the system under test answered: a number with its unit, and optionally the named object. */
export interface EvalAnswer {
  /** null when the system declined or gave no number. */
  value: number | null
  /** `m`, `cm`, `mm`, `in`, `ft`, `count`, `ratio` (or empty for dimensionless answers). */
  unit?: string
  label?: string
  /** Free text of the answer, kept in the report. */
  text?: string
}
