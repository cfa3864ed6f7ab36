import { buildVoxelGrid } from './voxelGrid'
import { packedVoxelComponents, type VoxelComponents } from './voxelComponents'

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
 * (already above the support plane); with `selected`, only those points (indices into `points`) are
 * clustered, without copying them. Returns one list per kept cluster, largest first, of positions in
 * the selection (point indices without `selected`).
 */
export function clusterPoints(
  points: Float32Array,
  options: ClusterOptions,
  selected?: ArrayLike<number>,
): Uint32Array[] {
  const grid =
    packedVoxelComponents(points, options.voxelSizeM, selected) ??
    generalVoxelComponents(points, options.voxelSizeM, selected)
  const { componentOfVoxel, components } = grid
  // Sizes and extents per component from its voxels (extents to within one voxel), so only the
  // components that pass the filters get their point lists built.
  const size = new Uint32Array(components)
  const low = new Int32Array(components * 3).fill(2 ** 30)
  const high = new Int32Array(components * 3).fill(-(2 ** 30))
  for (let voxel = 0; voxel < grid.count; voxel++) {
    const c = componentOfVoxel[voxel]
    size[c] += grid.pointsPerVoxel[voxel]
    for (let a = 0; a < 3; a++) {
      const cell = grid.cells[voxel * 3 + a]
      if (cell < low[c * 3 + a]) low[c * 3 + a] = cell
      if (cell > high[c * 3 + a]) high[c * 3 + a] = cell
    }
  }
  const slotOfComponent = new Int32Array(components).fill(-1)
  const kept: Uint32Array[] = []
  for (let c = 0; c < components; c++) {
    if (size[c] < options.minPoints) continue
    let largest = 0
    for (let a = 0; a < 3; a++)
      largest = Math.max(largest, (high[c * 3 + a] - low[c * 3 + a] + 1) * options.voxelSizeM)
    if (largest < options.minExtentM || largest > options.maxExtentM) continue
    slotOfComponent[c] = kept.length
    kept.push(new Uint32Array(size[c]))
  }
  const filled = new Uint32Array(kept.length)
  const voxelOfSelected = grid.voxelOfSelected
  for (let k = 0; k < voxelOfSelected.length; k++) {
    const slot = slotOfComponent[componentOfVoxel[voxelOfSelected[k]]]
    if (slot >= 0) kept[slot][filled[slot]++] = k
  }
  return kept.sort((a, b) => b.length - a.length)
}

/** The same components through the general voxel grid (three-key hash), for selections spanning > 1022 voxels. */
function generalVoxelComponents(
  points: Float32Array,
  voxelSizeM: number,
  selected?: ArrayLike<number>,
): VoxelComponents {
  const grid = buildVoxelGrid(points, voxelSizeM, selected)
  const componentOfVoxel = connectedVoxels(grid)
  let components = 0
  for (let voxel = 0; voxel < grid.count; voxel++)
    components = Math.max(components, componentOfVoxel[voxel] + 1)
  const n = selected ? selected.length : points.length / 3
  const voxelOfSelected = new Int32Array(n)
  for (let k = 0; k < n; k++) voxelOfSelected[k] = grid.voxelOfPoint[selected ? selected[k] : k]
  return {
    count: grid.count,
    cells: grid.cells,
    voxelOfSelected,
    pointsPerVoxel: grid.pointsPerVoxel,
    componentOfVoxel,
    components,
  }
}

/** Half of the 26-neighbourhood: each touching pair of voxels is looked up once. */
const FORWARD: number[] = []
for (let dz = -1; dz <= 1; dz++)
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++)
      if (dz > 0 || (dz === 0 && (dy > 0 || (dy === 0 && dx > 0)))) FORWARD.push(dx, dy, dz)

/**
 * Component of each voxel (26-connectivity), numbered in order of each component's first voxel,
 * as a breadth-first flood from voxel 0 upwards would number them. Union–find over the forward
 * half of the neighbourhood halves the hash lookups of a flood.
 */
function connectedVoxels(grid: ReturnType<typeof buildVoxelGrid>): Int32Array {
  const parent = new Int32Array(grid.count)
  for (let v = 0; v < grid.count; v++) parent[v] = v
  const root = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]]
      v = parent[v]
    }
    return v
  }
  for (let voxel = 0; voxel < grid.count; voxel++) {
    const ix = grid.cells[voxel * 3]
    const iy = grid.cells[voxel * 3 + 1]
    const iz = grid.cells[voxel * 3 + 2]
    for (let f = 0; f < FORWARD.length; f += 3) {
      const neighbour = grid.cellIndex.find(
        ix + FORWARD[f],
        iy + FORWARD[f + 1],
        iz + FORWARD[f + 2],
      )
      if (neighbour < 0) continue
      const a = root(voxel)
      const b = root(neighbour)
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b
    }
  }
  const componentOfRoot = new Int32Array(grid.count).fill(-1)
  const componentOfVoxel = new Int32Array(grid.count)
  let components = 0
  for (let voxel = 0; voxel < grid.count; voxel++) {
    const r = root(voxel)
    if (componentOfRoot[r] < 0) componentOfRoot[r] = components++
    componentOfVoxel[voxel] = componentOfRoot[r]
  }
  return componentOfVoxel
}
