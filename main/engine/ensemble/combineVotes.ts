/**
 * SpatialEnsemble's decision: the accuracy-weighted vote of the voters that did not abstain
 * (w_i = a_i / Σ_j a_j over the non-abstaining voters, so an abstention renormalises the rest).
 * Pure TypeScript.
 */

import { voterAccuracy, type EnsembleWeights } from './ensembleWeights'
import type { SpatialStatement } from './parseStatement'
import type { Verdict, Vote } from './voter'

export interface WeightedVote extends Vote {
  /** a(i, c, r): the voter's validation accuracy for this meta-category and relation. */
  accuracy: number
  /** Normalised weight in the decision; 0 for an abstention. */
  weight: number
}

export interface EnsembleVerdict {
  verdict: Verdict
  /** Weighted share of the winning side, in [0.5, 1]; 0.5 when every voter abstained. */
  confidence: number
  /** Weighted share of "true" among the voters that voted. */
  scoreTrue: number
  votes: WeightedVote[]
}

/**
 * How a vote counts: 'hard' as in the paper (a vote for "true" counts 1, for "false" 0); 'soft' counts the voter's
 * own probability of "true" (its confidence, or one minus it), so a voter that is unsure moves the verdict less and
 * the ensemble's confidence says how sure the voters were, not only how many agreed.
 */
export type VotingMode = 'hard' | 'soft'

/** Combine votes on one statement with the weights; ties go to "false". */
export function combineVotes(
  statement: SpatialStatement,
  votes: readonly Vote[],
  weights: EnsembleWeights,
  mode: VotingMode = 'soft',
): EnsembleVerdict {
  const withAccuracy = votes.map((v) => ({
    ...v,
    accuracy: voterAccuracy(weights, v.voterId, statement.metaCategory, statement.relation),
    weight: 0,
  }))
  const voting = withAccuracy.filter((v) => v.verdict !== 'abstain')
  if (voting.length === 0)
    return { verdict: 'abstain', confidence: 0.5, scoreTrue: 0.5, votes: withAccuracy }
  const total = voting.reduce((sum, v) => sum + v.accuracy, 0)
  let scoreTrue = 0
  for (const v of voting) {
    // Every voter that voted was always wrong on validation: no weight says more than another, so count them equally.
    v.weight = total > 0 ? v.accuracy / total : 1 / voting.length
    const saysTrue = v.verdict === 'true'
    scoreTrue +=
      v.weight * (mode === 'hard' ? (saysTrue ? 1 : 0) : saysTrue ? v.confidence : 1 - v.confidence)
  }
  const verdict: Verdict = scoreTrue > 0.5 ? 'true' : 'false'
  return { verdict, confidence: Math.max(scoreTrue, 1 - scoreTrue), scoreTrue, votes: withAccuracy }
}
