/**
 * Metric relation rules over a lifted scene's 3D boxes (world frame: x right as the camera sees it, y forward,
 * z up, metres). They reuse the answer engine's exact box geometry. Each returns P(true) with a reason, or the
 * relation is absent and the verifier falls back to 2D or abstains. Pure TypeScript.
 */

import { clipConvexPolygon, closestBoxDistance, footprint, zInterval } from '../answers/boxGeometry'
import type { ObjectBox } from '../types'
import { opposite, rulesByRelation, type RuleResult } from './relationTests'

type Rule = (s: ObjectBox, o: ObjectBox) => RuleResult

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
const cm = (m: number): string => `${(m * 100).toFixed(1)} cm`

function polygonArea(poly: Array<[number, number]>): number {
  let a = 0
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i]
    const [x1, y1] = poly[(i + 1) % poly.length]
    a += x0 * y1 - x1 * y0
  }
  return Math.abs(a) / 2
}

/** Share of the subject's footprint that lies over the object's footprint. */
function footprintOverlap(s: ObjectBox, o: ObjectBox): number {
  const own = s.sizeM.width * s.sizeM.depth
  return own > 0 ? polygonArea(clipConvexPolygon(footprint(s), footprint(o))) / own : 0
}

const halfSize = (b: ObjectBox): number =>
  Math.max(b.sizeM.width, b.sizeM.depth, b.sizeM.height) / 2

const leftOf: Rule = (s, o) => {
  const dx = o.centerInWorld[0] - s.centerInWorld[0]
  const scale = (s.sizeM.width + o.sizeM.width) / 4 + 0.02
  return {
    probabilityTrue: sigmoid((4 * dx) / scale),
    reason: `subject centre is ${cm(Math.abs(dx))} ${dx >= 0 ? 'left' : 'right'} of the object's`,
  }
}
const rightOf: Rule = (s, o) => leftOf(o, s)
const above: Rule = (s, o) => {
  const [sBottom] = zInterval(s)
  const [, oTop] = zInterval(o)
  const dz = sBottom - oTop
  return {
    probabilityTrue: sigmoid(dz / 0.03 + 1),
    reason: `subject bottom is ${cm(Math.abs(dz))} ${dz >= 0 ? 'above' : 'below'} the object's top`,
  }
}
const below: Rule = (s, o) => above(o, s)
const onTop: Rule = (s, o) => {
  const [sBottom] = zInterval(s)
  const [, oTop] = zInterval(o)
  const gap = sBottom - oTop
  const overlap = footprintOverlap(s, o)
  const resting = Math.abs(gap) < 0.05 && overlap > 0.3
  return {
    probabilityTrue: resting ? 0.9 : overlap > 0.3 && gap > 0 ? 0.5 : 0.1,
    reason: `subject bottom ${cm(gap)} from the object's top, ${Math.round(overlap * 100)} % of its footprint over it`,
  }
}
const inFront: Rule = (s, o) => {
  const dz = o.centerInCamera[2] - s.centerInCamera[2]
  return {
    probabilityTrue: sigmoid((4 * dz) / (halfSize(s) + halfSize(o) + 0.02)),
    reason: `subject is ${cm(Math.abs(dz))} ${dz >= 0 ? 'nearer to' : 'farther from'} the camera`,
  }
}
const behind: Rule = (s, o) => inFront(o, s)
const touching: Rule = (s, o) => {
  const d = closestBoxDistance(s, o).distanceM
  return { probabilityTrue: sigmoid(-(d - 0.03) / 0.01), reason: `closest surfaces ${cm(d)} apart` }
}
const near: Rule = (s, o) => {
  const d = closestBoxDistance(s, o).distanceM
  const reach = Math.max(0.3, halfSize(s) + halfSize(o))
  return {
    probabilityTrue: sigmoid(-4 * (d / reach - 1)),
    reason: `closest surfaces ${cm(d)} apart (near: within about ${cm(reach)})`,
  }
}
const far: Rule = opposite(near)
const inside: Rule = (s, o) => {
  const [s0, s1] = zInterval(s)
  const [o0, o1] = zInterval(o)
  const zShare = Math.max(0, Math.min(s1, o1) - Math.max(s0, o0)) / Math.max(1e-6, s1 - s0)
  const share = footprintOverlap(s, o) * zShare
  return {
    probabilityTrue: sigmoid(10 * (share - 0.7)),
    reason: `${Math.round(share * 100)} % of the subject's box lies inside the object's`,
  }
}
const contains: Rule = (s, o) => inside(o, s)

/** Relation → metric rule. */
export const RULES_3D = rulesByRelation<ObjectBox>({
  leftOf,
  rightOf,
  above,
  below,
  onTop,
  inFront,
  behind,
  inside,
  contains,
  touching,
  near,
  far,
})
