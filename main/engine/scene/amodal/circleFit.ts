/**
 * Circle fit to points in the plane (world xy, metres): the footprint of a roughly vertical cylinder (mug, bottle,
 * can) from the arc of its wall that the camera sees. Pure TypeScript.
 */

import { medianAbs, medianInPlace, selectInPlace } from './selectMedian'

/** A fitted circle and how well the points support it. Centre and radius in the points' frame, metres. */
export interface CircleFit {
  centerX: number
  centerY: number
  radiusM: number
  /** Fraction of points within the inlier band of the circle. */
  inlierFraction: number
  /** Median |distance to the circle|, metres, over all points. */
  medianResidualM: number
  /** Angular span of the inliers about the centre (2π minus the largest empty gap), radians. */
  arcSpanRad: number
  /** Mean direction of the inliers from the centre (unit vector): where the visible arc faces. */
  arcDirection: [number, number]
}

/** Tukey biweight refinement iterations: the algebraic start is close, a few Gauss–Newton steps suffice. */
const REFINE_ITERATIONS = 8

/**
 * Algebraic (Kåsa) fit, then a robust geometric refinement: Gauss–Newton on the point-to-circle distance with
 * Tukey biweights, so a mug handle or a stray point does not pull the circle.
 *
 * @param xy interleaved x, y (metres).
 * @param inlierBandM distance to the circle within which a point counts as an inlier (noise scale).
 * @returns null when there are fewer than 5 points or the fit is degenerate (collinear points).
 */
export function fitCircle(xy: Float64Array, inlierBandM: number): CircleFit | null {
  const n = xy.length / 2
  if (n < 5) return null
  const start = trimmedAlgebraicCircle(xy)
  if (!start) return null
  let [cx, cy, r] = start
  for (let iteration = 0; iteration < REFINE_ITERATIONS; iteration++) {
    const next = refineStep(xy, cx, cy, r, inlierBandM)
    if (!next) break
    const moved = Math.hypot(next[0] - cx, next[1] - cy) + Math.abs(next[2] - r)
    ;[cx, cy, r] = next
    if (moved < 1e-5) break
  }
  if (!(r > 0) || !Number.isFinite(r)) return null
  return describeFit(xy, cx, cy, r, inlierBandM)
}

/** Trimming rounds of the algebraic start, each keeping this share of the points nearest the last circle. */
const TRIM_ROUNDS = 3
const TRIM_KEEP = 0.75

/**
 * Algebraic start that a cluster off the circle (a mug handle) cannot drag: fit, keep the 75 % of the points
 * nearest the circle, refit, three times. The robust geometric refinement then uses every point again.
 */
function trimmedAlgebraicCircle(xy: Float64Array): [number, number, number] | null {
  let circle = algebraicCircle(xy)
  const n = xy.length / 2
  const residuals = new Float64Array(n)
  for (let round = 0; round < TRIM_ROUNDS && circle; round++) {
    const [cx, cy, r] = circle
    for (let i = 0; i < n; i++) {
      const dx = xy[i * 2] - cx
      const dy = xy[i * 2 + 1] - cy
      residuals[i] = Math.abs(Math.sqrt(dx * dx + dy * dy) - r)
    }
    const cut = selectInPlace(Float64Array.from(residuals), TRIM_KEEP * (n - 1))
    const kept: number[] = []
    for (let i = 0; i < n; i++) if (residuals[i] <= cut) kept.push(xy[i * 2], xy[i * 2 + 1])
    if (kept.length < 10) break
    circle = algebraicCircle(Float64Array.from(kept)) ?? circle
  }
  return circle
}

/** Kåsa: least squares of x² + y² + D·x + E·y + F = 0 (normal equations, 3×3), centred for conditioning. */
function algebraicCircle(xy: Float64Array): [number, number, number] | null {
  const n = xy.length / 2
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xy[i * 2]
    my += xy[i * 2 + 1]
  }
  mx /= n
  my /= n
  let sxx = 0,
    sxy = 0,
    syy = 0,
    sx = 0,
    sy = 0,
    sxz = 0,
    syz = 0,
    sz = 0
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2] - mx
    const y = xy[i * 2 + 1] - my
    const z = x * x + y * y
    sxx += x * x
    sxy += x * y
    syy += y * y
    sx += x
    sy += y
    sxz += x * z
    syz += y * z
    sz += z
  }
  // [sxx sxy sx; sxy syy sy; sx sy n] · [D E F]ᵀ = −[sxz syz sz]ᵀ
  const a = [sxx, sxy, sx, sxy, syy, sy, sx, sy, n]
  const b = [-sxz, -syz, -sz]
  const solution = solve3(a, b)
  if (!solution) return null
  const [d, e, f] = solution
  const cx = -d / 2
  const cy = -e / 2
  const r2 = cx * cx + cy * cy - f
  if (!(r2 > 0)) return null
  return [cx + mx, cy + my, Math.sqrt(r2)]
}

/** One weighted Gauss–Newton step on residuals ρᵢ = |pᵢ − c| − r with Tukey weights (scale from the MAD). */
function refineStep(
  xy: Float64Array,
  cx: number,
  cy: number,
  r: number,
  bandM: number,
): [number, number, number] | null {
  const n = xy.length / 2
  const residuals = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const dx = xy[i * 2] - cx
    const dy = xy[i * 2 + 1] - cy
    residuals[i] = Math.sqrt(dx * dx + dy * dy) - r
  }
  const mad = medianAbs(residuals)
  // Tukey's c = 4.685 σ with σ from the MAD, never tighter than the noise band.
  const c = 4.685 * Math.max(bandM / 2.5, 1.4826 * mad)
  const h = new Float64Array(9)
  const g = new Float64Array(3)
  const j = [0, 0, -1]
  for (let i = 0; i < n; i++) {
    const dx = xy[i * 2] - cx
    const dy = xy[i * 2 + 1] - cy
    // Math.sqrt, not Math.hypot: this is the hot loop, and hypot's overflow care is slow in V8.
    const dist = Math.sqrt(dx * dx + dy * dy)
    if (dist < 1e-12) continue
    const u = residuals[i] / c
    if (Math.abs(u) >= 1) continue
    const w = (1 - u * u) ** 2
    // ∂ρ/∂(cx, cy, r) = (−dx/dist, −dy/dist, −1)
    j[0] = -dx / dist
    j[1] = -dy / dist
    for (let p = 0; p < 3; p++) {
      g[p] += w * j[p] * residuals[i]
      for (let q = 0; q < 3; q++) h[p * 3 + q] += w * j[p] * j[q]
    }
  }
  const step = solve3(Array.from(h), [-g[0], -g[1], -g[2]])
  if (!step) return null
  return [cx + step[0], cy + step[1], r + step[2]]
}

function describeFit(
  xy: Float64Array,
  cx: number,
  cy: number,
  r: number,
  bandM: number,
): CircleFit {
  const n = xy.length / 2
  const absResiduals = new Float64Array(n)
  const angles: number[] = []
  let sumX = 0
  let sumY = 0
  for (let i = 0; i < n; i++) {
    const dx = xy[i * 2] - cx
    const dy = xy[i * 2 + 1] - cy
    const dist = Math.sqrt(dx * dx + dy * dy)
    absResiduals[i] = Math.abs(dist - r)
    if (absResiduals[i] <= bandM && dist > 0) {
      angles.push(Math.atan2(dy, dx))
      sumX += dx / dist
      sumY += dy / dist
    }
  }
  const norm = Math.hypot(sumX, sumY)
  return {
    centerX: cx,
    centerY: cy,
    radiusM: r,
    inlierFraction: angles.length / n,
    medianResidualM: medianInPlace(absResiduals),
    arcSpanRad: angularSpan(angles),
    arcDirection: norm > 0 ? [sumX / norm, sumY / norm] : [0, 0],
  }
}

/** 2π minus the largest gap between consecutive angles: how much of the circle the points cover. */
export function angularSpan(angles: number[]): number {
  if (angles.length < 2) return 0
  const sorted = [...angles].sort((a, b) => a - b)
  let largestGap = sorted[0] + 2 * Math.PI - sorted[sorted.length - 1]
  for (let i = 1; i < sorted.length; i++)
    largestGap = Math.max(largestGap, sorted[i] - sorted[i - 1])
  return 2 * Math.PI - largestGap
}

/** Solves a 3×3 system (row-major) by Cramer's rule; null when singular. */
function solve3(a: number[], b: number[]): [number, number, number] | null {
  const det = (m: number[]): number =>
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6])
  const d = det(a)
  const scale = Math.max(...a.map(Math.abs))
  if (!(Math.abs(d) > 1e-14 * scale ** 3)) return null
  const out: number[] = []
  for (let col = 0; col < 3; col++) {
    const m = [...a]
    for (let row = 0; row < 3; row++) m[row * 3 + col] = b[row]
    out.push(det(m) / d)
  }
  return [out[0], out[1], out[2]]
}
