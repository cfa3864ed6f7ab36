/** A point cloud downsampled to one centroid per occupied voxel. */
export interface VoxelGrid {
  voxelSizeM: number
  /** Centroid of each occupied voxel, xyz interleaved, same frame as the input. */
  centroids: Float32Array
  /** Integer voxel coordinates of each occupied voxel (ix, iy, iz interleaved). */
  cells: Int32Array
  /** Voxel index of every input point. */
  voxelOfPoint: Int32Array
  /** Number of input points per voxel. */
  pointsPerVoxel: Uint32Array
  count: number
  /** Voxel index by packed cell key (see `cellKey`). */
  indexByKey: Map<number, number>
}

const OFFSET = 1 << 16
const SPAN = 1 << 17

/** Packs integer cell coordinates into one exact float64 integer (17 bits each, ±655 m at 1 cm). */
export function cellKey(ix: number, iy: number, iz: number): number {
  return ix + OFFSET + (iy + OFFSET) * SPAN + (iz + OFFSET) * SPAN * SPAN
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
  const indexByKey = new Map<number, number>()
  const voxelOfPoint = new Int32Array(pointCount).fill(-1)
  const cellList: number[] = []
  const n = selected ? selected.length : pointCount
  for (let k = 0; k < n; k++) {
    const i = selected ? selected[k] : k
    const ix = Math.floor(points[i * 3] * inverse)
    const iy = Math.floor(points[i * 3 + 1] * inverse)
    const iz = Math.floor(points[i * 3 + 2] * inverse)
    const key = cellKey(ix, iy, iz)
    let voxel = indexByKey.get(key)
    if (voxel === undefined) {
      voxel = indexByKey.size
      indexByKey.set(key, voxel)
      cellList.push(ix, iy, iz)
    }
    voxelOfPoint[i] = voxel
  }
  const count = indexByKey.size
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
    cells: Int32Array.from(cellList),
    voxelOfPoint,
    pointsPerVoxel,
    count,
    indexByKey,
  }
}
