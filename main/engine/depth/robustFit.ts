import { median } from '../geometry/stats'

/**
 * Robust fit of `y ≈ scale · x + shift` (or `y ≈ scale · x`) by iteratively reweighted least
 * squares: Huber weights first (convex, so it finds the basin whatever the start), then Tukey's
 * biweight (redescending, so gross outliers end with zero weight). The residual scale σ is
 * re-estimated every iteration as 1.4826 · median |r| (the MAD of a zero-centred residual).
 */

export interface RobustFitOptions {
  /** Fit the shift too (two unknowns); otherwise shift = 0. */
  fitShift: boolean
  /** Iterations per phase (Huber, then Tukey); default 30. */
  maxIterationsPerPhase?: number
}

export interface RobustFit {
  scale: number
  shift: number
  /** Final robust residual scale σ, in y's units. */
  sigma: number
  /** 1 where the sample kept a non-zero Tukey weight (|r| < 4.685 σ). */
  inlierMask: Uint8Array
  inlierCount: number
  iterations: number
}

const HUBER_K = 1.345
const TUKEY_C = 4.685
const MAD_TO_SIGMA = 1.4826

/** Weighted least squares on centred data (well conditioned for large x like inverse depth). */
function weightedFit(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
  fitShift: boolean,
): [number, number] {
  let sw = 0
  let sx = 0
  let sy = 0
  for (let i = 0; i < x.length; i++) {
    sw += w[i]
    sx += w[i] * x[i]
    sy += w[i] * y[i]
  }
  if (!(sw > 0)) throw new RangeError('robust fit: no samples with weight left')
  const mx = fitShift ? sx / sw : 0
  const my = fitShift ? sy / sw : 0
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx
    sxx += w[i] * dx * dx
    sxy += w[i] * dx * (y[i] - my)
  }
  if (!(sxx > 0))
    throw new RangeError('robust fit: the model values do not vary; cannot fit a scale')
  const scale = sxy / sxx
  return [scale, my - scale * mx]
}

function residualSigma(
  x: Float64Array,
  y: Float64Array,
  scale: number,
  shift: number,
  r: Float64Array,
): number {
  for (let i = 0; i < x.length; i++) r[i] = Math.abs(y[i] - scale * x[i] - shift)
  return MAD_TO_SIGMA * median(r)
}

function setWeights(
  r: Float64Array,
  sigma: number,
  phase: 'huber' | 'tukey',
  w: Float64Array,
): void {
  if (!(sigma > 0)) {
    w.fill(1)
    return
  }
  const k = (phase === 'huber' ? HUBER_K : TUKEY_C) * sigma
  for (let i = 0; i < r.length; i++) {
    const a = r[i]
    if (phase === 'huber') w[i] = a <= k ? 1 : k / a
    else w[i] = a < k ? (1 - (a / k) ** 2) ** 2 : 0
  }
}

/**
 * Fits `y ≈ scale·x + shift` robustly. `x` and `y` must be finite and of equal length (≥ 2, ≥ 1
 * without shift). Throws RangeError when the data cannot determine the fit.
 */
export function robustAffineFit(
  x: Float64Array,
  y: Float64Array,
  options: RobustFitOptions,
): RobustFit {
  const n = x.length
  if (n !== y.length || n < (options.fitShift ? 2 : 1)) {
    throw new RangeError(
      `robust fit: need matching x/y with enough samples (got ${n} and ${y.length})`,
    )
  }
  const maxIterations = options.maxIterationsPerPhase ?? 30
  const w = new Float64Array(n).fill(1)
  const r = new Float64Array(n)
  let [scale, shift] = weightedFit(x, y, w, options.fitShift)
  let sigma = 0
  let iterations = 0
  // Convergence in y's units: how much the fitted values move, relative to their size.
  const xSize = median(x.map(Math.abs))
  const ySize = median(y.map(Math.abs)) || 1
  for (const phase of ['huber', 'tukey'] as const) {
    for (let i = 0; i < maxIterations; i++) {
      sigma = residualSigma(x, y, scale, shift, r)
      setWeights(r, sigma, phase, w)
      const [nextScale, nextShift] = weightedFit(x, y, w, options.fitShift)
      iterations++
      const change = (Math.abs(nextScale - scale) * xSize + Math.abs(nextShift - shift)) / ySize
      scale = nextScale
      shift = nextShift
      if (change < 1e-10) break
    }
  }
  sigma = residualSigma(x, y, scale, shift, r)
  const inlierMask = new Uint8Array(n)
  let inlierCount = 0
  const limit = TUKEY_C * sigma
  for (let i = 0; i < n; i++) {
    if (r[i] < limit || !(sigma > 0)) {
      inlierMask[i] = 1
      inlierCount++
    }
  }
  return { scale, shift, sigma, inlierMask, inlierCount, iterations }
}
