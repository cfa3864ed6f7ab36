/**
 * Geometry of gravity-aligned, yaw-rotated boxes (right prisms over a rectangle in the world xy plane).
 *
 * All inputs and outputs are in the world frame (z up), metres. A box is `centerInWorld` ± half its `sizeM`
 * along its own axes: width along (cos yaw, sin yaw, 0), depth along (−sin yaw, cos yaw, 0), height along z.
 * Pure TypeScript.
 */

import type { ObjectBox, Vec3 } from '../types'

/** A point or vector in the world xy plane, metres. */
export type Vec2 = [number, number]

/** Unit width axis `u` and depth axis `v` of a box in the world xy plane. */
export function boxAxes(box: ObjectBox): { u: Vec2; v: Vec2 } {
  const c = Math.cos(box.yawRad)
  const s = Math.sin(box.yawRad)
  return { u: [c, s], v: [-s, c] }
}

/** The four footprint corners in world xy, counter-clockwise seen from above (+z). */
export function footprint(box: ObjectBox): Vec2[] {
  const { u, v } = boxAxes(box)
  const hw = box.sizeM.width / 2
  const hd = box.sizeM.depth / 2
  const [cx, cy] = box.centerInWorld
  const signs: Vec2[] = [
    [1, 1],
    [-1, 1],
    [-1, -1],
    [1, -1],
  ]
  return signs.map(([a, b]) => [
    cx + a * hw * u[0] + b * hd * v[0],
    cy + a * hw * u[1] + b * hd * v[1],
  ])
}

/** The eight corners in world coordinates: the four bottom corners (CCW from above), then the four top ones. */
export function boxCorners(box: ObjectBox): Vec3[] {
  const z0 = box.centerInWorld[2] - box.sizeM.height / 2
  const z1 = box.centerInWorld[2] + box.sizeM.height / 2
  const fp = footprint(box)
  return [...fp.map(([x, y]): Vec3 => [x, y, z0]), ...fp.map(([x, y]): Vec3 => [x, y, z1])]
}

/** Bottom and top z of a box, metres. */
export function zInterval(box: ObjectBox): [number, number] {
  return [box.centerInWorld[2] - box.sizeM.height / 2, box.centerInWorld[2] + box.sizeM.height / 2]
}

/** Volume w·d·h in m³. */
export function boxVolume(box: ObjectBox): number {
  return box.sizeM.width * box.sizeM.depth * box.sizeM.height
}

/** Whether world point (x, y) lies in the box footprint (boundary included, tolerance `eps` metres). */
export function pointInFootprint(box: ObjectBox, x: number, y: number, eps = 1e-12): boolean {
  const { u, v } = boxAxes(box)
  const dx = x - box.centerInWorld[0]
  const dy = y - box.centerInWorld[1]
  return (
    Math.abs(dx * u[0] + dy * u[1]) <= box.sizeM.width / 2 + eps &&
    Math.abs(dx * v[0] + dy * v[1]) <= box.sizeM.depth / 2 + eps
  )
}

/** Closest point to `p` on the segment a–b (2D). */
export function closestPointOnSegment(p: Vec2, a: Vec2, b: Vec2): Vec2 {
  const ex = b[0] - a[0]
  const ey = b[1] - a[1]
  const len2 = ex * ex + ey * ey
  const t =
    len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / len2)) : 0
  return [a[0] + t * ex, a[1] + t * ey]
}

/** Separating-axis test for two convex polygons; touching counts as overlapping. */
export function convexPolygonsOverlap(pa: Vec2[], pb: Vec2[], eps = 1e-12): boolean {
  for (const poly of [pa, pb]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]
      const q = poly[(i + 1) % poly.length]
      const n: Vec2 = [q[1] - p[1], p[0] - q[0]]
      let minA = Infinity
      let maxA = -Infinity
      let minB = Infinity
      let maxB = -Infinity
      for (const r of pa) {
        const d = r[0] * n[0] + r[1] * n[1]
        minA = Math.min(minA, d)
        maxA = Math.max(maxA, d)
      }
      for (const r of pb) {
        const d = r[0] * n[0] + r[1] * n[1]
        minB = Math.min(minB, d)
        maxB = Math.max(maxB, d)
      }
      if (maxA < minB - eps || maxB < minA - eps) return false
    }
  }
  return true
}

/** Intersection of convex polygon `subject` with convex CCW polygon `clip` (Sutherland–Hodgman). */
export function clipConvexPolygon(subject: Vec2[], clip: Vec2[]): Vec2[] {
  let out = subject
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]
    const b = clip[(i + 1) % clip.length]
    const side = (p: Vec2): number => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    const input = out
    out = []
    for (let j = 0; j < input.length; j++) {
      const p = input[j]
      const q = input[(j + 1) % input.length]
      const sp = side(p)
      const sq = side(q)
      if (sp >= 0) out.push(p)
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq)
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
      }
    }
  }
  return out
}

/** Area centroid of a polygon; the vertex mean when it is degenerate. */
export function polygonCentroid(poly: Vec2[]): Vec2 {
  let a2 = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]
    const q = poly[(i + 1) % poly.length]
    const cr = p[0] * q[1] - q[0] * p[1]
    a2 += cr
    cx += (p[0] + q[0]) * cr
    cy += (p[1] + q[1]) * cr
  }
  if (Math.abs(a2) > 1e-18) return [cx / (3 * a2), cy / (3 * a2)]
  const n = Math.max(1, poly.length)
  return [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n]
}

/** Distance and closest points between two convex polygons in the plane (0 and a shared point when they overlap). */
export function polygonDistance2D(
  pa: Vec2[],
  pb: Vec2[],
): { distance: number; onA: Vec2; onB: Vec2 } {
  if (convexPolygonsOverlap(pa, pb)) {
    const inter = clipConvexPolygon(pa, pb)
    const c = polygonCentroid(inter.length > 0 ? inter : [...pa, ...pb])
    return { distance: 0, onA: c, onB: c }
  }
  let best = { distance: Infinity, onA: pa[0], onB: pb[0] }
  const scan = (verts: Vec2[], edges: Vec2[], vertsAreA: boolean): void => {
    for (const p of verts) {
      for (let i = 0; i < edges.length; i++) {
        const q = closestPointOnSegment(p, edges[i], edges[(i + 1) % edges.length])
        const d = Math.hypot(p[0] - q[0], p[1] - q[1])
        if (d < best.distance)
          best = vertsAreA ? { distance: d, onA: p, onB: q } : { distance: d, onA: q, onB: p }
      }
    }
  }
  scan(pa, pb, true)
  scan(pb, pa, false)
  return best
}

/** Result of {@link closestBoxDistance}; metres, world frame. */
export interface BoxDistance {
  /** Exact distance between the two solids, sqrt(dXy² + dZ²); 0 when they intersect. */
  distanceM: number
  /** Distance between the two footprints in the xy plane (0 when they overlap). */
  horizontalM: number
  /** Gap between the two z intervals (0 when they overlap). */
  verticalM: number
  /** A closest point on A and on B (equal when the solids intersect). */
  pointOnA: Vec3
  pointOnB: Vec3
}

/**
 * Exact closest distance between two yaw-rotated, z-aligned boxes. Each box is a product of a rectangle in xy and
 * an interval in z, so distance² = dXy² + dZ² with dXy the 2D rectangle distance and dZ the z-interval gap.
 */
export function closestBoxDistance(a: ObjectBox, b: ObjectBox): BoxDistance {
  const xy = polygonDistance2D(footprint(a), footprint(b))
  const [a0, a1] = zInterval(a)
  const [b0, b1] = zInterval(b)
  let zA: number
  let zB: number
  if (a1 < b0) {
    zA = a1
    zB = b0
  } else if (b1 < a0) {
    zA = a0
    zB = b1
  } else {
    zA = zB = (Math.max(a0, b0) + Math.min(a1, b1)) / 2
  }
  const verticalM = Math.abs(zB - zA)
  return {
    distanceM: Math.hypot(xy.distance, verticalM),
    horizontalM: xy.distance,
    verticalM,
    pointOnA: [xy.onA[0], xy.onA[1], zA],
    pointOnB: [xy.onB[0], xy.onB[1], zB],
  }
}

/** Result of {@link centreLineGap}; metres, world frame. */
export interface CentreLineGap {
  /** Free length of the centre line between the footprints; ≤ 0 when they overlap along it. */
  gapM: number
  /** Where the centre line leaves A's footprint and enters B's (drawn at a common height). */
  exitFromA: Vec3
  entryIntoB: Vec3
}

/** Parameter t ≥ 0 where the ray centre + t·d (xy) leaves the box footprint. */
function exitParameter(box: ObjectBox, d: Vec2): number {
  const { u, v } = boxAxes(box)
  const du = Math.abs(d[0] * u[0] + d[1] * u[1])
  const dv = Math.abs(d[0] * v[0] + d[1] * v[1])
  const tu = du > 0 ? box.sizeM.width / 2 / du : Infinity
  const tv = dv > 0 ? box.sizeM.depth / 2 / dv : Infinity
  return Math.min(tu, tv)
}

/**
 * Free gap along the segment joining the two centres in the xy plane: from where it exits A's footprint to where
 * it enters B's. Negative (overlap length) when the footprints overlap along the line. The drawn points share one
 * height: the middle of the common z range, or the mean centre height when the z ranges do not overlap.
 */
export function centreLineGap(a: ObjectBox, b: ObjectBox): CentreLineGap {
  const [a0, a1] = zInterval(a)
  const [b0, b1] = zInterval(b)
  const lo = Math.max(a0, b0)
  const hi = Math.min(a1, b1)
  const z = lo <= hi ? (lo + hi) / 2 : (a.centerInWorld[2] + b.centerInWorld[2]) / 2
  const ax = a.centerInWorld[0]
  const ay = a.centerInWorld[1]
  const d: Vec2 = [b.centerInWorld[0] - ax, b.centerInWorld[1] - ay]
  const len = Math.hypot(d[0], d[1])
  if (len < 1e-12) {
    const gapM =
      -(Math.min(a.sizeM.width, a.sizeM.depth) + Math.min(b.sizeM.width, b.sizeM.depth)) / 2
    return { gapM, exitFromA: [ax, ay, z], entryIntoB: [ax, ay, z] }
  }
  const tA = exitParameter(a, d)
  const tB = 1 - exitParameter(b, d)
  return {
    gapM: (tB - tA) * len,
    exitFromA: [ax + tA * d[0], ay + tA * d[1], z],
    entryIntoB: [ax + tB * d[0], ay + tB * d[1], z],
  }
}

/**
 * Segment through the box centre spanning one extent: width along the box's width axis, depth across it,
 * height along world z. Endpoints in world coordinates, metres.
 */
export function extentSegment(box: ObjectBox, axis: 'width' | 'depth' | 'height'): [Vec3, Vec3] {
  const [cx, cy, cz] = box.centerInWorld
  const { u, v } = boxAxes(box)
  const dir: Vec3 =
    axis === 'width' ? [u[0], u[1], 0] : axis === 'depth' ? [v[0], v[1], 0] : [0, 0, 1]
  const h = box.sizeM[axis] / 2
  return [
    [cx - h * dir[0], cy - h * dir[1], cz - h * dir[2]],
    [cx + h * dir[0], cy + h * dir[1], cz + h * dir[2]],
  ]
}
