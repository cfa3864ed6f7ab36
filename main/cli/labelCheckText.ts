import type { LabelCheck } from '../engine/types'

/**
 * A detector object's label check for the scene table: the detector's confidence, and the note when the label was
 * demoted or rests on too few points, e.g. `detector 68 %` or
 * `(detector said "fire hydrant" (56 %), but at 12 cm it is too small for one (usually 40 cm–1.20 m))`.
 */
export function labelCheckText(check: LabelCheck): string {
  if (check.note) return `(${check.note})`
  return `detector ${Math.round(check.confidence * 100)} %`
}
