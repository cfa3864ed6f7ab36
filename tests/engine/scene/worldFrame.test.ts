import { describe, expect, it } from 'vitest'
import { worldFromLevelCamera, worldFromPlane } from '../../../main/engine/scene/worldFrame'
import { transformPoint } from '../../../main/engine/geometry/rigidTransform'
import { columnMajor, mugCloudPoints, mugGolden, signedDistance } from '../../helpers/goldenCloud'

// Golden values: NumPy (Gram–Schmidt by QR) for the gravity-aligned frame of Open3D's table plane
// in the real PCL stereo cloud (tests/fixtures/golden/make_golden.py).

describe('worldFromPlane (gravity alignment)', () => {
  const golden = mugGolden.worldFromPlane
  const plane = mugGolden.ransacPlane
  const m = worldFromPlane({ normal: plane.normal, offset: plane.offset })

  it('equals the NumPy frame built from the same plane', () => {
    const expected = columnMajor(golden.rowMajor)
    // Same definition, different arithmetic (QR vs projection): agreement to rounding, 1e-12.
    for (let k = 0; k < 16; k++) expect(Math.abs(m[k] - expected[k])).toBeLessThan(1e-12)
  })

  it('puts real points where NumPy puts them; world z is the height above the plane', () => {
    const points = mugCloudPoints()
    golden.sampleIndices.forEach((index: number, k: number) => {
      const world = transformPoint(m, points, index * 3)
      world.forEach((value, axis) => expect(value).toBeCloseTo(golden.samplesInWorld[k][axis], 9))
      expect(world[2]).toBeCloseTo(signedDistance(points, index, plane.normal, plane.offset), 9)
    })
  })
})

describe('worldFromLevelCamera', () => {
  it('maps camera right/down/forward to world x / −z / y (hand-computed)', () => {
    expect(transformPoint(worldFromLevelCamera(), [1, 2, 3])).toEqual([1, 3, -2])
  })
})
