/**
 * Reference geometry for computing expected answers from ground truth. Deliberately independent of
 * the engine, so the evaluation checks the engine's tools rather than agreeing with them by construction.
 */
import type { EvalObject, Footprint } from './evalScenes.js'

type Vec2 = [number, number]

/** Euclidean distance between two points of any dimension. */
export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((v, i) => v - b[i]))
}

/** Unit horizontal direction from `from` to `to` (world xy). */
export function horizontalDirection(from: EvalObject, to: EvalObject): Vec2 {
  const dx = to.centreInWorld[0] - from.centreInWorld[0]
  const dy = to.centreInWorld[1] - from.centreInWorld[1]
  const length = Math.hypot(dx, dy)
  return [dx / length, dy / length]
}

/** The object translated horizontally by `offset` metres (footprint and centre move together). */
export function translated(object: EvalObject, offset: Vec2): EvalObject {
  const [x, y, z] = object.centreInWorld
  const footprint: Footprint =
    object.footprint.kind === 'circle'
      ? {
          ...object.footprint,
          centre: [object.footprint.centre[0] + offset[0], object.footprint.centre[1] + offset[1]],
        }
      : {
          kind: 'polygon',
          corners: object.footprint.corners.map(([u, v]): Vec2 => [u + offset[0], v + offset[1]]),
        }
  return { ...object, centreInWorld: [x + offset[0], y + offset[1], z], footprint }
}

/** `object` moved `metres` horizontally toward `target`'s centre (negative: away). */
export function movedToward(object: EvalObject, target: EvalObject, metres: number): EvalObject {
  const [ux, uy] = horizontalDirection(object, target)
  return translated(object, [ux * metres, uy * metres])
}

function pointSegmentDistance(p: Vec2, a: Vec2, b: Vec2): number {
  const abx = b[0] - a[0]
  const aby = b[1] - a[1]
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby)),
  )
  return Math.hypot(p[0] - (a[0] + t * abx), p[1] - (a[1] + t * aby))
}

function edges(corners: Vec2[]): [Vec2, Vec2][] {
  return corners.map((c, i) => [c, corners[(i + 1) % corners.length]])
}

/** Separating-axis test for two convex polygons. */
function polygonsOverlap(a: Vec2[], b: Vec2[]): boolean {
  for (const [p, q] of [...edges(a), ...edges(b)]) {
    const axis: Vec2 = [q[1] - p[1], p[0] - q[0]]
    const project = (poly: Vec2[]) => poly.map((c) => c[0] * axis[0] + c[1] * axis[1])
    const pa = project(a)
    const pb = project(b)
    if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false
  }
  return true
}

function isInsideConvex(p: Vec2, corners: Vec2[]): boolean {
  const signs = edges(corners).map(([a, b]) =>
    Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])),
  )
  return signs.every((s) => s >= 0) || signs.every((s) => s <= 0)
}

function pointPolygonDistance(p: Vec2, corners: Vec2[]): number {
  if (isInsideConvex(p, corners)) return 0
  return Math.min(...edges(corners).map(([a, b]) => pointSegmentDistance(p, a, b)))
}

/** Horizontal clearance (closest-surface gap of the footprints) in metres; 0 when they overlap. */
export function footprintGap(a: Footprint, b: Footprint): number {
  if (a.kind === 'circle' && b.kind === 'circle')
    return Math.max(0, distance(a.centre, b.centre) - a.radius - b.radius)
  if (a.kind === 'circle' || b.kind === 'circle') {
    const circle = (a.kind === 'circle' ? a : b) as Extract<Footprint, { kind: 'circle' }>
    const polygon = (a.kind === 'polygon' ? a : b) as Extract<Footprint, { kind: 'polygon' }>
    return Math.max(0, pointPolygonDistance(circle.centre, polygon.corners) - circle.radius)
  }
  if (polygonsOverlap(a.corners, b.corners)) return 0
  const ab = a.corners.flatMap((p) =>
    edges(b.corners).map(([s, t]) => pointSegmentDistance(p, s, t)),
  )
  const ba = b.corners.flatMap((p) =>
    edges(a.corners).map(([s, t]) => pointSegmentDistance(p, s, t)),
  )
  return Math.min(...ab, ...ba)
}

/** Footprint area in square metres. */
export function footprintArea(footprint: Footprint): number {
  if (footprint.kind === 'circle') return Math.PI * footprint.radius ** 2
  const twice = edges(footprint.corners).reduce((sum, [p, q]) => sum + p[0] * q[1] - q[0] * p[1], 0)
  return Math.abs(twice) / 2
}
