import { describe, expect, it } from 'vitest'
import { buildVoxelGrid } from '../../../main/engine/scene/voxelGrid'
import { mugCloudPoints, mugGolden } from '../../helpers/goldenCloud'

// Golden values: NumPy (floor, unique, per-cell means) on the real PCL stereo cloud
// (tests/fixtures/golden/make_golden.py). Open3D's voxel_down_sample computes the same centroids
// but anchors its grid at the cloud's minimum bound, so the cells themselves would not line up.

describe('buildVoxelGrid against NumPy', () => {
  const golden = mugGolden.voxelGrid
  const points = mugCloudPoints()
  const grid = buildVoxelGrid(points, golden.voxelSizeM)

  it('has exactly the occupied cells NumPy finds', () => {
    // Cells are floor(p · (1/s)) on both sides in float64: identical, so the count is exact.
    expect(grid.count).toBe(golden.count)
    expect(Math.max(...grid.pointsPerVoxel)).toBe(golden.maxPointsPerVoxel)
    expect(grid.pointsPerVoxel.reduce((a, b) => a + b, 0)).toBe(points.length / 3)
  })

  it('gives each sampled cell NumPy’s point count and centroid', () => {
    for (const sample of golden.samples) {
      const voxel = grid.cellIndex.find(sample.cell[0], sample.cell[1], sample.cell[2])
      expect(voxel).toBeGreaterThanOrEqual(0)
      expect(Array.from(grid.cells.subarray(voxel * 3, voxel * 3 + 3))).toEqual(sample.cell)
      expect(grid.pointsPerVoxel[voxel]).toBe(sample.points)
      // Centroids are stored as float32: 3e-7 m at 2.6 m range.
      for (let axis = 0; axis < 3; axis++)
        expect(Math.abs(grid.centroids[voxel * 3 + axis] - sample.centroid[axis])).toBeLessThan(
          5e-7,
        )
    }
  })

  it('uses only the selected points (hand-computed)', () => {
    const small = Float32Array.from([
      0.01, 0.01, 0.01, 0.03, 0.01, 0.01, 0.5, 0.5, 0.5, -0.01, 0, 0,
    ])
    const selectedGrid = buildVoxelGrid(small, 0.02, [0, 1, 3])
    expect(selectedGrid.count).toBe(3) // cells (0,0,0), (1,0,0), (−1,0,0)
    expect(Array.from(selectedGrid.voxelOfPoint)).toEqual([0, 1, -1, 2])
    expect(Array.from(selectedGrid.cells)).toEqual([0, 0, 0, 1, 0, 0, -1, 0, 0])
  })
})
