/**
 * 2.5D relation rules for colour-only images: judged from the subject's and object's 2D boxes (normalised image
 * coordinates, y down). Depth order comes from ground contact (the lower bottom edge is nearer the camera when
 * both stand on the same floor), so front/behind rules are weak and say so. Each rule returns P(true) with a
 * reason, or null where a 2D box cannot decide (orientation, motion, "part of"). Pure TypeScript.
 */

import { opposite, rulesByRelation, type RuleResult } from './relationTests'

export type Box2d = [number, number, number, number]

export type { RuleResult } from './relationTests'

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
const width = (b: Box2d): number => Math.max(1e-6, b[2] - b[0])
const height = (b: Box2d): number => Math.max(1e-6, b[3] - b[1])
const cx = (b: Box2d): number => (b[0] + b[2]) / 2
const cy = (b: Box2d): number => (b[1] + b[3]) / 2
const area = (b: Box2d): number => width(b) * height(b)

function intersection(a: Box2d, b: Box2d): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  return w > 0 && h > 0 ? w * h : 0
}

/** Gap between the boxes (0 when they overlap) over the mean of their diagonals. */
export function relativeGap2d(a: Box2d, b: Box2d): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2])
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3])
  const diag = (Math.hypot(width(a), height(a)) + Math.hypot(width(b), height(b))) / 2
  return Math.hypot(dx, dy) / diag
}

const pct = (p: number): string => `${Math.round(p * 100)} %`

type Rule = (s: Box2d, o: Box2d) => RuleResult

const leftOf: Rule = (s, o) => {
  const margin = (cx(o) - cx(s)) / ((width(s) + width(o)) / 2)
  return {
    probabilityTrue: sigmoid(4 * margin),
    reason: `subject centre is ${margin >= 0 ? 'left' : 'right'} of the object's by ${Math.abs(margin).toFixed(2)} half-widths`,
  }
}
const rightOf: Rule = (s, o) => leftOf(o, s)
const above: Rule = (s, o) => {
  const margin = (cy(o) - cy(s)) / ((height(s) + height(o)) / 2)
  return {
    probabilityTrue: sigmoid(4 * margin),
    reason: `subject centre is ${margin >= 0 ? 'higher' : 'lower'} in the image by ${Math.abs(margin).toFixed(2)} half-heights`,
  }
}
const below: Rule = (s, o) => above(o, s)

const onTop: Rule = (s, o) => {
  const overlapX = Math.max(0, Math.min(s[2], o[2]) - Math.max(s[0], o[0])) / width(s)
  // Resting on: the subject's bottom edge lies within the object's upper part.
  const bottomInUpper = s[3] >= o[1] - 0.1 * height(o) && s[3] <= o[1] + 0.6 * height(o)
  const higher = cy(s) < cy(o)
  const p = bottomInUpper && higher ? (overlapX > 0.3 ? 0.8 : overlapX > 0.1 ? 0.55 : 0.2) : 0.15
  return {
    probabilityTrue: p,
    reason: `horizontal overlap ${pct(overlapX)}, subject bottom ${bottomInUpper ? 'rests in' : 'is off'} the object's upper part`,
  }
}
const inside: Rule = (s, o) => {
  const covered = intersection(s, o) / area(s)
  return {
    probabilityTrue: sigmoid(10 * (covered - 0.7)),
    reason: `${pct(covered)} of the subject's box lies inside the object's`,
  }
}
const contains: Rule = (s, o) => inside(o, s)
const touching: Rule = (s, o) => {
  const gap = relativeGap2d(s, o)
  return {
    probabilityTrue: gap === 0 ? 0.7 : sigmoid(-20 * (gap - 0.05)),
    reason: gap === 0 ? 'the boxes overlap' : `the boxes are ${gap.toFixed(2)} diagonals apart`,
  }
}
const near: Rule = (s, o) => {
  const gap = relativeGap2d(s, o)
  return {
    probabilityTrue: sigmoid(-4 * (gap - 1)),
    reason: `the boxes are ${gap.toFixed(2)} mean diagonals apart`,
  }
}
const far: Rule = opposite(near)
const inFront: Rule = (s, o) => {
  const margin = (s[3] - o[3]) / ((height(s) + height(o)) / 2)
  return {
    probabilityTrue: sigmoid(2 * margin),
    reason: `ground contact: the subject's bottom edge is ${margin >= 0 ? 'lower' : 'higher'} in the image (weak cue without depth)`,
  }
}
const behind: Rule = (s, o) => inFront(o, s)
const outside: Rule = opposite(inside)
const detached: Rule = opposite(touching)

/** Relation → rule; relations absent here make the 2D verifier abstain. */
export const RULES_2D = rulesByRelation<Box2d>({
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
  outside,
  detached,
})
