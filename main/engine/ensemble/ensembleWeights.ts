/**
 * SpatialEnsemble's weights (Spatial-ViLT, arXiv 2510.03441): each voter's validation accuracy for the
 * statement's meta-category and relation, w(i,c,r) = a(i,c,r) / Σ_j a(j,c,r). A relation with fewer than
 * `minRelationCount` answered validation items backs off to the voter's meta-category accuracy, as the paper
 * does; the k-fold variant instead shrinks every relation toward its meta-category (James–Stein-style pseudo
 * counts), so rare relations neither overfit nor throw away what they show. Pure TypeScript.
 */

import type { MetaCategory } from './vsrRelations'
import type { Verdict } from './voter'

/** One validation item as a voter answered it. */
export interface ScoredVote {
  voterId: string
  relation: string
  metaCategory: MetaCategory
  verdict: Verdict
  /** The gold label of the statement as stated (after negation). */
  label: boolean
}

export interface AccuracyCell {
  correct: number
  answered: number
}

/** Versioned weights file: accuracy per voter, meta-category and relation. */
export interface EnsembleWeights {
  version: 1
  method: 'static' | 'kfold'
  /** Relations with fewer answered items use the meta-category (static) or shrink toward it (k-fold). */
  minRelationCount: number
  /** Pseudo-count of the meta-category accuracy in a relation's estimate (k-fold); 0 for static. */
  shrinkage: number
  /** voterId → meta-category → accuracy cell. */
  byMeta: Record<string, Record<string, AccuracyCell>>
  /** voterId → relation → accuracy cell. */
  byRelation: Record<string, Record<string, AccuracyCell>>
  /** Where the accuracies were measured, for provenance. */
  fittedOn: string
}

function bump(
  table: Record<string, Record<string, AccuracyCell>>,
  voterId: string,
  key: string,
  ok: boolean,
): void {
  const cell = ((table[voterId] ??= {})[key] ??= { correct: 0, answered: 0 })
  cell.answered++
  if (ok) cell.correct++
}

/** Count each voter's answered items and correct ones; abstentions are not counted (they carry no vote). */
export function fitEnsembleWeights(
  votes: readonly ScoredVote[],
  options: {
    method: 'static' | 'kfold'
    fittedOn: string
    minRelationCount?: number
    shrinkage?: number
  },
): EnsembleWeights {
  const weights: EnsembleWeights = {
    version: 1,
    method: options.method,
    minRelationCount: options.minRelationCount ?? 5,
    shrinkage: options.method === 'kfold' ? (options.shrinkage ?? 10) : 0,
    byMeta: {},
    byRelation: {},
    fittedOn: options.fittedOn,
  }
  for (const v of votes) {
    if (v.verdict === 'abstain') continue
    const ok = (v.verdict === 'true') === v.label
    bump(weights.byMeta, v.voterId, v.metaCategory, ok)
    bump(weights.byRelation, v.voterId, v.relation, ok)
  }
  return weights
}

/** Accuracy used when a voter has no validation item at all in a meta-category: a coin. */
export const UNKNOWN_ACCURACY = 0.5

/** a(i, c, r): the voter's accuracy for this meta-category and relation under the weights' method. */
export function voterAccuracy(
  weights: EnsembleWeights,
  voterId: string,
  metaCategory: MetaCategory,
  relation: string,
): number {
  const meta = weights.byMeta[voterId]?.[metaCategory]
  const metaAccuracy = meta && meta.answered > 0 ? meta.correct / meta.answered : UNKNOWN_ACCURACY
  const cell = weights.byRelation[voterId]?.[relation]
  if (!cell || cell.answered === 0) return metaAccuracy
  if (weights.method === 'static') {
    return cell.answered >= weights.minRelationCount ? cell.correct / cell.answered : metaAccuracy
  }
  return (cell.correct + weights.shrinkage * metaAccuracy) / (cell.answered + weights.shrinkage)
}
