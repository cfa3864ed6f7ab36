/**
 * Open-addressing hash map from integer voxel cells (ix, iy, iz) to dense indices 0..n−1.
 * Voxel grids and clustering do one lookup per point or per neighbour; a JS Map keyed by packed
 * numbers was the slowest stage at 640×480, and typed-array probing is several times faster.
 */
export class CellHash {
  private capacity: number
  private mask: number
  private keysX: Int32Array
  private keysY: Int32Array
  private keysZ: Int32Array
  private values: Int32Array
  size = 0

  constructor(expectedCount: number) {
    this.capacity = 1 << Math.max(4, Math.ceil(Math.log2(Math.max(16, expectedCount * 2))))
    this.mask = this.capacity - 1
    this.keysX = new Int32Array(this.capacity)
    this.keysY = new Int32Array(this.capacity)
    this.keysZ = new Int32Array(this.capacity)
    this.values = new Int32Array(this.capacity).fill(-1)
  }

  private slot(ix: number, iy: number, iz: number): number {
    return (Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791)) & this.mask
  }

  /** Index of the cell, or −1. */
  find(ix: number, iy: number, iz: number): number {
    let slot = this.slot(ix, iy, iz)
    for (;;) {
      const value = this.values[slot]
      if (value < 0) return -1
      if (this.keysX[slot] === ix && this.keysY[slot] === iy && this.keysZ[slot] === iz)
        return value
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * Index of the cell, inserting it with the next free index when new.
   * @throws Error for a cell outside the int32 grid (NaN, ±Infinity, beyond ±2³¹): the Int32Array keys could never
   *   match it again, so every call would insert it anew and probing would turn quadratic.
   */
  findOrInsert(ix: number, iy: number, iz: number): number {
    if ((ix | 0) !== ix || (iy | 0) !== iy || (iz | 0) !== iz) {
      throw new Error(
        `voxel cell (${ix}, ${iy}, ${iz}) is not a whole number in the int32 grid: a coordinate is not finite or too large for the voxel size`,
      )
    }
    if (this.size * 2 >= this.capacity) this.grow()
    let slot = this.slot(ix, iy, iz)
    for (;;) {
      const value = this.values[slot]
      if (value < 0) {
        this.keysX[slot] = ix
        this.keysY[slot] = iy
        this.keysZ[slot] = iz
        this.values[slot] = this.size
        return this.size++
      }
      if (this.keysX[slot] === ix && this.keysY[slot] === iy && this.keysZ[slot] === iz)
        return value
      slot = (slot + 1) & this.mask
    }
  }

  private grow(): void {
    const { keysX, keysY, keysZ, values } = this
    this.capacity *= 2
    this.mask = this.capacity - 1
    this.keysX = new Int32Array(this.capacity)
    this.keysY = new Int32Array(this.capacity)
    this.keysZ = new Int32Array(this.capacity)
    this.values = new Int32Array(this.capacity).fill(-1)
    for (let i = 0; i < values.length; i++) {
      if (values[i] < 0) continue
      let slot = this.slot(keysX[i], keysY[i], keysZ[i])
      while (this.values[slot] >= 0) slot = (slot + 1) & this.mask
      this.keysX[slot] = keysX[i]
      this.keysY[slot] = keysY[i]
      this.keysZ[slot] = keysZ[i]
      this.values[slot] = values[i]
    }
  }
}
