/**
 * The top of an object from its noisy heights, without trimming away thin tops.
 *
 * A fixed quantile fails both ways: a laptop is mostly top face, so its 90th percentile sits 1.3σ
 * above the face; a mug seen from the side is mostly wall, so its 99th percentile minus a noise
 * margin cuts the rim off (several per cent of its height on a Kinect). Instead we fit what the
 * upper tail looks like: heights near the top are a flat top (a spike at T) and/or walls running
 * up to T (a step at T), both blurred by the measured noise σ:
 *   p(z) ∝ w·φ((z−T)/σ)/σ + (1−w)·Φ((T−z)/σ)/σ·(norm.) + a small uniform outlier share,
 * truncated to the band z ≥ L below the top. T, the spike share w and σ (within a factor 2 of the
 * frame's noise estimate) are fitted by maximum likelihood on a histogram of the band (bins of
 * σ/4), so the cost is independent of the point count. The top of a wall is where its blurred
 * density has fallen to half, and the top of a face is the middle of its spike: both are T.
 */

/** Share of the band given to outliers (stray points above the top, a neighbour's bits). */
const OUTLIER_SHARE = 0.02
/** Band below the robust maximum, in noise sigmas. */
const BAND_SIGMAS = 12
const MAX_BAND_SIGMAS = 40
const SIGMA_FACTORS = [1, 1.25, 1.6, 2]

/**
 * Top height (metres, same axis as `sortedHeights`, ascending) of one object's points given the
 * noise σ (1σ, metres) of heights on its top. Falls back to the 90th percentile with few points.
 */
export function estimateTopHeight(sortedHeights: ArrayLike<number>, noiseM: number): number {
  const n = sortedHeights.length
  if (n === 0) return Number.NaN
  const sigma = Math.max(5e-4, noiseM)
  if (n < 30) return sortedHeights[Math.min(n - 1, Math.floor(0.9 * n))]
  const robustMax = sortedHeights[n - 1 - Math.floor(0.002 * n)]
  // The band reaches BAND_SIGMAS below the robust maximum, and below the bulk's 90th percentile
  // when a cluster of stray points sets that maximum; never into the lower quarter.
  const bulk = sortedHeights[Math.floor(0.9 * n)] - 4 * sigma
  const low = Math.max(
    sortedHeights[Math.floor(0.25 * n)],
    Math.min(robustMax - BAND_SIGMAS * sigma, bulk),
    robustMax - MAX_BAND_SIGMAS * sigma,
  )
  const histogram = bandHistogram(sortedHeights, low, sigma / 4)
  if (histogram.total < 20) return robustMax
  // Coarse grid over T at the measured noise, then a fine one around it for each noise factor.
  const coarse = searchTop(histogram, low, sigma, low + sigma, robustMax + 2 * sigma, sigma)
  let best = { logLikelihood: -Infinity, top: coarse.top }
  for (const factor of SIGMA_FACTORS) {
    const from = Math.max(low + sigma, coarse.top - sigma)
    const fine = searchTop(histogram, low, sigma * factor, from, coarse.top + sigma, sigma / 8)
    if (fine.logLikelihood > best.logLikelihood) best = fine
  }
  return best.top
}

interface BandHistogram {
  /** Bin centres and counts over [low, max]. */
  centres: Float64Array
  counts: Float64Array
  total: number
  width: number
}

function bandHistogram(sorted: ArrayLike<number>, low: number, binWidth: number): BandHistogram {
  const max = sorted[sorted.length - 1]
  const bins = Math.max(1, Math.min(4000, Math.ceil((max - low) / binWidth) + 1))
  const counts = new Float64Array(bins)
  let total = 0
  for (let i = sorted.length - 1; i >= 0 && sorted[i] >= low; i--) {
    counts[Math.min(bins - 1, Math.floor((sorted[i] - low) / binWidth))]++
    total++
  }
  const centres = Float64Array.from({ length: bins }, (_, b) => low + (b + 0.5) * binWidth)
  return { centres, counts, total, width: Math.max(binWidth, max - low) }
}

function searchTop(
  histogram: BandHistogram,
  low: number,
  sigma: number,
  from: number,
  to: number,
  step: number,
): { logLikelihood: number; top: number } {
  let best = { logLikelihood: -Infinity, top: from }
  for (let top = from; top <= to + 1e-12; top += step) {
    const logLikelihood = fitSpikeShare(histogram, low, sigma, top)
    if (logLikelihood > best.logLikelihood) best = { logLikelihood, top }
  }
  return best
}

/**
 * Log-likelihood at (T, σ) with the spike share w at its maximum: the log-likelihood is concave
 * in w, so a few clamped Newton steps find it (EM crawls here: spike and step overlap).
 */
function fitSpikeShare(histogram: BandHistogram, low: number, sigma: number, top: number): number {
  const { centres, counts } = histogram
  const a = (low - top) / sigma
  const spikeMass = Math.max(1e-12, normalCdf(-a)) // share of the spike above L
  const stepMass = Math.max(1e-12, sigma * (normalPdf(a) - a * normalCdf(-a))) // ∫_L^∞ Φ((T−z)/σ) dz
  const outlier = OUTLIER_SHARE / histogram.width
  const spike = new Float64Array(centres.length)
  const step = new Float64Array(centres.length)
  for (let b = 0; b < centres.length; b++) {
    if (counts[b] === 0) continue
    const t = (centres[b] - top) / sigma
    spike[b] = ((1 - OUTLIER_SHARE) * normalPdf(t)) / sigma / spikeMass
    step[b] = ((1 - OUTLIER_SHARE) * normalCdf(-t)) / stepMass
  }
  const logLikelihoodAt = (w: number) => {
    let sum = 0
    for (let b = 0; b < centres.length; b++) {
      if (counts[b] > 0) sum += counts[b] * Math.log(w * spike[b] + (1 - w) * step[b] + outlier)
    }
    return sum
  }
  let w = 0.1
  for (let iteration = 0; iteration < 8; iteration++) {
    let gradient = 0
    let curvature = 0
    for (let b = 0; b < centres.length; b++) {
      if (counts[b] === 0) continue
      const difference = spike[b] - step[b]
      const density = w * spike[b] + (1 - w) * step[b] + outlier
      gradient += (counts[b] * difference) / density
      curvature += (counts[b] * difference * difference) / (density * density)
    }
    if (curvature <= 0) break
    const next = Math.min(1, Math.max(0, w + gradient / curvature))
    if (Math.abs(next - w) < 1e-4) {
      w = next
      break
    }
    w = next
  }
  return logLikelihoodAt(w)
}

function normalPdf(t: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * t * t)
}

/** Φ(t), Abramowitz–Stegun 7.1.26 on erfc (|error| < 1.5e-7). */
function normalCdf(t: number): number {
  const x = Math.abs(t) / Math.SQRT2
  const k = 1 / (1 + 0.3275911 * x)
  const poly =
    k *
    (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))))
  const tail = 0.5 * poly * Math.exp(-x * x)
  return t >= 0 ? 1 - tail : tail
}
