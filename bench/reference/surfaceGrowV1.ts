/** The click-to-segment growth before the shared per-frame field (kept as the bench reference for bench/prompts.js). */
/**
 * Click-to-segment: grows the surface of the object under one clicked pixel, split from the
 * objects it touches at depth steps and at concave creases.
 *
 * Why concavity: touching convex objects form a union, and where two visible surfaces of a union
 * meet with continuous depth, the crease is concave (a valley seen from the camera), while a single
 * convex object only has convex creases (a box's edges, a can's rim). So "grow across smooth and
 * convex, stop at steps and valleys" returns one object, not the pile. Coplanar flush faces
 * (two equal boxes pressed face to face) have no geometric cue at all and stay merged.
 *
 * How concavity is measured: on a plane, inverse depth w = 1/z is affine in (u, v) (n·X + d = 0
 * with X = z·K⁻¹[u v 1]ᵀ ⇒ 1/z = −n·K⁻¹[u v 1]ᵀ / d), for any slant. So the second difference
 * w(p) − (w(p−j·e) + w(p+j·e))/2 is zero on planes, positive on convex ridges (the visible surface
 * of a convex solid is the farthest of its front-facing planes, so w is a minimum of affine
 * functions) and negative in valleys (a union shows the nearest surface: a maximum of affines).
 * We average it over the baselines j = 1..k: a kink then gives a tent and a small occluding step a
 * ramp, both deepest exactly at the crease, which is what the band growth below relies on.
 *
 * Stages: snap the click to a usable pixel; find a solid core pixel on the clicked side of any
 * crease; grow the core over continuous non-valley pixels; claim our half of each valley band;
 * fill one-pixel pockets. Work is proportional to the region (scores are computed lazily).
 */
import type { DepthImage, Intrinsics } from '../../main/engine/types'

export interface SurfaceGrowInput {
  depth: DepthImage // metres, 0/NaN invalid
  intrinsics: Intrinsics
  pointsInCamera: Float32Array // from backproject()
  pointOfPixel: Int32Array // −1 where no point
  /** 1 where the pixel may belong to an object: valid, not a flying pixel, not on the support plane. */
  isCandidate: Uint8Array
  relativeNoise: number // σ(z)/z of the frame
}

/** A click this close (pixels) to an object still selects it. */
const SNAP_RADIUS_PX = 6
/** Steepest surface slope (tan of the angle between view ray and normal) still called continuous. */
const MAX_SLOPE = 3
/** Crease sharpness κ = Δ(relative depth slope per px)·f that must be found reliably; 90° box
 * creases seen from above give about 2. */
const CREASE_KAPPA = 1.5
/** A pixel is in a valley band when its concavity z-score is below −BAND_Z (≈0.1 % false alarms). */
const BAND_Z = 3
const LEVEL_DROPS = [0, 1, 2, 4, 8, 16, Infinity]
const NO_EVIDENCE = -BAND_Z - 1e-3
const DIRECTIONS = [1, 0, 0, 1, 1, 1, 1, -1] // (du, dv) pairs: rows, columns, both diagonals
const NEIGHBOURS = [1, 0, -1, 0, 0, 1, 0, -1]

const IN_REGION = 1
const SCORED = 2
const SEEN = 4

interface Context {
  input: SurfaceGrowInput
  width: number
  height: number
  sigma: number
  stepTol: number
  k: number
  /** Concavity z-score per pixel, valid where `state` has SCORED. */
  score: Float32Array
  /** Bit flags per pixel: IN_REGION, SCORED, SEEN (seed search scratch). */
  state: Uint8Array
  /** Inverse depths along −direction (first k) and +direction (last k) of the pixel being scored. */
  samples: Float64Array
}

/** Pixel indices (row-major) of the object surface under (u, v); empty when nothing usable is near the click. */
export function growSurfaceFromPoint(input: SurfaceGrowInput, u: number, v: number): Uint32Array {
  if (!Number.isFinite(u) || !Number.isFinite(v)) return new Uint32Array(0)
  const ctx = createContext(input)
  const clicked = nearestPixel(ctx, Math.round(u), Math.round(v))
  if (clicked < 0) return new Uint32Array(0)
  // Levels in noise units below the click's score; a tiny object with no solid core keeps the click.
  let seed = -1
  for (let i = 0; i < LEVEL_DROPS.length && seed < 0; i++) {
    seed = findCore(ctx, clicked, concavity(ctx, clicked) - LEVEL_DROPS[i])
  }
  if (seed < 0) seed = clicked
  const region = new Uint32Array(ctx.width * ctx.height)
  region[0] = seed
  ctx.state[seed] |= IN_REGION
  let count = grow(ctx, region, 1, 'core')
  count = grow(ctx, region, count, 'band')
  count = fillPockets(ctx, region, count)
  return region.slice(0, count).sort()
}

/** Scratch arrays are allocated zeroed (no per-pixel pass); everything else is computed lazily. */
function createContext(input: SurfaceGrowInput): Context {
  const { width, height } = input.depth
  const sigma = Math.max(1e-3, input.relativeNoise || 0)
  const f = 0.5 * (input.intrinsics.fx + input.intrinsics.fy)
  // Neighbour steps: a surface of slope MAX_SLOPE moves z/f·MAX_SLOPE per pixel, and noise adds
  // σ·z·√2 to a difference of two pixels; 4σ keeps false cuts negligible.
  const stepTol = MAX_SLOPE / f + 4 * Math.SQRT2 * sigma
  // Baseline k from the noise: a crease of sharpness κ gives a mean second difference of
  // (κ/f)(k+1)/4 while its noise is ≈ 0.53σ (centre averaged over 5 px, sides over 2k samples).
  // Asking for 6σ_D at the crease (so the band has no gaps) gives k + 1 ≥ 12.7σf/κ.
  const k = Math.min(12, Math.max(3, Math.ceil((12.7 * sigma * f) / CREASE_KAPPA) - 1))
  const [score, state] = [new Float32Array(width * height), new Uint8Array(width * height)]
  return { input, width, height, sigma, stepTol, k, score, state, samples: new Float64Array(2 * k) }
}

/** Depth of a usable pixel (candidate with a lifted point), 0 otherwise. */
function depthAt(ctx: Context, pixel: number): number {
  const { isCandidate, pointOfPixel, pointsInCamera } = ctx.input
  const point = pointOfPixel[pixel]
  if (isCandidate[pixel] !== 1 || point < 0) return 0
  const z = pointsInCamera[point * 3 + 2]
  return z > 0 && z < Infinity ? z : 0
}

/** Depth continuity between two usable pixels, relative to their distance (noise and slope scale with z). */
function continuous(ctx: Context, a: number, b: number, factor = 1): boolean {
  const za = depthAt(ctx, a)
  const zb = depthAt(ctx, b)
  return Math.abs(za - zb) <= ctx.stepTol * factor * Math.min(za, zb)
}

/** The clicked pixel, or the nearest usable one within SNAP_RADIUS_PX; −1 if none. */
function nearestPixel(ctx: Context, u: number, v: number): number {
  const r = SNAP_RADIUS_PX
  let best = -1
  let bestDistance = r * r + 1
  for (let y = Math.max(0, v - r); y <= Math.min(ctx.height - 1, v + r); y++) {
    for (let x = Math.max(0, u - r); x <= Math.min(ctx.width - 1, u + r); x++) {
      const distance = (x - u) ** 2 + (y - v) ** 2
      if (distance < bestDistance && depthAt(ctx, y * ctx.width + x) > 0) {
        best = y * ctx.width + x
        bestDistance = distance
      }
    }
  }
  return best
}

/**
 * Concavity z-score of a pixel: the most valley-like of four directions (rows, columns,
 * diagonals). Lazy and cached, so the cost stays proportional to the pixels the growth touches.
 */
function concavity(ctx: Context, pixel: number): number {
  if (ctx.state[pixel] & SCORED) return ctx.score[pixel]
  // Centre: mean of w over the pixel and its continuous 4-neighbours (a plane's mean is its centre value).
  let sum = 1 / depthAt(ctx, pixel)
  let n = 1
  forEachNeighbour(ctx, pixel, (q) => {
    if (depthAt(ctx, q) > 0 && continuous(ctx, pixel, q)) {
      sum += 1 / depthAt(ctx, q)
      n++
    }
  })
  const w0 = sum / n
  let best = 0
  let evidence = 0
  for (let d = 0; d < DIRECTIONS.length; d += 2) {
    const score = directionalScore(ctx, pixel, d, w0, n)
    if (score !== Infinity) evidence++
    if (score < best) best = score
  }
  // A crease of any orientation is crossed by at least 3 of the 4 directions. With fewer (object
  // outlines, grazing slivers) "no valley" is unproven: NO_EVIDENCE sits just inside the band, so
  // such pixels are never core and are claimed only straight from the core side.
  if (evidence < 3 && best >= -BAND_Z) best = NO_EVIDENCE
  ctx.score[pixel] = best
  ctx.state[pixel] |= SCORED
  return best
}

/** Mean second difference of w over baselines 1..m along ±DIRECTIONS[d], relative, in noise units. */
function directionalScore(ctx: Context, pixel: number, d: number, w0: number, n0: number): number {
  const { k, samples } = ctx
  const m = Math.min(walk(ctx, pixel, d, -1, 0), walk(ctx, pixel, d, 1, k))
  if (m === 0) return Infinity
  let sum = 0
  for (let j = 0; j < m; j++) sum += w0 - 0.5 * (samples[j] + samples[k + j])
  // var(centre mean) = σ²/n0; var(mean of m side pairs) = σ²/(2m) (relative noise of w = σ).
  return sum / m / w0 / (ctx.sigma * Math.sqrt(1 / n0 + 1 / (2 * m)))
}

/** Stores w along a ray of pixels into samples[offset…] while usable and depth-continuous; count. */
function walk(ctx: Context, pixel: number, d: number, sign: number, offset: number): number {
  const [du, dv] = [sign * DIRECTIONS[d], sign * DIRECTIONS[d + 1]]
  const factor = du !== 0 && dv !== 0 ? Math.SQRT2 : 1 // diagonal steps are √2 longer
  let x = pixel % ctx.width
  let y = (pixel - x) / ctx.width
  let previous = pixel
  let n = 0
  while (n < ctx.k) {
    x += du
    y += dv
    if (x < 0 || y < 0 || x >= ctx.width || y >= ctx.height) break
    const next = y * ctx.width + x
    const z = depthAt(ctx, next)
    if (z <= 0 || !continuous(ctx, previous, next, factor)) break
    ctx.samples[offset + n++] = 1 / z
    previous = next
  }
  return n
}

function forEachNeighbour(ctx: Context, pixel: number, visit: (q: number) => void): void {
  const x = pixel % ctx.width
  const y = (pixel - x) / ctx.width
  for (let i = 0; i < NEIGHBOURS.length; i += 2) {
    const qx = x + NEIGHBOURS[i]
    const qy = y + NEIGHBOURS[i + 1]
    if (qx >= 0 && qy >= 0 && qx < ctx.width && qy < ctx.height) visit(qy * ctx.width + qx)
  }
}

/**
 * Solid core pixel nearest the click (breadth first over depth-continuous pixels) among those
 * reachable without dipping below `level`; −1 if none. A click inside a valley band (near a crease)
 * must not start the core at a band pixel, and a flood above a level set is the watershed answer
 * to "which side of the crease": the caller lowers the level from the click's own score until a
 * core appears, so the core behind the shallowest crossing wins and a noise dip at the click costs
 * one step. Outline pixels (no evidence) are not followed: they run along to the neighbours.
 */
function findCore(ctx: Context, seed: number, level: number): number {
  if (isSolidCore(ctx, seed)) return seed
  const queue = new Int32Array((4 * ctx.k + 1) ** 2)
  let tail = 1
  let found = -1
  queue[0] = seed
  ctx.state[seed] |= SEEN
  for (let head = 0; head < tail && found < 0; head++) {
    const p = queue[head]
    if (concavity(ctx, p) === NO_EVIDENCE && p !== seed) continue
    forEachNeighbour(ctx, p, (q) => {
      if (found >= 0 || tail === queue.length || ctx.state[q] & SEEN || depthAt(ctx, q) <= 0) return
      if (!continuous(ctx, p, q) || concavity(ctx, q) < level) return
      ctx.state[q] |= SEEN
      queue[tail++] = q
      if (isSolidCore(ctx, q)) found = q
    })
  }
  for (let i = 0; i < tail; i++) ctx.state[queue[i]] &= ~SEEN
  return found
}

function isSolidCore(ctx: Context, pixel: number): boolean {
  const x = pixel % ctx.width
  const y = (pixel - x) / ctx.width
  if (x < 1 || y < 1 || x >= ctx.width - 1 || y >= ctx.height - 1) return false
  for (let dv = -1; dv <= 1; dv++) {
    for (let du = -1; du <= 1; du++) {
      const q = pixel + dv * ctx.width + du
      if (depthAt(ctx, q) <= 0 || !continuous(ctx, pixel, q) || concavity(ctx, q) < -BAND_Z)
        return false
    }
  }
  return true
}

/**
 * Breadth-first growth; `region` doubles as the queue. 'core' crosses only depth-continuous,
 * non-valley pixels, so a neighbour behind a valley band is never reached. 'band' then claims the
 * band pixels on our side of each crease, watershed style: a step must go deeper into the valley
 * (score not rising), so it climbs to the crease line and stops there, never descending the
 * neighbour's slope. Growth only ever adds band pixels here, never the neighbour's core.
 */
function grow(ctx: Context, region: Uint32Array, count: number, phase: 'core' | 'band'): number {
  let tail = count
  for (let head = 0; head < tail; head++) {
    const p = region[head]
    const scoreP = phase === 'band' ? concavity(ctx, p) : 0
    if (scoreP === NO_EVIDENCE) continue // outline pixels are leaves: they run along to neighbours
    forEachNeighbour(ctx, p, (q) => {
      if (ctx.state[q] & IN_REGION || depthAt(ctx, q) <= 0 || !continuous(ctx, p, q)) return
      const score = concavity(ctx, q)
      const inBand = score < -BAND_Z
      if (phase === 'core' ? inBand : !inBand || score > scoreP) return
      ctx.state[q] |= IN_REGION
      region[tail++] = q
    })
  }
  return tail
}

/** Adds usable pixels with at least 3 of 4 neighbours in the region (noise pockets); one pass. */
function fillPockets(ctx: Context, region: Uint32Array, count: number): number {
  let tail = count
  for (let i = 0; i < count; i++) {
    const p = region[i]
    forEachNeighbour(ctx, p, (q) => {
      if (ctx.state[q] & IN_REGION || depthAt(ctx, q) <= 0 || !continuous(ctx, p, q)) return
      let inside = 0
      forEachNeighbour(ctx, q, (r) => {
        inside += ctx.state[r] & IN_REGION
      })
      if (inside < 3) return
      ctx.state[q] |= IN_REGION
      region[tail++] = q
    })
  }
  return tail
}
