import { describe, expect, it } from 'vitest'
import { frontedPair, operatorWords } from '../../../main/engine/questions/operatorWords'
import { normalizeQuestion } from '../../../main/engine/questions/normalize'

describe('operator shorthand', () => {
  it.each([
    ['distance mug→laptop', 'distance mug to laptop'],
    ['distance mug -> laptop', 'distance mug to laptop'],
    ['gap between mug & laptop', 'gap between mug and laptop'],
    ["how far's the mug", 'how far is the mug'],
    ["which one's closer", 'which one is closer'],
    ['whats the gap', 'what is the gap'],
    ['hwo tall is teh mug', 'how tall is the mug'],
    ['how far apart r the mugs', 'how far apart are the mugs'],
    ['can u tell me', 'can you tell me'],
  ])('%s → %s', (typed, plain) => {
    expect(operatorWords(typed)).toBe(plain)
  })

  it('keeps one-letter object names and possessives', () => {
    expect(operatorWords('gap between r and q')).toBe('gap between r and q')
    expect(operatorWords("the mug's height")).toBe("the mug's height")
    expect(operatorWords('the u-shaped clamp')).toBe('the u-shaped clamp')
  })

  it('turns a pair named first into a choice', () => {
    expect(frontedPair('mug or laptop, which is bigger')).toBe('which is bigger, mug or laptop')
    expect(normalizeQuestion('Mug vs laptop: which is bigger?')).toBe(
      'which is bigger, mug or laptop',
    )
  })
})
