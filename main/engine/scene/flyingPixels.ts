import type { DepthImage } from '../types'

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
  relativeNoise: number,
  minAgreeing = 3,
): Uint8Array {
  const { width, height, data } = depth
  const isKept = new Uint8Array(width * height)
  const relTolerance = Math.max(4 * relativeNoise, 0.01)
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const i = v * width + u
      const z = data[i]
      if (!(z > 0 && z < Infinity)) continue
      const tolerance = relTolerance * z + 0.002
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
