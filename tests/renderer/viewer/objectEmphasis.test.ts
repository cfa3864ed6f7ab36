import { describe, expect, it } from 'vitest'
import { boxEmphasisOf, labelEmphasisOf } from '../../../renderer/src/viewer/objectEmphasis'

const state = {
  hoveredName: 'cup',
  selectedName: 'chair',
  answerNames: new Set(['cup', 'table']),
  measureNames: new Set(['lamp']),
}

describe('object emphasis', () => {
  it('draws the hovered box as hover even when an answer names it', () => {
    expect(boxEmphasisOf('cup', state)).toBe('hover')
  })

  it('draws boxes an answer or a measurement names as answer, others as normal', () => {
    expect(boxEmphasisOf('table', state)).toBe('answer')
    expect(boxEmphasisOf('lamp', state)).toBe('answer')
    expect(boxEmphasisOf('chair', state)).toBe('normal')
    expect(boxEmphasisOf('sofa', state)).toBe('normal')
  })

  it('ranks the selected label like a hovered one, the rest by their box emphasis', () => {
    expect(labelEmphasisOf('chair', state)).toBe('hover')
    expect(labelEmphasisOf('cup', state)).toBe('hover')
    expect(labelEmphasisOf('table', state)).toBe('answer')
    expect(labelEmphasisOf('sofa', state)).toBe('normal')
  })
})
