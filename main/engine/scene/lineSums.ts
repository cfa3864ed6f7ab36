/**
 * Running sums of inverse depth and depth-continuity counts along image lines (rows, columns, diagonals), filled
 * lazily one chunk of a line at a time, so a concavity score reads its two side sums in O(1) instead of walking up
 * to k pixels each way in four directions: those walks were most of click-to-segment's time on large frames. A
 * chunk is filled once per frame for every prompt; only chunks that a growth reaches are filled (filling whole
 * lines cost more than the walks it saved).
 */

/** What the sums are built from (a SurfaceField satisfies it). */
export interface LineSumsInput {
  width: number
  height: number
  /** Usable depth per pixel, 0 elsewhere, metres. */
  z: Float32Array
  /** Largest relative depth step between 4-neighbours still continuous (diagonal steps get √2 of it). */
  stepTol: number
  /** Longest baseline, pixels (at most 255). */
  k: number
}

/** Pixels per chunk of a line. */
export const CHUNK = 64

/** One direction (du, dv) with du ≥ 0 (dv = ±1 for diagonals); lines run along +direction. */
export class LineSums {
  /** Per chunk: exclusive running sums of w from k pixels before the chunk to k pixels after it. */
  pool: Float64Array
  /**
   * Per chunk: continuous steps available backward (−direction) from each of its pixels (first CHUNK bytes), then
   * forward (next CHUNK), at most k. The located pixel's are counts[at] and counts[at + CHUNK].
   */
  counts: Uint8Array
  /** Index into `counts` of the pixel last located. */
  at = 0
  private chunks = 0
  private readonly chunkOffset: Int32Array
  private readonly chunksPerLine: number
  private readonly step: number
  private readonly tolerance: number
  private readonly linked: Uint8Array

  constructor(
    private readonly input: LineSumsInput,
    private readonly du: number,
    private readonly dv: number,
  ) {
    const { width, height, k } = input
    this.chunksPerLine = Math.ceil(Math.max(width, height) / CHUNK)
    this.chunkOffset = new Int32Array((width + height) * this.chunksPerLine).fill(-1)
    this.pool = new Float64Array(64 * (CHUNK + 2 * k + 1))
    this.counts = new Uint8Array(64 * 2 * CHUNK)
    this.step = dv * width + du
    this.tolerance = input.stepTol * (du !== 0 && dv !== 0 ? Math.SQRT2 : 1)
    this.linked = new Uint8Array(CHUNK + 2 * k + 1)
  }

  /**
   * Fills the chunk holding pixel (x, y) if needed; returns the pool index r of the pixel, such that the sum of w
   * over the m pixels behind it is pool[r] − pool[r − m] and over the m pixels ahead pool[r + m + 1] − pool[r + 1]
   * (m ≤ k), and sets `at` to its counts.
   */
  locate(x: number, y: number): number {
    const { height } = this.input
    let id = y
    let t = x
    if (this.du === 0) {
      id = x
      t = y
    } else if (this.dv > 0) {
      id = x - y + height - 1
      t = x < y ? x : y
    } else if (this.dv < 0) {
      id = x + y
      t = id > height - 1 ? height - 1 - y : x
    }
    const chunk = (t / CHUNK) | 0
    const key = id * this.chunksPerLine + chunk
    let slot = this.chunkOffset[key]
    if (slot < 0) slot = this.chunkOffset[key] = this.fill(id, chunk)
    const inChunk = t - chunk * CHUNK
    this.at = slot * 2 * CHUNK + inChunk
    return slot * (CHUNK + 2 * this.input.k + 1) + inChunk + this.input.k
  }

  /** Sums and counts for positions [chunk·CHUNK − k, chunk·CHUNK + CHUNK + k) of line `id`; the chunk's slot. */
  private fill(id: number, chunk: number): number {
    const { width, height, z, k } = this.input
    const [first, length] = this.lineStart(id, width, height)
    const span = CHUNK + 2 * k
    const slot = this.chunks++
    if ((slot + 1) * (span + 1) > this.pool.length) {
      const pool = new Float64Array(this.pool.length * 2)
      pool.set(this.pool)
      this.pool = pool
      const counts = new Uint8Array(this.counts.length * 2)
      counts.set(this.counts)
      this.counts = counts
    }
    const { pool, counts, linked, step, tolerance } = this
    const offset = slot * (span + 1)
    const back = slot * 2 * CHUNK - k // counts index of position i (k ≤ i < k + CHUNK)
    const ahead = back + CHUNK
    const base = chunk * CHUNK - k
    let run = 0
    let previous = 0
    pool[offset] = 0
    for (let i = 0; i < span; i++) {
      const position = base + i
      const isInside = position >= 0 && position < length
      const pixel = first + position * step
      const current = isInside ? z[pixel] : 0
      pool[offset + i + 1] = pool[offset + i] + (current > 0 ? 1 / current : 0)
      const isLinked =
        current > 0 &&
        previous > 0 &&
        Math.abs(current - previous) <= tolerance * (current < previous ? current : previous)
      linked[i] = isLinked ? 1 : 0
      run = isLinked ? Math.min(k, run + 1) : 0
      if (i >= k && i < k + CHUNK) counts[back + i] = isInside ? run : 0
      previous = current
    }
    run = 0
    for (let i = span - 1; i >= 0; i--) {
      const position = base + i
      if (i >= k && i < k + CHUNK) counts[ahead + i] = position < length ? run : 0
      run = linked[i] ? Math.min(k, run + 1) : 0
    }
    return slot
  }

  /** First pixel (the end farthest along −direction) and length of line `id`. */
  private lineStart(id: number, width: number, height: number): [number, number] {
    if (this.dv === 0) return [id * width, width]
    if (this.du === 0) return [id, height]
    if (this.dv > 0) {
      const [x0, y0] = id >= height - 1 ? [id - (height - 1), 0] : [0, height - 1 - id]
      return [y0 * width + x0, Math.min(width - x0, height - y0)]
    }
    const x0 = Math.max(0, id - (height - 1))
    const y0 = id - x0
    return [y0 * width + x0, Math.min(width - x0, y0 + 1)]
  }
}
