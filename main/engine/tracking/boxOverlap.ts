/**
 * Overlap of two gravity-aligned, yawed boxes (world frame, metres): intersection of the two footprint rectangles
 * (convex polygon clipping) times the overlap of their height ranges, over the union volume. Pure TypeScript.
 */

import type { ObjectBox } from '../types'

type Point2 = [number, number]

/** What overlap needs of a box: world centre, extents and yaw. */
export type YawedBox = Pick<ObjectBox, 'centerInWorld' | 'sizeM' | 'yawRad'>

/** Footprint corners of a yawed box, counter-clockwise, world x/y. */
export function footprintCorners(box: YawedBox): Point2[] {
  const [cx, cy] = box.centerInWorld
  const c = Math.cos(box.yawRad)
  const s = Math.sin(box.yawRad)
  const hw = box.sizeM.width / 2
  const hd = box.sizeM.depth / 2
  const local: Point2[] = [
    [-hw, -hd],
    [hw, -hd],
    [hw, hd],
    [-hw, hd],
  ]
  return local.map(([u, v]) => [cx + c * u - s * v, cy + s * u + c * v])
}

function cross(o: Point2, a: Point2, b: Point2): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

function lineHit(p: Point2, q: Point2, a: Point2, b: Point2): Point2 {
  const cp = cross(a, b, p)
  const cq = cross(a, b, q)
  const t = cp / (cp - cq)
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]
}

/** Sutherland–Hodgman: the part of `subject` inside the convex counter-clockwise polygon `clip`. */
function clipPolygon(subject: Point2[], clip: Point2[]): Point2[] {
  let out = subject
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]
    const b = clip[(i + 1) % clip.length]
    const input = out
    out = []
    for (let j = 0; j < input.length; j++) {
      const p = input[j]
      const q = input[(j + 1) % input.length]
      const pIn = cross(a, b, p) >= 0
      const qIn = cross(a, b, q) >= 0
      if (pIn) out.push(p)
      if (pIn !== qIn) out.push(lineHit(p, q, a, b))
    }
  }
  return out
}

/** Area of a simple polygon (shoelace), square metres. */
export function polygonArea(points: Point2[]): number {
  let twice = 0
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]
    const [x2, y2] = points[(i + 1) % points.length]
    twice += x1 * y2 - x2 * y1
  }
  return Math.abs(twice) / 2
}

/**
 * Intersection over union of two yawed boxes' volumes, in [0, 1]. Height ranges are centre ± height/2 along
 * world z. Degenerate (zero-volume) boxes give 0.
 */
export function boxIou(a: YawedBox, b: YawedBox): number {
  const za = [a.centerInWorld[2] - a.sizeM.height / 2, a.centerInWorld[2] + a.sizeM.height / 2]
  const zb = [b.centerInWorld[2] - b.sizeM.height / 2, b.centerInWorld[2] + b.sizeM.height / 2]
  const dz = Math.min(za[1], zb[1]) - Math.max(za[0], zb[0])
  if (!(dz > 0)) return 0
  const area = polygonArea(clipPolygon(footprintCorners(a), footprintCorners(b)))
  const inter = area * dz
  const volA = a.sizeM.width * a.sizeM.depth * a.sizeM.height
  const volB = b.sizeM.width * b.sizeM.depth * b.sizeM.height
  const union = volA + volB - inter
  return union > 0 ? inter / union : 0
}
