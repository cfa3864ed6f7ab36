import type { DepthImage } from '../types'
import { relativeNoiseAt, type DepthNoiseModel } from './depthNoise'

/**
 * Marks flying pixels: depth samples that interpolate between a foreground edge and the
 * background (mixed pixels on real sensors) and float in mid-air after back-projection.
 *
 * A pixel is kept when at least `minAgreeing` of its 8 neighbours lie within a depth tolerance of
 * it; a flying pixel agrees with neither side. Tolerance = max(4σ_rel(z), 1 %)·z + 2 mm, so it
 * grows with the frame's own noise level and with distance. Image borders are dropped (they have
 * too few neighbours to judge and are the least reliable pixels of real sensors).
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
  const toleranceAt = Float32Array.from({ length: 400 }, (_, k) =>
    Math.max(4 * relativeNoiseAt(noise, k * 0.05), 0.01),
  )
  const offsets = [-width - 1, -width, -width + 1, -1, 1, width - 1, width, width + 1]
  for (let v = 1; v < height - 1; v++) {
    for (let i = v * width + 1, end = v * width + width - 1; i < end; i++) {
      const z = data[i]
      if (!(z > 0 && z < 20)) continue
      const tolerance = toleranceAt[(z * 20 + 0.5) | 0] * z + 0.002
      let agreeing = 0
      for (let k = 0; k < 8; k++) {
        const zn = data[i + offsets[k]]
        if (zn > 0 && Math.abs(zn - z) <= tolerance && ++agreeing >= minAgreeing) {
          isKept[i] = 1
          break
        }
      }
    }
  }
  return isKept
}
