import { describe, expect, it } from 'vitest'
import { CHUNK, LineSums } from '../../../main/engine/scene/lineSums'

/** A depth image with smooth slopes, depth steps and holes (deterministic). */
function depthImage(width: number, height: number): Float32Array {
  const z = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const hole = (x * 7 + y * 13) % 29 === 0
      const step = x > width / 3 && y < height / 2 ? 0.3 : 0
      z[y * width + x] = hole ? 0 : 1 + 0.002 * x + 0.001 * y + step
    }
  }
  return z
}

/** Independent reference: walk from (x, y) along (du, dv) while usable and depth-continuous; count and Σ 1/z. */
function walk(
  z: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
  du: number,
  dv: number,
  limit: number,
  tolerance: number,
): { count: number; sum: number } {
  let previous = z[y * width + x]
  let count = 0
  let sum = 0
  for (let i = 1; i <= limit; i++) {
    const [u, v] = [x + i * du, y + i * dv]
    if (u < 0 || v < 0 || u >= width || v >= height) break
    const next = z[v * width + u]
    if (
      !(next > 0 && previous > 0) ||
      Math.abs(next - previous) > tolerance * Math.min(next, previous)
    )
      break
    sum += 1 / next
    count++
    previous = next
  }
  return { count, sum }
}

describe('LineSums', () => {
  // Wider and taller than two chunks, so chunk seams and halos are crossed.
  const [width, height, k, stepTol] = [2 * CHUNK + 37, CHUNK + 21, 12, 0.02]
  const z = depthImage(width, height)
  const input = { width, height, z, stepTol, k }

  for (const [du, dv] of [
    [1, 0],
    [0, 1],
    [1, 1],
    [1, -1],
  ]) {
    it(`gives the counts and side sums of a direct walk along (${du}, ${dv}) for every pixel`, () => {
      const lines = new LineSums(input, du, dv)
      const tolerance = stepTol * (du !== 0 && dv !== 0 ? Math.SQRT2 : 1)
      let checked = 0
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!(z[y * width + x] > 0)) continue
          const r = lines.locate(x, y)
          const behind = walk(z, width, height, x, y, -du, -dv, k, tolerance)
          const ahead = walk(z, width, height, x, y, du, dv, k, tolerance)
          expect(lines.counts[lines.at]).toBe(behind.count)
          expect(lines.counts[lines.at + CHUNK]).toBe(ahead.count)
          const m = Math.min(behind.count, ahead.count)
          const back = walk(z, width, height, x, y, -du, -dv, m, tolerance).sum
          const front = walk(z, width, height, x, y, du, dv, m, tolerance).sum
          expect(lines.pool[r] - lines.pool[r - m]).toBeCloseTo(back, 9)
          expect(lines.pool[r + m + 1] - lines.pool[r + 1]).toBeCloseTo(front, 9)
          checked++
        }
      }
      expect(checked).toBeGreaterThan(0.9 * width * height)
    })
  }
})
