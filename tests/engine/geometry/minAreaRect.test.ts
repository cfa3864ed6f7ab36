import { describe, expect, it } from 'vitest'
import { convexHull, minAreaRect } from '../../../main/engine/geometry/minAreaRect'
import { transformPoints } from '../../../main/engine/geometry/rigidTransform'
import { clusterPoints } from '../../../main/engine/scene/clusterObjects'
import {
  columnMajor,
  gather,
  mugCloudPoints,
  mugGolden,
  selectByDistance,
} from '../../helpers/goldenCloud'

// Golden values: OpenCV's minAreaRect and convexHull of the mug's footprint (its points above the
// table of the real PCL stereo cloud, in NumPy's gravity-aligned frame; make_golden.py).

/** World xy (Float64Array) of the mug cluster, built as make_golden.py builds it. */
function mugFootprint(): Float64Array {
  const points = mugCloudPoints()
  const { ransacPlane: plane, clusters } = mugGolden
  const above = gather(
    points,
    selectByDistance(points, plane.normal, plane.offset, (d) => d > clusters.aboveM),
  )
  const mug = gather(above, clusterPoints(above, clusters.options)[0])
  const world = transformPoints(columnMajor(mugGolden.worldFromPlane.rowMajor), mug)
  return Float64Array.from(
    { length: (world.length / 3) * 2 },
    (_, k) => world[Math.floor(k / 2) * 3 + (k % 2)],
  )
}

describe('minAreaRect against OpenCV', () => {
  const xy = mugFootprint()
  const golden = mugGolden.mugFootprint

  it('finds the mug footprint rectangle', () => {
    expect(xy.length / 2).toBe(golden.points)
    const rect = minAreaRect(xy)
    // The hull is built from each 0.5 mm column's extremes, and OpenCV works in float32: sides and
    // centre agree to 0.5 mm, the area to 1 %.
    const sides = [rect.lengthU, rect.lengthV].sort((a, b) => a - b)
    sides.forEach((side, k) => expect(Math.abs(side - golden.sides[k])).toBeLessThan(5e-4))
    expect(Math.abs(rect.lengthU * rect.lengthV - golden.area) / golden.area).toBeLessThan(0.01)
    expect(Math.abs(rect.centerX - golden.center[0])).toBeLessThan(5e-4)
    expect(Math.abs(rect.centerY - golden.center[1])).toBeLessThan(5e-4)
    // Orientation modulo 90° (a rectangle's axes): within 1° of OpenCV's.
    const deg = (rect.angleRad * 180) / Math.PI
    const difference = ((((deg - golden.angleDeg) % 90) + 135) % 90) - 45
    expect(Math.abs(difference)).toBeLessThan(1)
  })

  it('convexHull picks OpenCV’s hull vertices of 40 spread points', () => {
    const { step, hull } = mugGolden.convexHull40
    const sample = Float64Array.from(
      { length: 80 },
      (_, k) => xy[Math.floor(k / 2) * step * 2 + (k % 2)],
    )
    expect(convexHull(sample).sort((a, b) => a - b)).toEqual(hull)
  })

  it('convexHull drops collinear points on an edge (hand-built square)', () => {
    const square = Float64Array.from([0, 0, 1, 0, 2, 0, 2, 2, 0, 2, 1, 1])
    expect(convexHull(square).sort((a, b) => a - b)).toEqual([0, 2, 3, 4])
  })

  it('recovers a rotated rectangle exactly (hand-built)', () => {
    // Corners of a 4 × 2 rectangle centred at (1, 1), turned 30°, plus interior points.
    const a = Math.PI / 6
    const corners = [
      [2, 1],
      [-2, 1],
      [-2, -1],
      [2, -1],
      [0.5, 0.2],
      [-1, -0.5],
    ].flatMap(([u, v]) => [
      1 + u * Math.cos(a) - v * Math.sin(a),
      1 + u * Math.sin(a) + v * Math.cos(a),
    ])
    const rect = minAreaRect(Float64Array.from(corners))
    expect(rect.lengthU * rect.lengthV).toBeCloseTo(8, 9)
    expect(rect.centerX).toBeCloseTo(1, 9)
    expect(rect.centerY).toBeCloseTo(1, 9)
  })
})
