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
 * (How it is measured: surfaceScore.ts.)
 *
 * Containers: the inside of a bowl or a cup is a valley everywhere, so a click on its floor grows
 * the floor alone. But a convex object always shows a silhouette (a depth step or the table) on its
 * outline, while a container's floor is enclosed by its own inner wall with continuous depth all
 * round. An enclosed region therefore climbs out through the valley ring around it to the rim and
 * grows the container from there.
 *
 * Stages: snap the click to a usable pixel; find a solid core pixel on the clicked side of any
 * crease; grow the core over continuous non-valley pixels; claim our half of each valley band;
 * fill one-pixel pockets; climb out of an enclosed basin. Work is proportional to the region.
 */
import {
  BAND_Z,
  concavity,
  createSurfaceField,
  IN_REGION,
  isContinuous,
  MARKED,
  NO_EVIDENCE,
  SEEN,
  type SurfaceField,
  type SurfaceGrowInput,
} from './surfaceScore'

export type { SurfaceGrowInput } from './surfaceScore'

/** A click this close (pixels) to an object still selects it. */
export const SNAP_RADIUS_PX = 6
/** Filtered (flying) pixels an occluding edge may leave between a surface and its occluder. */
const OCCLUDER_GAP_PX = 3
const LEVEL_DROPS = [0, 1, 2, 4, 8, 16, Infinity]

/**
 * Pixel indices (row-major, ascending) of the object surface under (u, v); empty when nothing
 * usable is near the click. Pass the frame's `field` (createSurfaceField) when several prompts
 * share a frame: scores computed for one are reused by the next.
 */
export function growSurfaceFromPoint(
  input: SurfaceGrowInput,
  u: number,
  v: number,
  field: SurfaceField = createSurfaceField(input),
): Uint32Array {
  if (!Number.isFinite(u) || !Number.isFinite(v)) return new Uint32Array(0)
  const clicked = nearestPixel(field, Math.round(u), Math.round(v))
  if (clicked < 0) return new Uint32Array(0)
  // Levels in noise units below the click's score; a tiny object with no solid core keeps the click.
  let seed = -1
  for (let i = 0; i < LEVEL_DROPS.length && seed < 0; i++) {
    seed = findCore(field, clicked, concavity(field, clicked) - LEVEL_DROPS[i])
  }
  if (seed < 0) seed = clicked
  const region = new Regions(field)
  region.add(seed)
  grow(field, region, 0, 'core')
  grow(field, region, 0, 'band')
  fillPockets(field, region)
  if (isEnclosed(field, region)) climbOutOfBasin(field, region)
  const out = region.pixels.slice(0, region.count).sort()
  for (let i = 0; i < region.count; i++) field.state[region.pixels[i]] &= ~IN_REGION
  return out
}

/** The growing region: its pixels in insertion order (also the breadth-first queue). */
class Regions {
  pixels: Uint32Array
  count = 0
  constructor(private readonly field: SurfaceField) {
    this.pixels = new Uint32Array(1024)
  }

  add(pixel: number): void {
    if (this.count === this.pixels.length) {
      const grown = new Uint32Array(this.pixels.length * 2)
      grown.set(this.pixels)
      this.pixels = grown
    }
    this.pixels[this.count++] = pixel
    this.field.state[pixel] |= IN_REGION
  }
}

/** Writes the in-image 4-neighbours of `pixel` into `out`; their count. */
function neighboursOf(field: SurfaceField, pixel: number, out: Int32Array): number {
  const x = pixel % field.width
  let n = 0
  if (x < field.width - 1) out[n++] = pixel + 1
  if (x > 0) out[n++] = pixel - 1
  if (pixel + field.width < field.z.length) out[n++] = pixel + field.width
  if (pixel >= field.width) out[n++] = pixel - field.width
  return n
}

/** The clicked pixel, or the nearest usable one within SNAP_RADIUS_PX; −1 if none. */
function nearestPixel(field: SurfaceField, u: number, v: number): number {
  const r = SNAP_RADIUS_PX
  let best = -1
  let bestDistance = r * r + 1
  for (let y = Math.max(0, v - r); y <= Math.min(field.height - 1, v + r); y++) {
    for (let x = Math.max(0, u - r); x <= Math.min(field.width - 1, u + r); x++) {
      const distance = (x - u) ** 2 + (y - v) ** 2
      if (distance < bestDistance && field.z[y * field.width + x] > 0) {
        best = y * field.width + x
        bestDistance = distance
      }
    }
  }
  return best
}

/**
 * Solid core pixel nearest the click (breadth first over depth-continuous pixels) among those
 * reachable without dipping below `level`; −1 if none. A click inside a valley band (near a crease)
 * must not start the core at a band pixel, and a flood above a level set is the watershed answer
 * to "which side of the crease": the caller lowers the level from the click's own score until a
 * core appears, so the core behind the shallowest crossing wins and a noise dip at the click costs
 * one step. Outline pixels (no evidence) are not followed: they run along to the neighbours.
 */
function findCore(field: SurfaceField, seed: number, level: number): number {
  if (isSolidCore(field, seed)) return seed
  const queue = new Int32Array((4 * field.k + 1) ** 2)
  const next = new Int32Array(4)
  let tail = 1
  let found = -1
  queue[0] = seed
  field.state[seed] |= SEEN
  for (let head = 0; head < tail && found < 0; head++) {
    const p = queue[head]
    if (concavity(field, p) === NO_EVIDENCE && p !== seed) continue
    const count = neighboursOf(field, p, next)
    for (let i = 0; i < count && found < 0 && tail < queue.length; i++) {
      const q = next[i]
      if (field.state[q] & SEEN || !isContinuous(field, p, q) || concavity(field, q) < level)
        continue
      field.state[q] |= SEEN
      queue[tail++] = q
      if (isSolidCore(field, q)) found = q
    }
  }
  for (let i = 0; i < tail; i++) field.state[queue[i]] &= ~SEEN
  return found
}

function isSolidCore(field: SurfaceField, pixel: number): boolean {
  const x = pixel % field.width
  const y = (pixel - x) / field.width
  if (x < 1 || y < 1 || x >= field.width - 1 || y >= field.height - 1) return false
  for (let dv = -1; dv <= 1; dv++) {
    for (let du = -1; du <= 1; du++) {
      const q = pixel + dv * field.width + du
      if (!isContinuous(field, pixel, q) || concavity(field, q) < -BAND_Z) return false
    }
  }
  return true
}

/**
 * Breadth-first growth from region.pixels[from…]. 'core' crosses only depth-continuous,
 * non-valley pixels, so a neighbour behind a valley band is never reached. 'band' then claims the
 * band pixels on our side of each crease, watershed style: a step must go deeper into the valley
 * (score not rising), so it climbs to the crease line and stops there, never descending the
 * neighbour's slope. Growth only ever adds band pixels here, never the neighbour's core.
 */
function grow(field: SurfaceField, region: Regions, from: number, phase: 'core' | 'band'): void {
  const next = new Int32Array(4)
  for (let head = from; head < region.count; head++) {
    const p = region.pixels[head]
    const scoreP = phase === 'band' ? concavity(field, p) : 0
    if (scoreP === NO_EVIDENCE) continue // outline pixels are leaves: they run along to neighbours
    const count = neighboursOf(field, p, next)
    for (let i = 0; i < count; i++) {
      const q = next[i]
      if (field.state[q] & IN_REGION || !isContinuous(field, p, q)) continue
      const score = concavity(field, q)
      const inBand = score < -BAND_Z
      if (phase === 'core' ? inBand : !inBand || score > scoreP) continue
      region.add(q)
    }
  }
}

/** Adds usable pixels with at least 3 of 4 neighbours in the region (noise pockets); one pass. */
function fillPockets(field: SurfaceField, region: Regions): void {
  const next = new Int32Array(4)
  const around = new Int32Array(4)
  const count = region.count
  for (let i = 0; i < count; i++) {
    const p = region.pixels[i]
    const n = neighboursOf(field, p, next)
    for (let j = 0; j < n; j++) {
      const q = next[j]
      if (field.state[q] & IN_REGION || !isContinuous(field, p, q)) continue
      const m = neighboursOf(field, q, around)
      let inside = 0
      for (let r = 0; r < m; r++) if (field.state[around[r]] & IN_REGION) inside++
      if (inside >= 3) region.add(q)
    }
  }
}

/**
 * Whether the region has no silhouette: every pixel next to it is usable and either depth-continuous
 * or nearer (occluding it, as a bowl's front rim hides part of its floor). A visible convex surface
 * always lies in front of something on its outline: a farther surface, or the table.
 */
function isEnclosed(field: SurfaceField, region: Regions): boolean {
  const next = new Int32Array(4)
  for (let i = 0; i < region.count; i++) {
    const p = region.pixels[i]
    const x = p % field.width
    if (x === 0 || x === field.width - 1 || p < field.width || p + field.width >= field.z.length)
      return false
    const n = neighboursOf(field, p, next)
    for (let j = 0; j < n; j++) {
      const q = next[j]
      if (!(field.state[q] & IN_REGION) && !isBehindOrBeside(field, p, q - p)) return false
    }
  }
  return true
}

/**
 * Whether the surface next to `p` in direction `step` continues it or hides it. The first usable
 * pixel within OCCLUDER_GAP_PX decides (an occluding edge's flying pixels are filtered out, so the
 * occluder may start a few pixels away); none usable is the table or the background: a silhouette.
 */
function isBehindOrBeside(field: SurfaceField, p: number, step: number): boolean {
  const x = p % field.width
  for (let i = 1, q = p + step; i <= OCCLUDER_GAP_PX; i++, q += step) {
    if (q < 0 || q >= field.z.length || Math.abs((q % field.width) - x) > i) return false
    if (field.z[q] > 0) return isContinuous(field, p, q) || field.z[q] < field.z[p]
  }
  return false
}

/**
 * A container's floor: climbs through the valley pixels around it (the inner wall) to the first
 * non-valley pixels (the rim, a convex ridge) and grows the container from there as from a click.
 * Only strict valley pixels are crossed, so the climb cannot leave the container except over its
 * rim, and beyond the rim the ordinary growth stops at the valleys to touching neighbours.
 */
function climbOutOfBasin(field: SurfaceField, region: Regions): void {
  const next = new Int32Array(4)
  const rim: number[] = []
  const start = region.count
  for (let head = 0; head < region.count; head++) {
    const p = region.pixels[head]
    if (head >= start && !(concavity(field, p) < -BAND_Z && concavity(field, p) !== NO_EVIDENCE))
      continue
    const n = neighboursOf(field, p, next)
    for (let i = 0; i < n; i++) {
      const q = next[i]
      if (field.state[q] & (IN_REGION | MARKED) || !isContinuous(field, p, q)) continue
      const score = concavity(field, q)
      if (score < -BAND_Z && score !== NO_EVIDENCE) region.add(q)
      else if (score >= -BAND_Z) {
        field.state[q] |= MARKED
        rim.push(q)
      }
    }
  }
  const from = region.count
  for (const q of rim) {
    field.state[q] &= ~MARKED
    if (!(field.state[q] & IN_REGION)) region.add(q)
  }
  grow(field, region, from, 'core')
  grow(field, region, from, 'band')
  fillPockets(field, region)
}
