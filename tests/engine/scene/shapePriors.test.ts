import { describe, expect, it } from 'vitest'
import type { SceneObject } from '../../../main/engine/types'
import { checkLabel } from '../../../main/engine/scene/labelPlausibility'
import { betterShapeLabel } from '../../../main/engine/scene/shapePriors'

const VIEW = { fx: 525, isTruncated: false }
const size = (width: number, depth: number, height: number) => ({ width, depth, height })
const detected = (label: string, s: SceneObject['sizeM']) => ({
  label,
  sizeM: s,
  pointCount: 20000,
  centerInCamera: [0, 0, 2] as SceneObject['centerInCamera'],
})

describe('shape priors: couch or bed', () => {
  it('a 2 m long, 0.5 m high, 1.2 m wide "couch" matches a bed better, and the check says so', () => {
    expect(betterShapeLabel('couch', size(2, 1.2, 0.5), false)).toMatchObject({
      label: 'bed',
      own: 1,
      other: 3,
    })
    const check = checkLabel(detected('couch', size(2, 1.2, 0.5)), 0.56, VIEW)
    expect(check.isPlausible).toBe(true)
    expect(check.betterLabel).toBe('bed')
    expect(check.note).toMatch(
      /^detector said "couch" \(56 %\), but its shape \(2\.00 m × 1\.20 m, 50 cm high\) matches a bed better/,
    )
  })

  it('keeps real couches and real beds as they are', () => {
    // A three-seater: 2.1 × 0.9 m, 85 cm high (fits both on every dimension: a tie is no evidence).
    expect(betterShapeLabel('couch', size(2.1, 0.9, 0.85), false)).toBeNull()
    // A double bed with a low headboard: 2.05 × 1.45 m, 60 cm high.
    expect(betterShapeLabel('bed', size(2.05, 1.45, 0.6), false)).toBeNull()
    expect(checkLabel(detected('couch', size(2.1, 0.9, 0.85)), 0.7, VIEW).note).toBeUndefined()
  })

  it('a cut-off object is only held to the maxima of its sides', () => {
    // A bed cut by the image border: 1.0 × 0.9 m seen, 45 cm high; as a couch only its height misfits.
    expect(betterShapeLabel('couch', size(1.0, 0.9, 0.45), true)).toMatchObject({ label: 'bed' })
    expect(betterShapeLabel('chair', size(1.0, 0.9, 0.45), false)).toBeNull()
  })
})
