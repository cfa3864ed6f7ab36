import type { DepthImage } from '../types'
import { quantile } from '../geometry/stats'

/** Floor for the relative noise: quantised or very smooth depth would otherwise give 0. */
const MIN_RELATIVE_NOISE = 0.002

/**
 * Estimates the relative depth noise σ(z)/z of a frame from the data itself.
 *
 * Inverse depth is affine in (u, v) on any plane, so its second difference along a row is zero
 * on smooth surfaces and pure noise elsewhere: r = z·(w(u) − (w(u−1) + w(u+1))/2) with w = 1/z has
 * standard deviation σ_rel·√1.5 for independent noise. Steps at object edges are skipped, and the
 * 68th percentile of |r| (≈ 1σ of a normal) keeps the estimate robust to what remains.
 * This is why the plane threshold adapts: a fixed 1 cm threshold fails at 1 % noise.
 */
export function estimateRelativeDepthNoise(depth: DepthImage, rowStride = 3): number {
  const { width, height, data } = depth
  const residuals: number[] = []
  for (let v = 0; v < height; v += rowStride) {
    const row = v * width
    for (let u = 1; u < width - 1; u += 2) {
      const z0 = data[row + u - 1]
      const z1 = data[row + u]
      const z2 = data[row + u + 1]
      if (!(z0 > 0 && z1 > 0 && z2 > 0)) continue
      // Skip depth steps (object borders): they are signal, not noise.
      if (Math.abs(z0 - z1) > 0.05 * z1 || Math.abs(z2 - z1) > 0.05 * z1) continue
      const r = z1 * (1 / z1 - 0.5 * (1 / z0 + 1 / z2))
      residuals.push(Math.abs(r))
    }
  }
  if (residuals.length < 100) return MIN_RELATIVE_NOISE
  const sigma = quantile(residuals, 0.683) / Math.sqrt(1.5)
  return Math.max(MIN_RELATIVE_NOISE, Math.min(0.05, sigma))
}
