import { describe, expect, it } from 'vitest'
import { segmentByPlane } from '../../../main/engine/scene/segmentPlane'
import type { SupportPlane } from '../../../main/engine/scene/supportPlane'
import { transformPoint } from '../../../main/engine/geometry/rigidTransform'
import { columnMajor, mugCloudPoints, mugGolden } from '../../helpers/goldenCloud'

// Golden values: NumPy counts of the real PCL stereo cloud's points more than 1.2 cm above / below Open3D's
// table plane (tests/fixtures/golden/make_golden.py, planeSegmentation).

describe('segmentByPlane against NumPy', () => {
  const points = mugCloudPoints()
  const count = points.length / 3
  const { ransacPlane: plane, planeSegmentation: golden } = mugGolden
  const supportPlane: SupportPlane = {
    normal: plane.normal,
    offset: plane.offset,
    thresholdM: 0.01,
    thresholdAt: () => 0.01, // flat 1 cm, so the off-plane cut is max(8 mm, 1.2 × 1 cm) = 1.2 cm
    inlierCount: plane.inlierCount,
  }
  const worldFromCamera = columnMajor(mugGolden.worldFromPlane.rowMajor)
  const cloud = {
    pointsInCamera: points,
    pixelOfPoint: Uint32Array.from({ length: count }, (_, i) => i),
    pointOfPixel: Int32Array.from({ length: count }, (_, i) => i),
    count,
  }
  const result = segmentByPlane(cloud, worldFromCamera, supportPlane, count)

  it('splits the cloud into above, below and on the plane as NumPy does', () => {
    let above = 0
    let below = 0
    for (let i = 0; i < count; i++) {
      if (result.isAbovePlane[i]) above++
      else if (result.isOffPlane[i]) below++
    }
    // The height comes from the world matrix here and from n·p + d in NumPy: points within rounding of the
    // 1.2 cm cut may fall either way, a handful in 200k.
    expect(Math.abs(above - golden.above)).toBeLessThanOrEqual(5)
    expect(Math.abs(below - golden.below)).toBeLessThanOrEqual(5)
    expect(result.isCandidatePixel.reduce((a, b) => a + b, 0)).toBe(above + below)
  })

  it('moves every off-plane point to the world frame', () => {
    for (let i = 0; i < count; i += 101) {
      if (!result.isOffPlane[i]) continue
      const world = transformPoint(worldFromCamera, points, i * 3)
      for (let a = 0; a < 3; a++) expect(result.pointsInWorld[i * 3 + a]).toBeCloseTo(world[a], 5)
    }
  })

  it('without a plane, every point is an object candidate', () => {
    const none = segmentByPlane(cloud, worldFromCamera, null, count)
    expect(none.isOffPlane.every((v) => v === 1)).toBe(true)
  })
})
