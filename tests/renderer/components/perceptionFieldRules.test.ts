import { describe, expect, it } from 'vitest'
import {
  depthChoiceLabel,
  depthChoicesFor,
  parseMinScore,
} from '../../../renderer/src/components/perceptionFieldRules'

describe('perception field rules', () => {
  it('offers auto, none and a named depth model once', () => {
    expect(depthChoicesFor('auto')).toEqual(['auto', 'none'])
    expect(depthChoicesFor('none')).toEqual(['auto', 'none'])
    expect(depthChoicesFor('depth-pro')).toEqual(['auto', 'none', 'depth-pro'])
  })

  it('labels the depth choices', () => {
    expect(depthChoiceLabel('auto')).toBe('Auto (installed depth model)')
    expect(depthChoiceLabel('none')).toBe('None')
    expect(depthChoiceLabel('depth-pro')).toBe('depth-pro')
  })

  it('takes minimum scores from 0 to 1 and ignores anything else', () => {
    expect(parseMinScore('0')).toBe(0)
    expect(parseMinScore('0.35')).toBe(0.35)
    expect(parseMinScore('1')).toBe(1)
    expect(parseMinScore('')).toBeNull()
    expect(parseMinScore('  ')).toBeNull()
    expect(parseMinScore('1.5')).toBeNull()
    expect(parseMinScore('-0.1')).toBeNull()
    expect(parseMinScore('abc')).toBeNull()
  })
})
