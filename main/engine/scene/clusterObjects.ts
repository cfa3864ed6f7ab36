import { buildVoxelGrid } from './voxelGrid'

export interface ClusterOptions {
  voxelSizeM: number
  /** Clusters with fewer full-resolution points are noise. */
  minPoints: number
  /** Clusters whose largest extent is smaller than this are noise (metres). */
  minExtentM: number
  /** Clusters with a footprint side or height above this are structure (walls, furniture mass). */
  maxExtentM: number
}

/**
 * Euclidean clustering on a voxel grid: occupied voxels that touch (26-neighbourhood) belong to the
 * same object. Equivalent to single-linkage with a gap of about one voxel, in O(n) instead of the
 * O(n log n) k-d tree queries of PCL/Open3D. `points` are world-frame xyz of the candidate points
 * (already above the support plane); returns one index list per kept cluster, largest first.
 */
export function clusterPoints(points: Float32Array, options: ClusterOptions): Uint32Array[] {
  const grid = buildVoxelGrid(points, options.voxelSizeM)
  const componentOfVoxel = new Int32Array(grid.count).fill(-1)
  const queue = new Int32Array(grid.count)
  let components = 0
  for (let seed = 0; seed < grid.count; seed++) {
    if (componentOfVoxel[seed] >= 0) continue
    componentOfVoxel[seed] = components
    let head = 0
    let tail = 0
    queue[tail++] = seed
    while (head < tail) {
      const voxel = queue[head++]
      const ix = grid.cells[voxel * 3]
      const iy = grid.cells[voxel * 3 + 1]
      const iz = grid.cells[voxel * 3 + 2]
      for (let dz = -1; dz <= 1; dz++)
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const neighbour = grid.cellIndex.find(ix + dx, iy + dy, iz + dz)
            if (neighbour >= 0 && componentOfVoxel[neighbour] < 0) {
              componentOfVoxel[neighbour] = components
              queue[tail++] = neighbour
            }
          }
    }
    components++
  }
  const members: number[][] = Array.from({ length: components }, () => [])
  const pointCount = points.length / 3
  for (let i = 0; i < pointCount; i++) members[componentOfVoxel[grid.voxelOfPoint[i]]].push(i)
  const kept: Uint32Array[] = []
  for (const list of members) {
    if (list.length < options.minPoints) continue
    const extent = extentsOf(points, list)
    const largest = Math.max(extent[0], extent[1], extent[2])
    if (largest < options.minExtentM || largest > options.maxExtentM) continue
    kept.push(Uint32Array.from(list))
  }
  return kept.sort((a, b) => b.length - a.length)
}

function extentsOf(points: Float32Array, list: number[]): [number, number, number] {
  const min = [Infinity, Infinity, Infinity]
  const max = [-Infinity, -Infinity, -Infinity]
  for (const i of list) {
    for (let a = 0; a < 3; a++) {
      const value = points[i * 3 + a]
      if (value < min[a]) min[a] = value
      if (value > max[a]) max[a] = value
    }
  }
  return [max[0] - min[0], max[1] - min[1], max[2] - min[2]]
}
