import { describe, expect, it } from 'vitest'
import {
  fromRotationTranslation,
  invertRigid,
  transformPoint,
  transformPoints,
  worldToCamera,
} from '../../../main/engine/geometry/rigidTransform'
import { columnMajor, mugCloudPoints, mugGolden } from '../../helpers/goldenCloud'

// Golden values: a seeded random rigid transform and its inverse by numpy.linalg.inv
// (tests/fixtures/golden/make_golden.py).

describe('rigid transforms', () => {
  const m = columnMajor(mugGolden.rigid.rowMajor)

  it('invertRigid equals NumPy’s general inverse', () => {
    const expected = columnMajor(mugGolden.rigid.inverseRowMajor)
    const inverse = invertRigid(m)
    for (let k = 0; k < 16; k++) expect(Math.abs(inverse[k] - expected[k])).toBeLessThan(1e-12)
  })

  it('stores column-major: element (row r, column c) at c·4 + r (hand-built)', () => {
    const t = fromRotationTranslation(
      [
        [0, -1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
      [10, 20, 30],
    )
    expect(t[4]).toBe(-1) // row 0, column 1
    expect(t[1]).toBe(1) // row 1, column 0
    expect(transformPoint(t, [1, 2, 3])).toEqual([8, 21, 33]) // rotate 90° about z, then translate
  })

  it('transformPoints and worldToCamera agree with the NumPy inverse on real points', () => {
    const points = mugCloudPoints().subarray(0, 3000)
    const moved = transformPoints(m, points)
    const inverse = mugGolden.rigid.inverseRowMajor
    for (let i = 0; i < points.length; i += 3) {
      const back = worldToCamera(m, moved.subarray(i, i + 3))
      // Float32 storage of the moved point: 1e-6 m at these ranges (≤ 3 m).
      for (let axis = 0; axis < 3; axis++) {
        expect(Math.abs(back[axis] - points[i + axis])).toBeLessThan(1e-6)
        const viaNumpy =
          inverse[axis][0] * moved[i] +
          inverse[axis][1] * moved[i + 1] +
          inverse[axis][2] * moved[i + 2] +
          inverse[axis][3]
        expect(Math.abs(viaNumpy - points[i + axis])).toBeLessThan(1e-6)
      }
    }
  })
})
