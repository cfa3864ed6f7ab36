import type { DepthImage } from '../types'
import { relativeNoiseAt, type DepthNoiseModel } from './depthNoise'

/**
 * Marks flying pixels: depth samples that interpolate between a foreground edge and the
 * background (mixed pixels on real sensors) and float in mid-air after back-projection.
 *
 * A pixel is kept when at least `minAgreeing` of its 8 neighbours lie within a depth tolerance of
 * it; a flying pixel agrees with neither side. Tolerance = max(4σ_rel·z, 1 % of z) + 2 mm, so it
 * grows with the frame's own noise level and with distance.
 * Returns 1 = keep, 0 = drop, per pixel; invalid depth is 0.
 */
export function findKeptPixels(
  depth: DepthImage,
  noise: DepthNoiseModel,
  minAgreeing = 3,
): Uint8Array {
  const { width, height, data } = depth
  const isKept = new Uint8Array(width * height)
  // Relative tolerance per 5 cm of depth (noise grows with range on structured-light sensors).
  const toleranceAt = Float32Array.from({ length: 400 }, (_, k) => Math.max(4 * relativeNoiseAt(noise, k * 0.05), 0.01))
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const i = v * width + u
      const z = data[i]
      if (!(z > 0 && z < Infinity)) continue
      const tolerance = toleranceAt[Math.min(399, Math.round(z * 20))] * z + 0.002
      let agreeing = 0
      for (let dv = -1; dv <= 1; dv++) {
        const vv = v + dv
        if (vv < 0 || vv >= height) continue
        for (let du = -1; du <= 1; du++) {
          const uu = u + du
          if ((du === 0 && dv === 0) || uu < 0 || uu >= width) continue
          const zn = data[vv * width + uu]
          if (zn > 0 && Math.abs(zn - z) <= tolerance) agreeing++
        }
      }
      if (agreeing >= minAgreeing) isKept[i] = 1
    }
  }
  return isKept
}
