import { describe, expect, it } from 'vitest'
import { isStatement } from '../../renderer/src/statementText'
import { formatRecordValue } from '../../renderer/src/format'
import { formatVerdict } from '../../renderer/src/verdictText'
import { verdictRecord, yesNoAnswer } from '../measurements/recordFixtures'

describe('isStatement (the Ask box sends statements to qa:verify, questions to qa:reason)', () => {
  it('reads declarative sentences with "is"/"are" as statements', () => {
    for (const text of [
      'the mug is left of the laptop',
      'The cat is under the table.',
      'the books are on the shelf',
      "the laptop isn't behind the book",
      'mug is near laptop',
    ])
      expect(isStatement(text), text).toBe(true)
  })

  it('reads questions and commands as questions', () => {
    for (const text of [
      'is the mug left of the laptop',
      'the mug is left of the laptop?',
      'how far is the mug from the laptop',
      'which is bigger, the mug or the laptop',
      'count the chairs',
      'laptop height',
      'the mug',
      '',
    ])
      expect(isStatement(text), text).toBe(false)
  })
})

describe('formatVerdict', () => {
  it('shows the verdict with its confidence in whole percent, and no confidence for an abstention', () => {
    expect(formatVerdict('true', 0.824)).toBe('True · 82 %')
    expect(formatVerdict('false', 0.5)).toBe('False · 50 %')
    expect(formatVerdict('abstain', 0.5)).toBe('Cannot tell')
  })
})

describe('formatRecordValue (the measurement log) for a verified statement', () => {
  it('shows the verdict and its confidence in the value column; a yes/no answer still has none', () => {
    expect(formatRecordValue(verdictRecord())).toBe('True · 71 %')
    expect(formatRecordValue(yesNoAnswer())).toBeNull()
  })
})
