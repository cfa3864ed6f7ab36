import { describe, expect, it } from 'vitest'
import { fitBox } from '../../../main/engine/scene/fitBox'
import { transformPoint, transformPoints } from '../../../main/engine/geometry/rigidTransform'
import { clusterPoints } from '../../../main/engine/scene/clusterObjects'
import {
  columnMajor,
  gather,
  mugCloudPoints,
  mugGolden,
  selectByDistance,
} from '../../helpers/goldenCloud'

// Golden values: the mug's box from OpenCV's minAreaRect and NumPy quantiles on the same even
// subsample fitBox takes (make_golden.py, mugBox), on the real PCL stereo cloud of a mug on a table.

describe('fitBox on the real mug', () => {
  const points = mugCloudPoints()
  const { ransacPlane: plane, clusters, mugBox: golden } = mugGolden
  const worldFromCamera = columnMajor(mugGolden.worldFromPlane.rowMajor)
  const above = gather(
    points,
    selectByDistance(points, plane.normal, plane.offset, (d) => d > clusters.aboveM),
  )
  const mug = transformPoints(
    worldFromCamera,
    gather(above, clusterPoints(above, clusters.options)[0]),
  )
  const box = fitBox(mug, worldFromCamera, { topNoiseM: 0.002, hasSupportPlane: true })

  it('has the reference footprint', () => {
    // The footprint axes come from our rectangle and OpenCV's (within 1°, minAreaRect.test.ts), and
    // the 0.5/99.5 % quantiles along them move by < 1 mm for a 1° turn of a 12 cm footprint.
    const sides = [box.sizeM.width, box.sizeM.depth].sort((a, b) => a - b)
    sides.forEach((side, k) => expect(Math.abs(side - golden.footprintSides[k])).toBeLessThan(1e-3))
    expect(Math.abs(box.centerInWorld[0] - golden.centerXY[0])).toBeLessThan(1e-3)
    expect(Math.abs(box.centerInWorld[1] - golden.centerXY[1])).toBeLessThan(1e-3)
  })

  it('stands on the table and reaches the top of the rim', () => {
    // Resting: the lowest 0.5 % of heights (2 cm, where the above-plane cut is) is near the plane.
    expect(golden.zQuantiles['0.005']).toBeLessThan(0.05)
    const bottom = box.centerInWorld[2] - box.sizeM.height / 2
    expect(bottom).toBeCloseTo(0, 12)
    // The mug is mostly wall, so its top is where the wall's point density falls to half (NumPy, 1 mm
    // bins). topHeight fits that step blurred by σ (2 mm given, fitted within ×2), so the two agree
    // to 2σ = 4 mm; a plain 90th percentile (9.2 cm) or the highest stray point (10.9 cm) would not.
    expect(Math.abs(box.sizeM.height - golden.wallTopHalfDensity)).toBeLessThan(0.004)
  })

  it('reports the same centre in the camera frame', () => {
    const back = transformPoint(worldFromCamera, box.centerInCamera)
    back.forEach((value, axis) => expect(value).toBeCloseTo(box.centerInWorld[axis], 9))
  })
})
