/**
 * Connected components of occupied voxels (26-connectivity) with one packed integer key per cell: the cell
 * coordinates relative to the occupied bounding box fit 10 bits per axis whenever the box spans at most 1022 voxels
 * a side (10 m at 1 cm), so a neighbour's key is the cell's key plus a constant and the hash compares one number
 * instead of three. Clustering does 13 neighbour lookups per voxel, which made the three-key hash (CellHash) the
 * slowest part of turning detector boxes into objects. Larger boxes return null (the caller uses the general grid).
 */

/** Occupied voxels of a point selection and their components. */
export interface VoxelComponents {
  /** Occupied voxels, numbered in order of their first point. */
  count: number
  /** Integer cell (ix, iy, iz) of each voxel, interleaved. */
  cells: Int32Array
  /** Voxel of each selected point, by position in the selection. */
  voxelOfSelected: Int32Array
  pointsPerVoxel: Uint32Array
  /** Component of each voxel, numbered in order of each component's first voxel. */
  componentOfVoxel: Int32Array
  components: number
}

const BITS = 10
const SPAN = (1 << BITS) - 3 // one empty cell of margin on each side keeps neighbour keys in range

/**
 * Voxels of `points[selected[k]]` (xyz interleaved, metres) and their 26-connected components, or null when the
 * occupied cells span more than 1022 voxels along an axis. `selected` omitted: every point.
 */
export function packedVoxelComponents(
  points: Float32Array,
  voxelSizeM: number,
  selected?: ArrayLike<number>,
): VoxelComponents | null {
  const n = selected ? selected.length : points.length / 3
  const inverse = 1 / voxelSizeM
  const cellOfSelected = new Int32Array(n * 3)
  const low = [2 ** 30, 2 ** 30, 2 ** 30]
  const high = [-(2 ** 30), -(2 ** 30), -(2 ** 30)]
  for (let k = 0; k < n; k++) {
    const i = (selected ? selected[k] : k) * 3
    for (let a = 0; a < 3; a++) {
      const cell = Math.floor(points[i + a] * inverse)
      cellOfSelected[k * 3 + a] = cell
      if (cell < low[a]) low[a] = cell
      if (cell > high[a]) high[a] = cell
    }
  }
  if (n > 0 && (high[0] - low[0] > SPAN || high[1] - low[1] > SPAN || high[2] - low[2] > SPAN))
    return null
  const [ox, oy, oz] = [low[0] - 1, low[1] - 1, low[2] - 1]
  const hash = new KeyHash(Math.max(64, n >> 2))
  const voxelOfSelected = new Int32Array(n)
  let keys: Int32Array<ArrayBuffer> = new Int32Array(Math.max(64, n >> 3))
  let count = 0
  let lastKey = -1
  let lastVoxel = -1
  for (let k = 0; k < n; k++) {
    const key =
      ((cellOfSelected[k * 3] - ox) << (2 * BITS)) |
      ((cellOfSelected[k * 3 + 1] - oy) << BITS) |
      (cellOfSelected[k * 3 + 2] - oz)
    // Points arrive in pixel order, so runs of them share a voxel: skip the hash for a repeat.
    if (key !== lastKey) {
      lastVoxel = hash.findOrInsert(key, count)
      if (lastVoxel === count) {
        if (count === keys.length) keys = grown(keys)
        keys[count++] = key
      }
      lastKey = key
    }
    voxelOfSelected[k] = lastVoxel
  }
  const pointsPerVoxel = new Uint32Array(count)
  for (let k = 0; k < n; k++) pointsPerVoxel[voxelOfSelected[k]]++
  const cells = new Int32Array(count * 3)
  const mask = (1 << BITS) - 1
  for (let v = 0; v < count; v++) {
    cells[v * 3] = (keys[v] >> (2 * BITS)) + ox
    cells[v * 3 + 1] = ((keys[v] >> BITS) & mask) + oy
    cells[v * 3 + 2] = (keys[v] & mask) + oz
  }
  const { componentOfVoxel, components } = connect(hash, keys, count)
  return { count, cells, voxelOfSelected, pointsPerVoxel, componentOfVoxel, components }
}

/** Key offsets of the forward half of the 26-neighbourhood: each touching pair is looked up once. */
const FORWARD_KEYS: number[] = []
for (let dz = -1; dz <= 1; dz++)
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++)
      if (dz > 0 || (dz === 0 && (dy > 0 || (dy === 0 && dx > 0))))
        FORWARD_KEYS.push(dx * (1 << (2 * BITS)) + dy * (1 << BITS) + dz)

/**
 * Union–find over the forward neighbours (the same components, numbered as a breadth-first flood from voxel 0
 * upwards would number them).
 */
function connect(
  hash: KeyHash,
  keys: Int32Array,
  count: number,
): { componentOfVoxel: Int32Array; components: number } {
  const parent = new Int32Array(count)
  for (let v = 0; v < count; v++) parent[v] = v
  const root = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]]
      v = parent[v]
    }
    return v
  }
  for (let voxel = 0; voxel < count; voxel++) {
    const key = keys[voxel]
    for (let f = 0; f < FORWARD_KEYS.length; f++) {
      const neighbour = hash.find(key + FORWARD_KEYS[f])
      if (neighbour < 0) continue
      const a = root(voxel)
      const b = root(neighbour)
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b
    }
  }
  const componentOfRoot = new Int32Array(count).fill(-1)
  const componentOfVoxel = new Int32Array(count)
  let components = 0
  for (let voxel = 0; voxel < count; voxel++) {
    const r = root(voxel)
    if (componentOfRoot[r] < 0) componentOfRoot[r] = components++
    componentOfVoxel[voxel] = componentOfRoot[r]
  }
  return { componentOfVoxel, components }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2)
  out.set(array)
  return out
}

/** Open-addressing hash from non-negative 30-bit keys to voxel indices (Fibonacci hashing, linear probing). */
class KeyHash {
  private keys: Int32Array
  private values: Int32Array
  private shift: number
  private mask: number
  private size = 0

  constructor(expectedCount: number) {
    const bits = Math.max(6, Math.ceil(Math.log2(expectedCount * 2)))
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    this.keys = new Int32Array(1 << bits)
    this.values = new Int32Array(1 << bits).fill(-1)
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift
  }

  find(key: number): number {
    for (let slot = this.slot(key); ; slot = (slot + 1) & this.mask) {
      const value = this.values[slot]
      if (value < 0 || this.keys[slot] === key) return value
    }
  }

  /** The key's value, inserting `value` when the key is new (then `value` is returned). */
  findOrInsert(key: number, value: number): number {
    if (this.size * 2 >= this.keys.length) this.grow()
    for (let slot = this.slot(key); ; slot = (slot + 1) & this.mask) {
      if (this.values[slot] < 0) {
        this.keys[slot] = key
        this.values[slot] = value
        this.size++
        return value
      }
      if (this.keys[slot] === key) return this.values[slot]
    }
  }

  private grow(): void {
    const { keys, values } = this
    const bits = 32 - this.shift + 1
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    this.keys = new Int32Array(1 << bits)
    this.values = new Int32Array(1 << bits).fill(-1)
    for (let i = 0; i < values.length; i++) {
      if (values[i] < 0) continue
      let slot = this.slot(keys[i])
      while (this.values[slot] >= 0) slot = (slot + 1) & this.mask
      this.keys[slot] = keys[i]
      this.values[slot] = values[i]
    }
  }
}
