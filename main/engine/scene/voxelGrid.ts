import { CellHash } from './cellHash'

/** A point cloud downsampled to one centroid per occupied voxel. */
export interface VoxelGrid {
  voxelSizeM: number
  /** Centroid of each occupied voxel, xyz interleaved, same frame as the input. */
  centroids: Float32Array
  /** Integer voxel coordinates of each occupied voxel (ix, iy, iz interleaved). */
  cells: Int32Array
  /** Voxel index of every input point (−1 for points not selected). */
  voxelOfPoint: Int32Array
  /** Number of input points per voxel. */
  pointsPerVoxel: Uint32Array
  count: number
  /** Voxel index of a cell, or −1. */
  cellIndex: CellHash
}

/**
 * Voxel-grid downsampling (as Open3D's voxel_down_sample: centroid of the points in each cell).
 * `selected` (optional) lists the point indices to use; the others get voxel −1.
 */
export function buildVoxelGrid(
  points: Float32Array,
  voxelSizeM: number,
  selected?: ArrayLike<number>,
): VoxelGrid {
  const pointCount = points.length / 3
  const inverse = 1 / voxelSizeM
  const n = selected ? selected.length : pointCount
  const cellIndex = new CellHash(Math.max(64, n >> 2))
  const voxelOfPoint = new Int32Array(pointCount).fill(-1)
  let cells = new Int32Array(Math.max(64, n >> 1) * 3)
  // Points arrive in pixel order, so runs of them share a voxel: skip the hash for a repeat cell.
  let lastX = 0
  let lastY = 0
  let lastZ = 0
  let lastVoxel = -1
  for (let k = 0; k < n; k++) {
    const i = selected ? selected[k] : k
    const ix = Math.floor(points[i * 3] * inverse)
    const iy = Math.floor(points[i * 3 + 1] * inverse)
    const iz = Math.floor(points[i * 3 + 2] * inverse)
    if (lastVoxel >= 0 && ix === lastX && iy === lastY && iz === lastZ) {
      voxelOfPoint[i] = lastVoxel
      continue
    }
    const before = cellIndex.size
    const voxel = cellIndex.findOrInsert(ix, iy, iz)
    if (cellIndex.size > before) {
      if (voxel * 3 + 3 > cells.length) {
        const grown = new Int32Array(cells.length * 2)
        grown.set(cells)
        cells = grown
      }
      cells[voxel * 3] = ix
      cells[voxel * 3 + 1] = iy
      cells[voxel * 3 + 2] = iz
    }
    voxelOfPoint[i] = voxel
    lastX = ix
    lastY = iy
    lastZ = iz
    lastVoxel = voxel
  }
  const count = cellIndex.size
  const sums = new Float64Array(count * 3)
  const pointsPerVoxel = new Uint32Array(count)
  for (let k = 0; k < n; k++) {
    const i = selected ? selected[k] : k
    const voxel = voxelOfPoint[i]
    sums[voxel * 3] += points[i * 3]
    sums[voxel * 3 + 1] += points[i * 3 + 1]
    sums[voxel * 3 + 2] += points[i * 3 + 2]
    pointsPerVoxel[voxel]++
  }
  const centroids = new Float32Array(count * 3)
  for (let v = 0; v < count; v++) {
    const c = pointsPerVoxel[v]
    centroids[v * 3] = sums[v * 3] / c
    centroids[v * 3 + 1] = sums[v * 3 + 1] / c
    centroids[v * 3 + 2] = sums[v * 3 + 2] / c
  }
  return {
    voxelSizeM,
    centroids,
    cells: cells.slice(0, count * 3),
    voxelOfPoint,
    pointsPerVoxel,
    count,
    cellIndex,
  }
}
