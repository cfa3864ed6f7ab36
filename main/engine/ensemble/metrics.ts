/**
 * Accuracy and F1 (positive class = "true") of verdicts against gold labels, overall and per meta-category.
 * An abstention counts as a wrong answer in accuracy (an ensemble must answer every item) and as a predicted
 * "false" in F1, so coverage cannot inflate either. Pure TypeScript.
 */

import type { MetaCategory } from './vsrRelations'
import type { Verdict } from './voter'

export interface Scored {
  metaCategory: MetaCategory
  verdict: Verdict
  label: boolean
}

export interface Score {
  count: number
  accuracy: number
  f1: number
  /** Share of items with a true/false verdict. */
  coverage: number
}

export function scoreVerdicts(items: readonly Scored[]): Score {
  let correct = 0
  let tp = 0
  let fp = 0
  let fn = 0
  let answered = 0
  for (const { verdict, label } of items) {
    if (verdict !== 'abstain') answered++
    const saysTrue = verdict === 'true'
    if (verdict !== 'abstain' && saysTrue === label) correct++
    if (saysTrue && label) tp++
    else if (saysTrue && !label) fp++
    else if (!saysTrue && label) fn++
  }
  const n = items.length
  const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  return { count: n, accuracy: n ? correct / n : NaN, f1, coverage: n ? answered / n : NaN }
}

export function scoreByMetaCategory(
  items: readonly Scored[],
): Partial<Record<MetaCategory, Score>> {
  const groups = new Map<MetaCategory, Scored[]>()
  for (const item of items) {
    const list = groups.get(item.metaCategory) ?? []
    list.push(item)
    groups.set(item.metaCategory, list)
  }
  const out: Partial<Record<MetaCategory, Score>> = {}
  for (const [meta, list] of groups) out[meta] = scoreVerdicts(list)
  return out
}
