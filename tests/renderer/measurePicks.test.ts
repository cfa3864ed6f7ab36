import { describe, expect, it } from 'vitest'
import { addPick, pickFromClick, toMeasureTarget } from '../../renderer/src/state/measurePicks'

const point = [0.1, 0.2, 0.3] as const

describe('Measure mode picks', () => {
  it('snaps to the object under the click, or takes the point when snapping to points', () => {
    expect(pickFromClick('objects', { objectName: 'mug', pointInWorld: point })).toEqual({
      kind: 'object',
      name: 'mug',
    })
    expect(pickFromClick('points', { objectName: 'mug', pointInWorld: point })).toEqual({
      kind: 'point',
      pointInWorld: point,
    })
    expect(pickFromClick('objects', { objectName: null, pointInWorld: point })).toEqual({
      kind: 'point',
      pointInWorld: point,
    })
    expect(pickFromClick('points', { objectName: 'mug', pointInWorld: null })).toHaveProperty(
      'problem',
    )
  })

  it('collects two picks, refuses the same object twice, and starts over on a third', () => {
    const mug = { kind: 'object', name: 'mug' } as const
    const box = { kind: 'object', name: 'box' } as const
    expect(addPick([], mug)).toEqual([mug])
    expect(addPick([mug], box)).toEqual([mug, box])
    expect(addPick([mug], mug)).toHaveProperty('problem')
    expect(addPick([mug, box], box)).toEqual([box])
  })

  it('sends objects by name and points as world coordinates', () => {
    expect(toMeasureTarget({ kind: 'object', name: 'mug' })).toEqual({ object: 'mug' })
    expect(toMeasureTarget({ kind: 'point', pointInWorld: point })).toEqual({
      pointInWorld: [0.1, 0.2, 0.3],
    })
  })
})
