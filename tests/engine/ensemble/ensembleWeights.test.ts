import { describe, expect, it } from 'vitest'
import { combineVotes } from '../../../main/engine/ensemble/combineVotes'
import {
  fitEnsembleWeights,
  voterAccuracy,
  type ScoredVote,
} from '../../../main/engine/ensemble/ensembleWeights'
import { assignFolds, assignGroupedFolds, outOfFold } from '../../../main/engine/ensemble/kfold'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import type { Vote } from '../../../main/engine/ensemble/voter'

/** n validation items of one voter on a relation, `correct` of them right. */
function items(
  voterId: string,
  relation: string,
  meta: ScoredVote['metaCategory'],
  correct: number,
  n: number,
): ScoredVote[] {
  return Array.from({ length: n }, (_, i) => ({
    voterId,
    relation,
    metaCategory: meta,
    verdict: 'true',
    label: i < correct,
  }))
}

const vote = (voterId: string, verdict: Vote['verdict']): Vote => ({
  voterId,
  verdict,
  confidence: 0.8,
  reason: '',
})

describe('SpatialEnsemble weights', () => {
  const validation = [
    ...items('geometry', 'left of', 'Projective', 8, 10),
    ...items('geometry', 'under', 'Projective', 1, 2),
    ...items('prior', 'left of', 'Projective', 6, 10),
    ...items('prior', 'under', 'Projective', 2, 2),
    ...items('vlm', 'left of', 'Projective', 7, 10),
  ]

  it('static weights: relation accuracy when it has enough items, else the meta-category (paper)', () => {
    const w = fitEnsembleWeights(validation, { method: 'static', fittedOn: 'test' })
    expect(voterAccuracy(w, 'geometry', 'Projective', 'left of')).toBeCloseTo(0.8)
    // "under" has 2 < 5 items: back off to Projective = 9/12.
    expect(voterAccuracy(w, 'geometry', 'Projective', 'under')).toBeCloseTo(9 / 12)
    expect(voterAccuracy(w, 'vlm', 'Topological', 'on')).toBe(0.5)
  })

  it('k-fold weights shrink a relation toward its meta-category: hand-computed', () => {
    const w = fitEnsembleWeights(validation, { method: 'kfold', fittedOn: 'test', shrinkage: 10 })
    // prior on "under": (2 + 10 · 8/12) / (2 + 10)
    expect(voterAccuracy(w, 'prior', 'Projective', 'under')).toBeCloseTo((2 + (10 * 8) / 12) / 12)
  })

  it('combines as w_i = a_i / Σ a_j: hand-computed verdict and confidence', () => {
    const w = fitEnsembleWeights(validation, { method: 'static', fittedOn: 'test' })
    const s = parseStatement('the mug is left of the laptop')!
    const r = combineVotes(
      s,
      [vote('geometry', 'true'), vote('prior', 'false'), vote('vlm', 'false')],
      w,
      'hard',
    )
    // a = 0.8, 0.6, 0.7: true share 0.8 / 2.1 = 0.381 → false with 0.619.
    expect(r.verdict).toBe('false')
    expect(r.scoreTrue).toBeCloseTo(0.8 / 2.1)
    expect(r.confidence).toBeCloseTo(1.3 / 2.1)
    expect(r.votes.map((v) => v.weight)).toEqual(
      [0.8 / 2.1, 0.6 / 2.1, 0.7 / 2.1].map((x) => expect.closeTo(x, 12)),
    )
  })

  it("soft voting counts each voter's own probability: hand-computed", () => {
    const w = fitEnsembleWeights(validation, { method: 'static', fittedOn: 'test' })
    const s = parseStatement('the mug is left of the laptop')!
    const unsure = { voterId: 'prior', verdict: 'true' as const, confidence: 0.6, reason: '' }
    const r = combineVotes(s, [vote('geometry', 'false'), unsure], w)
    // weights 0.8/1.4 and 0.6/1.4; P(true) = 0.8/1.4 · 0.2 + 0.6/1.4 · 0.6
    expect(r.scoreTrue).toBeCloseTo((0.8 * 0.2 + 0.6 * 0.6) / 1.4, 12)
    expect(r.verdict).toBe('false')
    // A lone unsure voter gives its own confidence, not 100 %.
    expect(combineVotes(s, [unsure], w).confidence).toBeCloseTo(0.6, 12)
  })

  it('renormalises over the voters that did not abstain; all abstaining is an abstention', () => {
    const w = fitEnsembleWeights(validation, { method: 'static', fittedOn: 'test' })
    const s = parseStatement('the mug is left of the laptop')!
    const r = combineVotes(
      s,
      [vote('geometry', 'true'), vote('prior', 'abstain'), vote('vlm', 'false')],
      w,
      'hard',
    )
    expect(r.scoreTrue).toBeCloseTo(0.8 / 1.5)
    expect(r.verdict).toBe('true')
    expect(r.votes[1].weight).toBe(0)
    expect(combineVotes(s, [vote('geometry', 'abstain')], w)).toMatchObject({
      verdict: 'abstain',
      confidence: 0.5,
    })
  })

  it('ignores abstentions when measuring accuracy', () => {
    const w = fitEnsembleWeights(
      [
        ...items('geometry', 'left of', 'Projective', 3, 4),
        {
          voterId: 'geometry',
          relation: 'left of',
          metaCategory: 'Projective',
          verdict: 'abstain',
          label: true,
        },
      ],
      { method: 'static', fittedOn: 'test', minRelationCount: 1 },
    )
    expect(w.byRelation.geometry['left of']).toEqual({ correct: 3, answered: 4 })
  })
})

describe('k-fold', () => {
  it('deals balanced, seeded folds', () => {
    const folds = assignFolds(103, 5, 7)
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(assignFolds(103, 5, 7)).toEqual(folds)
    expect(assignFolds(103, 5, 8)).not.toEqual(folds)
    expect(() => assignFolds(3, 5, 1)).toThrow(/k-fold/)
  })

  it('keeps groups whole: a caption and its opposite-label twin share a fold', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `caption ${i % 20}`)
    const folds = assignGroupedFolds(keys, 5, 2)
    for (let i = 0; i < keys.length; i++)
      for (let j = 0; j < keys.length; j++) if (keys[i] === keys[j]) expect(folds[i]).toBe(folds[j])
    expect(new Set(folds).size).toBe(5)
  })

  it('fits each fold without its own items', () => {
    const values = Array.from({ length: 20 }, (_, i) => i)
    const folds = assignFolds(values.length, 4, 1)
    const seen = outOfFold(values, folds, 4, (training) => (item) => training.includes(item))
    expect(seen.every((wasInTraining) => !wasInTraining)).toBe(true)
  })
})
