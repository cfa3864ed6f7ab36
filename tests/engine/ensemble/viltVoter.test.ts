import { describe, expect, it } from 'vitest'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import { softmaxTrue, ViltVoter, vsrCaption } from '../../../main/engine/ensemble/viltVoter'

const parse = (text: string) => {
  const s = parseStatement(text)
  if (!s) throw new Error(`unparsed: ${text}`)
  return s
}

describe('softmaxTrue', () => {
  it('is σ(true − false): hand values', () => {
    expect(softmaxTrue([0, 0])).toBe(0.5)
    expect(softmaxTrue([-1, 1])).toBeCloseTo(0.8807970779778823, 12) // 1 / (1 + e^−2)
    expect(softmaxTrue([1, -1])).toBeCloseTo(0.11920292202211755, 12)
    expect(softmaxTrue([0, 1000])).toBe(1) // no overflow
    expect(softmaxTrue([1000, 0])).toBe(0)
  })
  it('rejects non-finite logits', () => {
    expect(() => softmaxTrue([Number.NaN, 0])).toThrow(/finite/)
  })
})

describe('vsrCaption', () => {
  it('writes VSR captions: "is" before prepositions, none before verb relations', () => {
    expect(vsrCaption(parse('The cat is under the table.'))).toBe('The cat is under the table.')
    expect(vsrCaption(parse('the mug is to the left of the laptop'))).toBe(
      'The mug is left of the laptop.',
    )
    expect(vsrCaption(parse('The suitcase contains the cat.'))).toBe(
      'The suitcase contains the cat.',
    )
    expect(vsrCaption(parse('The cat is not under the table.'))).toBe('The cat is under the table.')
  })
})

describe('ViltVoter', () => {
  it('votes true/false with the softmax probability as confidence, and inverts a negation', async () => {
    const seen: string[] = []
    const voter = new ViltVoter(async (caption) => {
      seen.push(caption)
      return 0.8
    })
    const yes = await voter.vote(parse('The cat is under the table.'), {})
    expect(yes).toMatchObject({ voterId: 'vilt', verdict: 'true' })
    expect(yes.confidence).toBeCloseTo(0.8, 12)
    const no = await voter.vote(parse('The cat is not under the table.'), {})
    expect(no.verdict).toBe('false')
    expect(no.confidence).toBeCloseTo(0.8, 12)
    expect(seen).toEqual(['The cat is under the table.', 'The cat is under the table.'])
  })

  it('says false when the probability is low, and abstains without an image', async () => {
    const low = await new ViltVoter(async () => 0.1).vote(parse('The cat is on the table.'), {})
    expect(low.verdict).toBe('false')
    expect(low.confidence).toBeCloseTo(0.9, 12)
    const none = await new ViltVoter(async () => null).vote(parse('The cat is on the table.'), {})
    expect(none.verdict).toBe('abstain')
  })

  it('rejects a probability outside [0, 1] instead of voting on it', async () => {
    await expect(
      new ViltVoter(async () => 1.5).vote(parse('The cat is on the table.'), {}),
    ).rejects.toThrow(/\[0, 1\]/)
  })
})
