import { describe, expect, it } from 'vitest'
import { clusterPoints } from '../../../main/engine/scene/clusterObjects'
import { gather, mugCloudPoints, mugGolden, selectByDistance } from '../../helpers/goldenCloud'

// Golden values: Open3D's DBSCAN (min_points 1, radius 1.9 cells) over the NumPy voxel cells of the
// points above the table in the real PCL stereo cloud (tests/fixtures/golden/make_golden.py). With
// that radius DBSCAN links exactly the 26-neighbours (√3 ≤ 1.9 < 2), so its components are the
// ones clusterPoints must find; the size and extent filters are applied in NumPy.

describe('clusterPoints against Open3D DBSCAN on voxels', () => {
  const golden = mugGolden.clusters
  const plane = mugGolden.ransacPlane
  const points = mugCloudPoints()
  const candidates = gather(
    points,
    selectByDistance(points, plane.normal, plane.offset, (d) => d > golden.aboveM),
  )

  it('keeps the same clusters with the same points', () => {
    expect(candidates.length / 3).toBe(golden.candidateCount)
    const clusters = clusterPoints(candidates, golden.options)
    // Connected components are exact: same sizes, largest first.
    expect(clusters.map((c) => c.length)).toEqual(golden.kept.map((c: { size: number }) => c.size))
    clusters.forEach((indices, k) => {
      const centroid = [0, 0, 0]
      for (const i of indices)
        for (let a = 0; a < 3; a++) centroid[a] += candidates[i * 3 + a] / indices.length
      // Same members, so only the summation order differs.
      for (let a = 0; a < 3; a++)
        expect(Math.abs(centroid[a] - golden.kept[k].centroid[a])).toBeLessThan(1e-9)
    })
  })

  it('joins diagonal neighbours and splits cells two apart (hand-built)', () => {
    const s = 0.1
    const at = (x: number, y: number, z: number) => [(x + 0.5) * s, (y + 0.5) * s, (z + 0.5) * s]
    const cloud = Float32Array.from([
      ...at(0, 0, 0),
      ...at(1, 1, 1),
      ...at(3, 1, 1),
      ...at(3, 2, 1),
    ])
    const clusters = clusterPoints(cloud, {
      voxelSizeM: s,
      minPoints: 1,
      minExtentM: 0,
      maxExtentM: 10,
    })
    expect(clusters.map((c) => Array.from(c).sort())).toEqual([
      [0, 1],
      [2, 3],
    ])
  })
})
