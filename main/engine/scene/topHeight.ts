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
  // Heights are handled in units of σ/8 above L: bins are 2 units wide and T moves on the unit grid,
  // so every normal density the fit needs comes from one table per noise factor.
  const unit = sigma / 8
  const histogram = bandHistogram(sortedHeights, low, 2 * unit)
  if (histogram.total < 20) return robustMax
  const lastTop = Math.ceil((robustMax + 2 * sigma - low) / unit)
  const tables = SIGMA_FACTORS.map(
    (factor) => new NormalTable(1 / (8 * factor), lastTop + 16, 2 * histogram.counts.length + 1),
  )
  // Coarse grid over T (steps of σ) at the measured noise, then a fine one around it per noise factor.
  const coarse = searchTop(histogram, tables[0], sigma, 8, lastTop, 8)
  let best = coarse
  SIGMA_FACTORS.forEach((factor, i) => {
    const fine = searchTop(
      histogram,
      tables[i],
      sigma * factor,
      Math.max(8, coarse.q - 8),
      coarse.q + 8,
      1,
    )
    if (fine.logLikelihood > best.logLikelihood) best = fine
  })
  return low + best.q * unit
}

/** φ(nδ) and Φ(−nδ) for n = −below … above (t = nδ in noise sigmas). */
class NormalTable {
  readonly pdf: Float64Array
  readonly upperTail: Float64Array
  constructor(
    readonly delta: number,
    readonly below: number,
    above: number,
  ) {
    this.pdf = new Float64Array(below + above + 1)
    this.upperTail = new Float64Array(below + above + 1)
    for (let i = 0; i < this.pdf.length; i++) {
      const t = (i - below) * delta
      this.pdf[i] = normalPdf(t)
      this.upperTail[i] = normalCdf(-t)
    }
  }
}

interface BandHistogram {
  counts: Float64Array
  total: number
  /** Band width (L to the highest point), metres. */
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
  return { counts, total, width: Math.max(binWidth, max - low) }
}

/** Best T = L + q units for q = from, from + step, … ≤ to. */
function searchTop(
  histogram: BandHistogram,
  table: NormalTable,
  sigma: number,
  from: number,
  to: number,
  step: number,
): { logLikelihood: number; q: number } {
  let best = { logLikelihood: -Infinity, q: from }
  for (let q = from; q <= to; q += step) {
    const logLikelihood = fitSpikeShare(histogram, table, sigma, q)
    if (logLikelihood > best.logLikelihood) best = { logLikelihood, q }
  }
  return best
}

/**
 * Log-likelihood at (T = L + q units, σ) with the spike share w at its maximum: the log-likelihood
 * is concave in w, so a few clamped Newton steps find it (EM crawls here: spike and step overlap).
 */
function fitSpikeShare(
  histogram: BandHistogram,
  table: NormalTable,
  sigma: number,
  q: number,
): number {
  const { counts } = histogram
  const { pdf, upperTail, below, delta } = table
  // a = (L − T)/σ = −qδ: spike mass above L is Φ(qδ); ∫_L^∞ Φ((T−z)/σ) dz = σ(φ(qδ) + qδ·Φ(qδ)).
  const spikeMass = Math.max(1e-12, upperTail[below - q])
  const stepMass = Math.max(1e-12, sigma * (pdf[below - q] + q * delta * upperTail[below - q]))
  const outlier = OUTLIER_SHARE / histogram.width
  const spike = new Float64Array(counts.length)
  const step = new Float64Array(counts.length)
  for (let b = 0; b < counts.length; b++) {
    if (counts[b] === 0) continue
    const n = below + 2 * b + 1 - q // bin centre − T in units
    spike[b] = ((1 - OUTLIER_SHARE) * pdf[n]) / sigma / spikeMass
    step[b] = ((1 - OUTLIER_SHARE) * upperTail[n]) / stepMass
  }
  const logLikelihoodAt = (w: number) => {
    let sum = 0
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] > 0) sum += counts[b] * Math.log(w * spike[b] + (1 - w) * step[b] + outlier)
    }
    return sum
  }
  let w = 0.1
  for (let iteration = 0; iteration < 8; iteration++) {
    let gradient = 0
    let curvature = 0
    for (let b = 0; b < counts.length; b++) {
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
