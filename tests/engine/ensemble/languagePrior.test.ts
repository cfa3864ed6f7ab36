import { describe, expect, it } from 'vitest'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import {
  fitLanguagePrior,
  LanguagePriorVoter,
  priorProbability,
  PRIOR_STRENGTH,
} from '../../../main/engine/ensemble/languagePrior'
import { readVsrSplit } from './vsrData'

const labelled = (caption: string, label: boolean) => ({
  statement: parseStatement(caption)!,
  label,
})

describe('language prior', () => {
  it('reproduces the counts of a hand-made training set (negated captions count inverted)', () => {
    const data = fitLanguagePrior(
      [
        labelled('The cat is under the table.', true),
        labelled('The cat is under the chair.', false),
        labelled('The dog is under the table.', true),
        labelled('The dog is not under the bed.', true),
        labelled('The cat is on the table.', true),
      ],
      'hand set',
    )
    expect(data.overall).toEqual({ isTrue: 3, total: 5 })
    expect(data.byRelation.under).toEqual({ isTrue: 2, total: 4 })
    expect(data.byRelationSubject['under|cat']).toEqual({ isTrue: 1, total: 2 })
    expect(data.byRelationSubject['under|dog']).toEqual({ isTrue: 1, total: 2 })
    expect(data.byRelationObject['under|table']).toEqual({ isTrue: 2, total: 2 })
    expect(data.byRelationObject['under|bed']).toEqual({ isTrue: 0, total: 1 })
  })

  it('smooths toward the relation rate: hand-computed probability', () => {
    const data = fitLanguagePrior(
      [
        labelled('The cat is under the table.', true),
        labelled('The cat is under the chair.', false),
        labelled('The dog is under the table.', true),
      ],
      'hand set',
    )
    // overall 2/3; relation: (2 + 4·(2+4·0.5)/(3+4)) / (3 + 4); subject "cat": (1 + 4·r)/(2 + 4); object "bed" unseen → r.
    const base = (2 + PRIOR_STRENGTH * 0.5) / (3 + PRIOR_STRENGTH)
    const r = (2 + PRIOR_STRENGTH * base) / (3 + PRIOR_STRENGTH)
    const s = (1 + PRIOR_STRENGTH * r) / (2 + PRIOR_STRENGTH)
    const logit = (p: number) => Math.log(p / (1 - p))
    const expected = 1 / (1 + Math.exp(-(logit(r) + logit(s) - logit(r))))
    expect(priorProbability(data, parseStatement('The cat is under the bed.')!)).toBeCloseTo(
      expected,
      12,
    )
  })

  it("never memorises exact captions: flipping the exact caption's label while keeping the marginals changes nothing", () => {
    const captions = [
      'The cat is under the table.',
      'The cat is under the chair.',
      'The dog is under the table.',
      'The dog is under the chair.',
    ]
    // Both sets have cat 1/2, dog 1/2, table 1/2, chair 1/2 true under "under"; "cat under table" is false in one, true in the other.
    const seen = fitLanguagePrior(
      captions.map((c, i) => labelled(c, [false, true, true, false][i])),
      'A',
    )
    const flipped = fitLanguagePrior(
      captions.map((c, i) => labelled(c, [true, false, false, true][i])),
      'B',
    )
    const probe = parseStatement('The cat is under the table.')!
    expect(priorProbability(seen, probe)).toBeCloseTo(priorProbability(flipped, probe), 12)
    expect(priorProbability(seen, probe)).toBeCloseTo(0.5, 12)
  })

  it('learns the random split: its rate per relation matches a direct count of the training file', () => {
    const train = readVsrSplit('random', 'train')
    const data = fitLanguagePrior(
      train.map((l) => labelled(l.caption, l.label === 1)),
      'vsr random train',
    )
    for (const relation of ['left of', 'under', 'touching', 'far from']) {
      const lines = train.filter((l) => l.relation === relation)
      expect(data.byRelation[relation]).toEqual({
        isTrue: lines.filter((l) => l.label === 1).length,
        total: lines.length,
      })
    }
    const vote = new LanguagePriorVoter(data).vote(parseStatement('The cat is under the table.')!)
    expect(['true', 'false']).toContain(vote.verdict)
    expect(vote.reason).toMatch(/wording alone/)
  })
})
