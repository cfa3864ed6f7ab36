import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { typoDistance, typoOf } from '../../../main/engine/questions/spelling'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'

const scene = sceneFromGroundTruth(loadGroundTruth())

describe('misspelt object names', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(typoDistance('labtop', 'laptop')).toBe(1)
    expect(typoDistance('laptpo', 'laptop')).toBe(1)
    expect(typoDistance('botle', 'bottle')).toBe(1)
    expect(typoDistance('mug', 'bottle')).toBe(6)
  })

  it('reads a typo as the one scene word it is close to, and says so', () => {
    const a = answerQuestion(scene, 'how tall is the botle')
    expect(a.kind).toBe('height')
    expect(a.value).toBeCloseTo(0.25, 12)
    expect(a.text).toContain('I read "botle" as "bottle"')
    expect(a.detail?.corrected).toEqual(['"botle" as "bottle"'])
    expect(answerQuestion(scene, 'how many botles are there').value).toBe(1)
  })

  it('leaves short words and words close to two scene words unknown, with "did you mean"', () => {
    // "mall" is one edit from both "small" (box_small) and "tall" (box_tall).
    expect(typoOf(scene, 'mall')).toBeNull()
    expect(typoOf(scene, 'mig')).toBeNull()
    const a = answerQuestion(scene, 'how tall is the mig')
    expect(a.kind).toBe('unknown_object')
    expect(a.text).toMatch(/Did you mean the mug/)
  })
})
