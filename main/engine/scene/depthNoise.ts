import type { DepthImage } from '../types'
import { quantileSorted } from '../geometry/stats'

/** Floor for the relative noise: very smooth depth would otherwise give 0. */
const MIN_RELATIVE_NOISE = 0.0015
const MAX_RELATIVE_NOISE = 0.05

/**
 * Relative depth noise σ(z)/z as a function of depth: σ_rel(z) = intercept + slope·z.
 * Time-of-flight and synthetic noise are roughly proportional to z (slope ≈ 0); structured light
 * (Kinect, RealSense) grows with z² (σ_rel grows with z), so one number cannot serve both.
 */
export interface DepthNoiseModel {
  intercept: number
  slope: number
  /** σ_rel at the median depth of the frame, for summaries. */
  typical: number
  /** The frame's median valid depth, metres. */
  typicalZ: number
}

export function relativeNoiseAt(model: DepthNoiseModel, z: number): number {
  return Math.min(
    MAX_RELATIVE_NOISE,
    Math.max(MIN_RELATIVE_NOISE, model.intercept + model.slope * z),
  )
}

/**
 * Estimates depth noise from the frame itself.
 *
 * Inverse depth is affine in (u, v) on any plane, so its second difference along a row is zero on
 * smooth surfaces and noise elsewhere: r = z·(w(u) − (w(u−1) + w(u+1))/2) with w = 1/z has standard
 * deviation σ_rel·√1.5 for independent noise. Steps at object edges are skipped and the top 2 % of
 * |r| trimmed. We use the RMS, not a percentile: quantised sensors (Kinect) repeat the same value
 * over flat patches, which makes every percentile below the step rate zero while the RMS still sees
 * the quantisation steps. Residuals are binned by depth and σ_rel(z) fitted as a line.
 */
export function estimateDepthNoise(
  depth: DepthImage,
  rowStride = Math.max(3, Math.round(depth.height / 40)),
): DepthNoiseModel {
  const { width, height, data } = depth
  const capacity = Math.ceil(height / rowStride) * Math.ceil(width / 2)
  const residuals = new Float32Array(capacity)
  const depths = new Float32Array(capacity)
  let count = 0
  for (let v = 0; v < height; v += rowStride) {
    const row = v * width
    for (let u = 1; u < width - 1; u += 2) {
      const z0 = data[row + u - 1]
      const z1 = data[row + u]
      const z2 = data[row + u + 1]
      if (!(z0 > 0 && z1 > 0 && z2 > 0 && z1 < Infinity)) continue
      if (Math.abs(z0 - z1) > 0.05 * z1 || Math.abs(z2 - z1) > 0.05 * z1) continue
      residuals[count] = Math.abs(z1 * (1 / z1 - 0.5 * (1 / z0 + 1 / z2)))
      depths[count++] = z1
    }
  }
  if (count < 100)
    return { intercept: MIN_RELATIVE_NOISE, slope: 0, typical: MIN_RELATIVE_NOISE, typicalZ: 1 }
  const sortedDepths = depths.slice(0, count).sort()
  const bins = depthBins(sortedDepths)
  const points: { z: number; sigma: number; weight: number }[] = []
  const binOf = new Uint8Array(count)
  const binSizes = new Uint32Array(bins.length)
  for (let i = 0; i < count; i++) {
    let b = 0
    while (b < bins.length - 1 && depths[i] >= bins[b][1]) b++
    binOf[i] = b
    binSizes[b]++
  }
  bins.forEach(([low, high], b) => {
    if (binSizes[b] < 50) return
    const inBin = new Float32Array(binSizes[b])
    let n = 0
    for (let i = 0; i < count; i++) if (binOf[i] === b) inBin[n++] = residuals[i]
    points.push({ z: (low + high) / 2, sigma: trimmedRms(inBin) / Math.sqrt(1.5), weight: n })
  })
  const typicalZ = quantileSorted(sortedDepths, 0.5)
  const model = fitLine(points)
  return {
    ...model,
    typicalZ,
    typical: relativeNoiseAt({ ...model, typical: 0, typicalZ }, typicalZ),
  }
}

/** σ_rel at the frame's median depth (one number, for thresholds that need a single value). */
export function estimateRelativeDepthNoise(depth: DepthImage): number {
  return estimateDepthNoise(depth).typical
}

function depthBins(sortedDepths: Float32Array): [number, number][] {
  const bins: [number, number][] = []
  const quantiles = [0, 0.2, 0.4, 0.6, 0.8, 1]
  for (let i = 0; i < quantiles.length - 1; i++) {
    const low = quantileSorted(sortedDepths, quantiles[i])
    const high =
      quantileSorted(sortedDepths, quantiles[i + 1]) + (i === quantiles.length - 2 ? 1e-6 : 0)
    if (high > low) bins.push([low, high])
  }
  return bins
}

function trimmedRms(values: Float32Array): number {
  const sorted = values.sort()
  const keep = Math.max(1, Math.floor(sorted.length * 0.98))
  let sum = 0
  for (let i = 0; i < keep; i++) sum += sorted[i] * sorted[i]
  return Math.sqrt(sum / keep)
}

/** Weighted least-squares line σ = a + b·z with b ≥ 0 (noise never shrinks with distance). */
function fitLine(points: { z: number; sigma: number; weight: number }[]): {
  intercept: number
  slope: number
} {
  if (points.length === 0) return { intercept: MIN_RELATIVE_NOISE, slope: 0 }
  let sw = 0,
    sz = 0,
    ss = 0,
    szz = 0,
    szs = 0
  for (const p of points) {
    sw += p.weight
    sz += p.weight * p.z
    ss += p.weight * p.sigma
    szz += p.weight * p.z * p.z
    szs += p.weight * p.z * p.sigma
  }
  const denominator = sw * szz - sz * sz
  let slope = points.length >= 2 && denominator > 1e-12 ? (sw * szs - sz * ss) / denominator : 0
  if (!(slope > 0)) slope = 0
  const intercept = (ss - slope * sz) / sw
  return { intercept, slope }
}
