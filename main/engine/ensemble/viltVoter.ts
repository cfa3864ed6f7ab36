/**
 * The ViLT-family voter: an image–caption classifier fine-tuned on VSR (ViLT, as in the VSR paper and
 * Spatial-ViLT's baselines) says how likely the caption holds. The classifier is injected (the ONNX runner
 * lives in main/inference), so this stays pure. It is given the statement in its positive VSR form
 * ("The cat is under the table.") and negation is applied to its probability, as for the other voters.
 */

import type { SpatialStatement } from './parseStatement'
import { abstain, voteFromProbability, type Vote, type VoteContext, type Voter } from './voter'

/** Probability of "true" for one caption; null when there is nothing to look at (no image). */
export type ClassifyCaption = (caption: string, context: VoteContext) => Promise<number | null>

/** softmax([logitFalse, logitTrue])[1], computed stably (σ(true − false)). */
export function softmaxTrue(logits: readonly [number, number]): number {
  const d = logits[1] - logits[0]
  if (!Number.isFinite(d)) {
    throw new RangeError(`softmaxTrue: logits must be finite, got [${logits.join(', ')}]`)
  }
  return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d))
}

/** VSR's relations written as verbs, without "is" ("The bowl contains the broccoli."), as in its captions. */
const VERB_RELATIONS = new Set(['contains', 'has as a part', 'consists of'])

/**
 * The statement as a VSR caption in its positive form, the wording the classifier was fine-tuned on:
 * "The cat is under the table.", "The suitcase contains the cat."
 */
export function vsrCaption(statement: SpatialStatement): string {
  const verb = VERB_RELATIONS.has(statement.relation)
    ? statement.relation
    : `is ${statement.relation}`
  return `The ${statement.subject} ${verb} the ${statement.object}.`
}

export class ViltVoter implements Voter {
  constructor(
    private readonly classify: ClassifyCaption,
    readonly id: string = 'vilt',
  ) {}

  async vote(statement: SpatialStatement, context: VoteContext): Promise<Vote> {
    const caption = vsrCaption(statement)
    const p = await this.classify(caption, context)
    if (p === null) return abstain(this.id, 'no image to look at')
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`ViltVoter: probability must be in [0, 1], got ${p}`)
    return voteFromProbability(
      this.id,
      p,
      statement,
      `ViLT classifier: P("${caption}" holds) = ${p.toFixed(3)}`,
    )
  }
}
