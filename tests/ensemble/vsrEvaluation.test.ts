import { describe, expect, it } from 'vitest'
import { parseStatement } from '../../main/engine/ensemble/parseStatement'
import type { Vote } from '../../main/engine/ensemble/voter'
import { captionFlipBaseline } from '../../main/ensemble/captionFlipBaseline'
import type { VsrItem } from '../../main/ensemble/vsrDataset'
import { evaluateVsr, type ImageVoterVotes } from '../../main/ensemble/vsrEvaluation'

let line = 0
function item(caption: string, label: boolean, part: string): VsrItem {
  line++
  return {
    image: `${line}.jpg`,
    caption,
    label,
    statement: parseStatement(caption)!,
    where: `${part}:${line}`,
  }
}

/** An image voter that is right on "left of" and wrong on "under", for every item given. */
function oracle(items: VsrItem[]): ImageVoterVotes {
  const votes = new Map<string, Vote>()
  for (const it of items) {
    const right = it.statement.relation === 'left of'
    const saysTrue = right ? it.label : !it.label
    votes.set(it.where, {
      voterId: 'oracle',
      verdict: saysTrue ? 'true' : 'false',
      confidence: 0.9,
      reason: '',
    })
  }
  return { id: 'oracle', votes }
}

const ANIMALS = ['cat', 'cow', 'bird', 'sheep', 'horse']

function split(part: string, n: number): VsrItem[] {
  const out: VsrItem[] = []
  for (let i = 0; i < n; i++) {
    out.push(item(`The ${ANIMALS[i % 5]} is left of the dog.`, i % 2 === 0, part))
    out.push(item(`The ${ANIMALS[i % 5]} is under the table.`, i % 3 === 0, part))
  }
  return out
}

describe('VSR evaluation', () => {
  const train = split('train', 30)
  const dev = split('dev', 10)
  const test = split('test', 10)
  const voter = oracle([...train, ...dev, ...test])
  const result = evaluateVsr({ train, dev, test, imageVoters: [voter], folds: 5, seed: 3 })

  it('scores each voter alone on test: the oracle is right on half the lines (all "left of", no "under")', () => {
    expect(result.voters.oracle.accuracy).toBeCloseTo(0.5)
    expect(result.voters.oracle.byMeta.Projective?.count).toBe(20)
  })

  it('weights by relation: the ensemble follows the oracle on "left of" and not on "under"', () => {
    for (const e of result.ensembles) {
      const cell = e.weights.byRelation.oracle
      expect(cell['left of']).toEqual({ correct: expect.any(Number), answered: expect.any(Number) })
      expect(cell['left of'].correct).toBe(cell['left of'].answered)
      expect(cell.under.correct).toBe(0)
      // On "left of" the oracle (accuracy 1) outweighs the prior; on "under" its weight is 0, the prior decides.
      expect(e.test.accuracy).toBeGreaterThan(result.voters['language-prior'].accuracy)
    }
  })

  it('never fits on test: inverting every test label leaves the weights unchanged', () => {
    const flipped = test.map((t) => ({ ...t, label: !t.label }))
    const again = evaluateVsr({
      train,
      dev,
      test: flipped,
      imageVoters: [oracle([...train, ...dev, ...flipped])],
      folds: 5,
      seed: 3,
    })
    // The oracle is defined from the labels, so its test votes flip too; the fitted weights must not move.
    expect(again.ensembles[0].weights).toEqual(result.ensembles[0].weights)
    expect(again.ensembles[1].weights.byMeta).toEqual(result.ensembles[1].weights.byMeta)
  })

  it('reports the validation → test gap as their difference', () => {
    for (const e of result.ensembles)
      expect(e.gap).toBeCloseTo(e.validation.accuracy - e.test.accuracy, 12)
  })
})

describe('caption-flip baseline', () => {
  it('answers the opposite of a seen caption and the majority otherwise', () => {
    const answer = captionFlipBaseline([
      { caption: 'The cat is on the bed.', label: true },
      { caption: 'The dog is on the bed.', label: true },
      { caption: 'The dog is under the bed.', label: false },
    ])
    expect(answer('The cat is on the bed.')).toBe(false)
    expect(answer('The dog is under the bed.')).toBe(true)
    expect(answer('The bird is on the bed.')).toBe(true)
  })
})
