import { describe, expect, it } from 'vitest'
import { examplesFor } from '../../../renderer/src/components/askExamples'

describe('examplesFor', () => {
  it('offers nothing without objects and one question for a single object', () => {
    expect(examplesFor([])).toEqual([])
    expect(examplesFor(['mug'])).toEqual(['how tall is the mug'])
  })

  it('builds pair questions and a statement from the first two names', () => {
    expect(examplesFor(['mug', 'laptop', 'chair'])).toEqual([
      'how far is the mug from the laptop',
      'which is bigger, the mug or the laptop',
      'is the mug left of the laptop',
      'the mug is left of the laptop',
      'how tall is the mug',
    ])
  })
})
