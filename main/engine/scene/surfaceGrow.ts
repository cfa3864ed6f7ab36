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
 */
import type { DepthImage, Intrinsics } from '../types'

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
const NO_EVIDENCE = -BAND_Z - 1e-3
const DIRECTIONS = [1, 0, 0, 1, 1, 1, 1, -1] // (du, dv) pairs: rows, columns, both diagonals
const NEIGHBOURS = [1, 0, -1, 0, 0, 1, 0, -1]

interface Context {
  width: number
  height: number
  z: Float32Array // depth of usable pixels, 0 elsewhere
  sigma: number
  stepTol: number
  k: number
  score: Float32Array // concavity z-score per pixel, NaN until computed
  inRegion: Uint8Array
  minus: Float64Array
  plus: Float64Array
}

/** Pixel indices (row-major) of the object surface under (u, v); empty when nothing usable is near the click. */
export function growSurfaceFromPoint(input: SurfaceGrowInput, u: number, v: number): Uint32Array {
  const ctx = createContext(input)
  const clicked = nearestPixel(ctx, Math.round(u), Math.round(v))
  if (clicked < 0) return new Uint32Array(0)
  // No solid core up the valley: the click hit an outline or a grazing sliver with no surface around
  // it to test; take the nearest solid core connected to it, or, for a tiny object, the click itself.
  let seed = findCore(ctx, clicked, true)
  if (seed < 0) seed = findCore(ctx, clicked, false)
  if (seed < 0) seed = clicked
  const region = new Uint32Array(ctx.width * ctx.height)
  region[0] = seed
  ctx.inRegion[seed] = 1
  let count = grow(ctx, region, 1, 'core')
  count = grow(ctx, region, count, 'band')
  count = fillPockets(ctx, region, count)
  return region.slice(0, count).sort()
}

function createContext(input: SurfaceGrowInput): Context {
  const { width, height } = input.depth
  const z = new Float32Array(width * height)
  for (let i = 0; i < z.length; i++) {
    const point = input.pointOfPixel[i]
    const depth = point >= 0 ? input.pointsInCamera[point * 3 + 2] : 0
    if (input.isCandidate[i] === 1 && depth > 0 && depth < Infinity) z[i] = depth
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
  const score = new Float32Array(width * height).fill(Number.NaN)
  const scratch = () => new Float64Array(k)
  return { width, height, z, sigma, stepTol, k, score, inRegion: new Uint8Array(width * height), minus: scratch(), plus: scratch() }
}

/** Depth continuity between two usable pixels, relative to their distance (noise and slope scale with z). */
function continuous(ctx: Context, a: number, b: number, factor = 1): boolean {
  const za = ctx.z[a]
  const zb = ctx.z[b]
  return Math.abs(za - zb) <= ctx.stepTol * factor * Math.min(za, zb)
}

/** The clicked pixel, or the nearest usable one within SNAP_RADIUS_PX; −1 if none. */
function nearestPixel(ctx: Context, u: number, v: number): number {
  let best = -1
  let bestDistance = Infinity
  for (let dv = -SNAP_RADIUS_PX; dv <= SNAP_RADIUS_PX; dv++) {
    for (let du = -SNAP_RADIUS_PX; du <= SNAP_RADIUS_PX; du++) {
      const x = u + du
      const y = v + dv
      const distance = du * du + dv * dv
      if (x < 0 || y < 0 || x >= ctx.width || y >= ctx.height || distance > SNAP_RADIUS_PX ** 2) continue
      if (distance < bestDistance && ctx.z[y * ctx.width + x] > 0) {
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
  const cached = ctx.score[pixel]
  if (!Number.isNaN(cached)) return cached
  // Centre: mean of w over the pixel and its continuous 4-neighbours (a plane's mean is its centre value).
  let sum = 1 / ctx.z[pixel]
  let n = 1
  forEachNeighbour(ctx, pixel, (q) => {
    if (ctx.z[q] > 0 && continuous(ctx, pixel, q)) {
      sum += 1 / ctx.z[q]
      n++
    }
  })
  const w0 = sum / n
  let best = 0
  let evidence = 0
  for (let d = 0; d < DIRECTIONS.length; d += 2) {
    const score = directionalScore(ctx, pixel, DIRECTIONS[d], DIRECTIONS[d + 1], w0, n)
    if (score !== Infinity) evidence++
    if (score < best) best = score
  }
  // A crease of any orientation is crossed by at least 3 of the 4 directions. With fewer (object
  // outlines, grazing slivers) "no valley" is unproven: NO_EVIDENCE sits just inside the band, so
  // such pixels are never core and are claimed only straight from the core side.
  if (evidence < 3 && best >= -BAND_Z) best = NO_EVIDENCE
  ctx.score[pixel] = best
  return best
}

/** Mean second difference of w over baselines 1..m along ±(du, dv), relative, in noise units. */
function directionalScore(ctx: Context, pixel: number, du: number, dv: number, w0: number, n0: number): number {
  const factor = du !== 0 && dv !== 0 ? Math.SQRT2 : 1
  const m = Math.min(walk(ctx, pixel, -du, -dv, factor, ctx.minus), walk(ctx, pixel, du, dv, factor, ctx.plus))
  if (m === 0) return Infinity
  let sum = 0
  for (let j = 0; j < m; j++) sum += w0 - 0.5 * (ctx.minus[j] + ctx.plus[j])
  // var(centre mean) = σ²/n0; var(mean of m side pairs) = σ²/(2m) (relative noise of w = σ).
  return sum / m / w0 / (ctx.sigma * Math.sqrt(1 / n0 + 1 / (2 * m)))
}

/** Collects w along a ray of pixels while they stay usable and depth-continuous; returns the count. */
function walk(ctx: Context, pixel: number, du: number, dv: number, factor: number, out: Float64Array): number {
  let x = pixel % ctx.width
  let y = (pixel - x) / ctx.width
  let previous = pixel
  let n = 0
  while (n < ctx.k) {
    x += du
    y += dv
    if (x < 0 || y < 0 || x >= ctx.width || y >= ctx.height) break
    const next = y * ctx.width + x
    if (ctx.z[next] <= 0 || !continuous(ctx, previous, next, factor)) break
    out[n++] = 1 / ctx.z[next]
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
 * A click inside a valley band (near a crease) would start the core at a band pixel: search, breadth
 * first over depth-continuous pixels, the nearest solid core pixel. `monotone` steps only where the
 * score does not fall (out of the valley, the mirror of the band growth), so the search stays on
 * the clicked side of the crease; outlines (no evidence) are not followed, they lead to neighbours.
 * Solid = its whole 3×3 neighbourhood is continuous and outside any band: single non-band pixels
 * inside a band (a curved surface's convexity can mask the valley there) would seed nothing.
 */
function findCore(ctx: Context, seed: number, monotone: boolean): number {
  if (isSolidCore(ctx, seed)) return seed
  const queue = new Int32Array((4 * ctx.k + 1) ** 2)
  let tail = 1
  let found = -1
  queue[0] = seed
  ctx.inRegion[seed] = 1
  for (let head = 0; head < tail && found < 0; head++) {
    const p = queue[head]
    const scoreP = concavity(ctx, p)
    if (monotone && scoreP === NO_EVIDENCE && p !== seed) continue
    forEachNeighbour(ctx, p, (q) => {
      if (found >= 0 || tail === queue.length || ctx.inRegion[q] === 1 || ctx.z[q] <= 0) return
      if (!continuous(ctx, p, q) || (monotone && concavity(ctx, q) < scoreP)) return
      ctx.inRegion[q] = 1
      queue[tail++] = q
      if (isSolidCore(ctx, q)) found = q
    })
  }
  for (let i = 0; i < tail; i++) ctx.inRegion[queue[i]] = 0
  return found
}

function isSolidCore(ctx: Context, pixel: number): boolean {
  const x = pixel % ctx.width
  const y = (pixel - x) / ctx.width
  if (x < 1 || y < 1 || x >= ctx.width - 1 || y >= ctx.height - 1) return false
  for (let dv = -1; dv <= 1; dv++) {
    for (let du = -1; du <= 1; du++) {
      const q = pixel + dv * ctx.width + du
      if (ctx.z[q] <= 0 || !continuous(ctx, pixel, q) || concavity(ctx, q) < -BAND_Z) return false
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
    forEachNeighbour(ctx, p, (q) => {
      if (ctx.inRegion[q] === 1 || ctx.z[q] <= 0 || !continuous(ctx, p, q)) return
      const score = concavity(ctx, q)
      const inBand = score < -BAND_Z
      if (phase === 'core' ? inBand : !inBand || score > scoreP) return
      if (score === NO_EVIDENCE && scoreP < -BAND_Z) return // outlines: straight from the core only
      ctx.inRegion[q] = 1
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
      if (ctx.inRegion[q] === 1 || ctx.z[q] <= 0 || !continuous(ctx, p, q)) return
      let inside = 0
      forEachNeighbour(ctx, q, (r) => {
        inside += ctx.inRegion[r]
      })
      if (inside < 3) return
      ctx.inRegion[q] = 1
      region[tail++] = q
    })
  }
  return tail
}
export function __debugScores(input: SurfaceGrowInput, u0: number, v0: number, r: number): string {
  const ctx = createContext(input)
  const lines: string[] = [`k=${ctx.k} stepTol=${ctx.stepTol}`]
  for (let v = v0 - r; v <= v0 + r; v++) {
    let line = ''
    for (let u = u0 - r * 2; u <= u0 + r * 2; u++) {
      const p = v * ctx.width + u
      line += ctx.z[p] > 0 ? concavity(ctx, p).toFixed(0).padStart(4) : '   .'
    }
    lines.push(line)
  }
  return lines.join('\n')
}
export function __debugPixel(input: SurfaceGrowInput, u: number, v: number): string {
  const ctx = createContext(input)
  const p = v * ctx.width + u
  const out: string[] = []
  const zs: string[] = []
  for (let du = -8; du <= 8; du++) zs.push((ctx.z[p + du] * 1000).toFixed(1))
  out.push('z row: ' + zs.join(' '))
  const zc: string[] = []
  for (let dv = -8; dv <= 8; dv++) zc.push((ctx.z[p + dv * ctx.width] * 1000).toFixed(1))
  out.push('z col: ' + zc.join(' '))
  for (let d = 0; d < DIRECTIONS.length; d += 2) {
    const factor = DIRECTIONS[d] !== 0 && DIRECTIONS[d + 1] !== 0 ? Math.SQRT2 : 1
    const a = walk(ctx, p, -DIRECTIONS[d], -DIRECTIONS[d + 1], factor, ctx.minus)
    const b = walk(ctx, p, DIRECTIONS[d], DIRECTIONS[d + 1], factor, ctx.plus)
    out.push(`dir ${DIRECTIONS[d]},${DIRECTIONS[d + 1]} minus ${a} plus ${b} score ${directionalScore(ctx, p, DIRECTIONS[d], DIRECTIONS[d + 1], 1 / ctx.z[p], 1)}`)
  }
  out.push('concavity ' + concavity(ctx, p))
  return out.join('\n')
}
