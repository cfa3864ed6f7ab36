/**
 * The per-frame field that click-to-segment grows over: usable depth per pixel, depth continuity,
 * and the lazily computed concavity score (see surfaceGrow.ts for why concavity separates objects).
 *
 * How concavity is measured: on a plane, inverse depth w = 1/z is affine in (u, v) (n·X + d = 0
 * with X = z·K⁻¹[u v 1]ᵀ ⇒ 1/z = −n·K⁻¹[u v 1]ᵀ / d), for any slant. So the second difference
 * w(p) − (w(p−j·e) + w(p+j·e))/2 is zero on planes, positive on convex ridges (the visible surface
 * of a convex solid is the farthest of its front-facing planes, so w is a minimum of affine
 * functions) and negative in valleys (a union shows the nearest surface: a maximum of affines).
 * We average it over the baselines j = 1..k: a kink then gives a tent and a small occluding step a
 * ramp, both deepest exactly at the crease, which is what the band growth relies on.
 *
 * A field is built once per frame and shared by every point prompt on it: scores depend only on
 * the frame, so a pixel scored for one prompt is free for the next. Hot loops read flat typed
 * arrays and allocate nothing per pixel.
 */
import type { DepthImage, Intrinsics } from '../types'
import { CHUNK, LineSums } from './lineSums'

export interface SurfaceGrowInput {
  depth: DepthImage // metres, 0/NaN invalid
  intrinsics: Intrinsics
  pointsInCamera: Float32Array // from backproject()
  pointOfPixel: Int32Array // −1 where no point
  /** 1 where the pixel may belong to an object: valid, not a flying pixel, not on the support plane. */
  isCandidate: Uint8Array
  relativeNoise: number // σ(z)/z of the frame
}

/** Steepest surface slope (tan of the angle between view ray and normal) still called continuous. */
const MAX_SLOPE = 3
/** Crease sharpness κ = Δ(relative depth slope per px)·f that must be found reliably; 90° box
 * creases seen from above give about 2. */
const CREASE_KAPPA = 1.5
/** A pixel is in a valley band when its concavity z-score is below −BAND_Z (≈0.1 % false alarms). */
export const BAND_Z = 3
/** Score of pixels where "no valley" is unproven (outlines, slivers): just inside the band. */
export const NO_EVIDENCE = -BAND_Z - 1e-3
/** (du, dv) pairs: rows, columns, both diagonals. */
const DIRECTIONS = [1, 0, 0, 1, 1, 1, 1, -1]

/** `state` bits: scored (score valid), in the current region, seen by a search; the last two are per prompt. */
export const SCORED = 1
export const IN_REGION = 2
export const SEEN = 4
export const MARKED = 8

export interface SurfaceField {
  width: number
  height: number
  /** Usable depth per pixel (candidate with a lifted point), 0 otherwise, metres. */
  z: Float32Array
  sigma: number
  /** Largest relative depth step between 4-neighbours still called continuous. */
  stepTol: number
  /** Concavity baseline, pixels. */
  k: number
  /** Concavity z-score per pixel, valid where `state` has SCORED. */
  score: Float32Array
  /** Bit flags per pixel (SCORED shared across prompts; the others cleared after each prompt). */
  state: Uint8Array
  /** Per direction of DIRECTIONS: running sums and continuity counts along image lines (lineSums.ts), on first use. */
  lines: (LineSums | null)[]
}

/** One pass over the frame; scores stay lazy (computed where a growth goes). */
export function createSurfaceField(input: SurfaceGrowInput): SurfaceField {
  const { width, height } = input.depth
  const { isCandidate, pointOfPixel, pointsInCamera } = input
  const z = new Float32Array(width * height)
  for (let pixel = 0; pixel < z.length; pixel++) {
    const point = pointOfPixel[pixel]
    if (isCandidate[pixel] !== 1 || point < 0) continue
    const depth = pointsInCamera[point * 3 + 2]
    if (depth > 0 && depth < Infinity) z[pixel] = depth
  }
  const sigma = Math.max(1e-3, input.relativeNoise || 0)
  const f = 0.5 * (input.intrinsics.fx + input.intrinsics.fy)
  // Neighbour steps: a surface of slope MAX_SLOPE moves z/f·MAX_SLOPE per pixel, and noise adds
  // σ·z·√2 to a difference of two pixels; 4σ keeps false cuts negligible.
  const stepTol = MAX_SLOPE / f + 4 * Math.SQRT2 * sigma
  // Baseline k from the noise: a crease of sharpness κ gives a mean second difference of
  // (κ/f)(k+1)/4 while its noise is ≈ 0.53σ (centre averaged over 5 px, sides over 2k samples).
  // Asking for 6σ_D at the crease (so the band has no gaps) gives k + 1 ≥ 12.7σf/κ.
  const k = Math.min(12, Math.max(3, Math.ceil((12.7 * sigma * f) / CREASE_KAPPA) - 1))
  return {
    width,
    height,
    z,
    sigma,
    stepTol,
    k,
    score: new Float32Array(width * height),
    state: new Uint8Array(width * height),
    lines: [null, null, null, null],
  }
}

/** Depth continuity between two usable pixels, relative to their depth (noise and slope scale with z). */
export function isContinuous(field: SurfaceField, a: number, b: number, factor = 1): boolean {
  const za = field.z[a]
  const zb = field.z[b]
  return za > 0 && zb > 0 && Math.abs(za - zb) <= field.stepTol * factor * (za < zb ? za : zb)
}

/**
 * Concavity z-score of a pixel: the most valley-like of four directions (rows, columns,
 * diagonals). Lazy and cached, so the cost stays proportional to the pixels the growths touch.
 */
export function concavity(field: SurfaceField, pixel: number): number {
  if (field.state[pixel] & SCORED) return field.score[pixel]
  const { width, height, z } = field
  const x = pixel % width
  const y = (pixel - x) / width
  // Centre: mean of w over the pixel and its continuous 4-neighbours (a plane's mean is its centre value).
  let sum = 1 / z[pixel]
  let n = 1
  if (x > 0 && isContinuous(field, pixel, pixel - 1)) {
    sum += 1 / z[pixel - 1]
    n++
  }
  if (x < width - 1 && isContinuous(field, pixel, pixel + 1)) {
    sum += 1 / z[pixel + 1]
    n++
  }
  if (y > 0 && isContinuous(field, pixel, pixel - width)) {
    sum += 1 / z[pixel - width]
    n++
  }
  if (y < height - 1 && isContinuous(field, pixel, pixel + width)) {
    sum += 1 / z[pixel + width]
    n++
  }
  const w0 = sum / n
  let best = 0
  let evidence = 0
  for (let d = 0; d < DIRECTIONS.length; d += 2) {
    const score = directionalScore(field, pixel, x, d, w0, n)
    if (score !== Infinity) evidence++
    if (score < best) best = score
  }
  // A crease of any orientation is crossed by at least 3 of the 4 directions. With fewer (object
  // outlines, grazing slivers) "no valley" is unproven: NO_EVIDENCE sits just inside the band, so
  // such pixels are never core and are claimed only straight from the core side.
  if (evidence < 3 && best >= -BAND_Z) best = NO_EVIDENCE
  field.score[pixel] = best
  field.state[pixel] |= SCORED
  return best
}

/**
 * Mean second difference of w over baselines 1..m along ±DIRECTIONS[d], relative, in noise units:
 * Σ_j (w0 − (w₋ⱼ + w₊ⱼ)/2) / m = w0 − (S₋ + S₊)/(2m), with S± the sums of w over the first m pixels
 * on each side; m is as far as both sides stay usable and depth-continuous, at most k.
 */
function directionalScore(
  field: SurfaceField,
  pixel: number,
  x: number,
  d: number,
  w0: number,
  n0: number,
): number {
  const lines = (field.lines[d >> 1] ??= new LineSums(field, DIRECTIONS[d], DIRECTIONS[d + 1]))
  const r = lines.locate(x, (pixel - x) / field.width)
  const behind = lines.counts[lines.at]
  const ahead = lines.counts[lines.at + CHUNK]
  const m = behind < ahead ? behind : ahead
  if (m === 0) return Infinity
  const sums = lines.pool
  const sideSums = sums[r] - sums[r - m] + (sums[r + m + 1] - sums[r + 1])
  const sum = m * w0 - 0.5 * sideSums
  // var(centre mean) = σ²/n0; var(mean of m side pairs) = σ²/(2m) (relative noise of w = σ).
  return sum / m / w0 / (field.sigma * Math.sqrt(1 / n0 + 1 / (2 * m)))
}
