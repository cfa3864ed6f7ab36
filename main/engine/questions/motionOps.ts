/**
 * Reach and what-if operations: "is A within 10 cm of B" (closest surfaces against a limit) and "will A clear B
 * if it moves 10 cm forward" (A swept along the move, the smallest gap to B on the way). Directions are in the
 * world frame of whatIf.ts: right = +x, forward (away from the camera) = +y, up = +z. Metres. Pure TypeScript.
 */

import { closestBoxDistance } from '../answers/boxGeometry'
import { unsupportedAnswer } from '../answers/answerQuestion'
import { buildProvenance, formatLength, sentence, the, toAnswerObject } from '../answers/format'
import type { Answer } from '../answers/types'
import { moveObject } from '../reasoning/whatIf'
import type { Scene, SceneObject, Vec3 } from '../types'
import type { QueryOp } from './ast'
import { distanceFromPlace, placeName } from './places'
import { objectSlot, placeSlot } from './resolveSlots'
import { readWidth } from './units'

type Op<K extends QueryOp['op']> = Extract<QueryOp, { op: K }>

/** "is A within 10 cm of B": closest surfaces (for the camera or the surface: as rankings measure) ≤ the limit. */
export function withinRun(scene: Scene, q: string, op: Op<'within'>, u: string): Answer {
  const w = readWidth(op.limit)
  if (!w || !w.ok) return unsupportedAnswer(scene, q, `I cannot use "${op.limit}" as a distance.`)
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const to = placeSlot(scene, q, op.b, u)
  if (!to.ok) return to.answer
  const o = a.value
  const place = to.value
  const r = place.kind === 'object' ? closestBoxDistance(o, place.object) : null
  const d = r ? r.distanceM : distanceFromPlace(scene, place, o).valueM
  const how = r ? 'closest points of the two boxes' : distanceFromPlace(scene, place, o).method
  const holds = d <= w.widthM
  const involved = place.kind === 'object' ? [o, place.object] : [o]
  return {
    question: q,
    kind: 'within',
    text: `${holds ? 'Yes' : 'No'}, ${the(o)} is ${holds ? '' : 'not '}within ${formatLength(w.widthM)} of ${placeName(place)}: ${formatLength(d)} apart (${how}).`,
    value: holds,
    unit: 'bool',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(scene, involved, `${how}, compared with ${formatLength(w.widthM)}`),
    ...(r
      ? {
          geometry: {
            kind: 'segment' as const,
            fromInWorld: r.pointOnA,
            toInWorld: r.pointOnB,
            lengthM: d,
            label: formatLength(d),
          },
        }
      : {}),
    detail: { gapM: d, requiredWidthM: w.widthM },
  }
}

const DIRECTIONS: Array<[RegExp, Vec3, string]> = [
  [
    /^(?:forwards?|ahead|away|away from (?:me|the camera)|further away)$/,
    [0, 1, 0],
    'forward (+y, away from the camera)',
  ],
  [
    /^(?:back|backwards?|toward(?:s)? (?:me|the camera)|closer to (?:me|the camera))$/,
    [0, -1, 0],
    'back (−y, toward the camera)',
  ],
  [/^(?:to the )?left$/, [-1, 0, 0], 'left (−x)'],
  [/^(?:to the )?right$/, [1, 0, 0], 'right (+x)'],
  [/^(?:up|upwards?|higher)$/, [0, 0, 1], 'up (+z)'],
  [/^(?:down|downwards?|lower)$/, [0, 0, -1], 'down (−z)'],
]

/** A move phrase as a world-frame unit direction (or "toward X"), distance and words; an error text otherwise. */
function readMove(
  text: string,
): { distanceM: number; dir: Vec3 | null; toward: string | null; words: string } | string {
  const w = readWidth(text)
  if (!w) return `I could not read a distance (e.g. "10 cm") in "${text}".`
  if (!w.ok) return `I cannot use the distance: ${w.why}.`
  const rest = text.replace(w.text, ' ').replace(/\s+/g, ' ').trim()
  const toward = /^(?:toward(?:s)?|closer to|in the direction of) (.+)$/.exec(rest)
  if (toward)
    return { distanceM: w.widthM, dir: null, toward: toward[1], words: `toward ${toward[1]}` }
  const d = DIRECTIONS.find(([re]) => re.test(rest))
  if (!d)
    return `I could not read the direction "${rest}" (forward, back, left, right, up, down, or toward an object).`
  return { distanceM: w.widthM, dir: d[1], toward: null, words: d[2] }
}

/** Sweep steps: 1 mm apart (coarser only past 5 m of travel), so the smallest gap is within half a step. */
const SWEEP_STEP_M = 0.001
const MAX_STEPS = 5000

/** The smallest gap between A moved by t·delta (t from 0 to 1) and B, with where it occurs. */
function sweep(a: SceneObject, b: SceneObject, delta: Vec3) {
  const len = Math.hypot(...delta)
  const steps = Math.min(MAX_STEPS, Math.max(1, Math.ceil(len / SWEEP_STEP_M)))
  let best = {
    gapM: Infinity,
    t: 0,
    pointOnA: a.centerInWorld,
    pointOnB: b.centerInWorld,
    stepM: len / steps,
  }
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const c: Vec3 = [0, 1, 2].map((k) => a.centerInWorld[k] + t * delta[k]) as Vec3
    const r = closestBoxDistance({ ...a, centerInWorld: c }, b)
    if (r.distanceM < best.gapM)
      best = { ...best, gapM: r.distanceM, t, pointOnA: r.pointOnA, pointOnB: r.pointOnB }
  }
  return best
}

/** "will A clear B if it moves 10 cm forward": the smallest gap while A moves, and the gap where it stops. */
export function whatIfRun(scene: Scene, q: string, op: Op<'what_if'>, u: string): Answer {
  const move = readMove(op.move)
  if (typeof move === 'string') return unsupportedAnswer(scene, q, `I understood: ${u}. ${move}`)
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = objectSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  const [o, other] = [a.value, b.value]
  let dir = move.dir
  if (move.toward !== null) {
    const t = objectSlot(scene, q, move.toward, u)
    if (!t.ok) return t.answer
    const v = [0, 1, 2].map((k) => t.value.centerInWorld[k] - o.centerInWorld[k]) as Vec3
    const n = Math.hypot(...v)
    if (!(n > 1e-9))
      return unsupportedAnswer(scene, q, `${sentence(the(o))} is already at ${the(t.value)}.`)
    dir = v.map((x) => x / n) as Vec3
  }
  const delta = (dir as Vec3).map((x) => x * move.distanceM) as Vec3
  const withMover = scene.objects.includes(o) ? scene : { ...scene, objects: [...scene.objects, o] }
  const end = moveObject(withMover, o, { dxM: delta[0], dyM: delta[1], dzM: delta[2] })
  const before = closestBoxDistance(o, other).distanceM
  const after = closestBoxDistance(end.moved, other).distanceM
  const s = sweep(o, other, delta)
  const clears = s.gapM > 0
  const path = `${sentence(the(o))} moved ${formatLength(move.distanceM)} ${move.words}`
  const verdict = clears
    ? `${path} stays clear of ${the(other)}: the smallest gap on the way is ${formatLength(s.gapM)}`
    : `${path} touches ${the(other)} after ${formatLength(s.t * move.distanceM)} of the move`
  return {
    question: q,
    kind: 'what_if',
    text: `${op.asks === 'clear' ? (clears ? 'Yes' : 'No') : clears ? 'No' : 'Yes'}. ${verdict} (gap now ${formatLength(before)}, at the end ${formatLength(after)}; closest points of the boxes, world frame).`,
    value: op.asks === 'clear' ? clears : !clears,
    unit: 'bool',
    objects: [o, other].map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      [o, other],
      `what-if: ${the(o)} translated ${move.words} by ${formatLength(move.distanceM)} (world frame), swept in ${formatLength(s.stepM)} steps; smallest closest-point gap between the boxes on the way`,
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: s.pointOnA,
      toInWorld: s.pointOnB,
      lengthM: s.gapM,
      label: formatLength(s.gapM),
    },
    detail: { gapM: s.gapM, valueA: before, valueB: after, deltaInWorld: delta },
  }
}
