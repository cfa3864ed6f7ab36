import { describe, expect, it } from 'vitest'
import { fitPlaneLeastSquares, planeFromThreePoints } from '../../../main/engine/geometry/planeFit'
import { lineAngle, mugCloudPoints, mugGolden, selectByDistance } from '../../helpers/goldenCloud'

// Golden values: NumPy on the real PCL stereo cloud (tests/fixtures/golden/make_golden.py).

describe('planeFromThreePoints (NumPy cross product)', () => {
  it('gives the plane through three real points', () => {
    const points = mugCloudPoints()
    const golden = mugGolden.threePointPlane
    const [a, b, c] = golden.indices
    const plane = planeFromThreePoints(points, a, b, c)!
    // Both sides compute in float64 from the same float32 points: only rounding differs.
    const sign = Math.sign(
      plane.normal[0] * golden.normal[0] +
        plane.normal[1] * golden.normal[1] +
        plane.normal[2] * golden.normal[2],
    )
    plane.normal.forEach((value, k) => expect(value * sign).toBeCloseTo(golden.normal[k], 9))
    expect(plane.offset * sign).toBeCloseTo(golden.offset, 9)
  })

  it('returns null for collinear points', () => {
    const line = Float32Array.from([0, 0, 1, 1, 1, 2, 2, 2, 3])
    expect(planeFromThreePoints(line, 0, 1, 2)).toBeNull()
  })
})

describe('fitPlaneLeastSquares (NumPy SVD)', () => {
  it('matches the SVD plane of the table inliers of the real cloud', () => {
    const points = mugCloudPoints()
    const ransac = mugGolden.ransacPlane
    // Inliers of Open3D's RANSAC plane, selected with the script's own arithmetic: same count.
    const inliers = selectByDistance(
      points,
      ransac.normal,
      ransac.offset,
      (d) => Math.abs(d) < ransac.distanceM,
    )
    expect(inliers.length).toBe(ransac.inlierCountAtPlane)
    const plane = fitPlaneLeastSquares(points, inliers)!
    const golden = mugGolden.leastSquaresPlane
    // Power iteration stops at a 1e-15 change; the covariance is summed over 124k float32 points in
    // float64, so 1e-6 rad and 1 µm leave room for summation order only.
    expect(lineAngle(plane.normal, golden.normal)).toBeLessThan(1e-6)
    const sign = Math.sign(plane.normal[1] * golden.normal[1])
    expect(Math.abs(plane.offset * sign - golden.offset)).toBeLessThan(1e-6)
    // The least-squares plane is not Open3D's RANSAC plane itself (that one is fitted to 3 points).
    expect(lineAngle(plane.normal, ransac.normal)).toBeGreaterThan(1e-6)
  })

  it('returns null for fewer than three points or a single repeated point', () => {
    const points = Float32Array.from([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
    expect(fitPlaneLeastSquares(points, [0, 1])).toBeNull()
    expect(fitPlaneLeastSquares(points, [0, 1, 2, 3])).toBeNull()
  })
})
