import { describe, expect, it } from 'vitest'
import { imageEmphasisOf } from '../../../renderer/src/imageView/imageEmphasis'

describe('imageEmphasisOf', () => {
  const emphasisOf = imageEmphasisOf({
    emphasisedName: 'cup',
    picks: [
      { kind: 'object', name: 'cup' },
      { kind: 'object', name: 'lamp' },
      { kind: 'point', pointInWorld: [0, 0, 0] },
    ],
    answerNames: ['lamp', 'table', 'cup'],
  })

  it('ranks hover over a pick over the answer', () => {
    expect(emphasisOf('cup')).toBe('hover')
    expect(emphasisOf('lamp')).toBe('picked')
    expect(emphasisOf('table')).toBe('answer')
    expect(emphasisOf('sofa')).toBe('normal')
  })

  it('emphasises nothing when nothing is hovered, picked or answered', () => {
    const none = imageEmphasisOf({ emphasisedName: null, picks: [], answerNames: [] })
    expect(none('cup')).toBe('normal')
  })
})
