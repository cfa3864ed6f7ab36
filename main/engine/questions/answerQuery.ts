/**
 * Answers a parsed query: resolves its reference slots and calls the one operation the query names, then writes
 * the answer in the unit asked and says what was ignored. Pure TypeScript.
 */

import {
  distanceBetween,
  gapBetween,
  horizontalDistance,
  verticalDistance,
} from '../answers/distances'
import { extentOf, volumeOf } from '../answers/objectSize'
import type { Answer } from '../answers/types'
import { unsupportedAnswer } from '../answers/answerQuestion'
import type { Scene } from '../types'
import type { Query, QueryOp } from './ast'
import { cameraHeight, distanceFromCamera, locateFromCamera } from './cameraOps'
import { nearAnswer, type Filter } from './filters'
import { countObjects, difference, lengthOf, listObjects, superlative } from './groupOps'
import {
  closerThan,
  distanceDifference,
  elevationAboveObject,
  elevationAboveSurface,
  supportAnswer,
} from './placeOps'
import { cleanReference } from './references'
import { groupSlot, listSlot, objectSlot, placeSlot } from './resolveSlots'
import { describeQuery } from './describe'
import { framesOf, refuseFrameSize, withFrameNote } from './frameAnswers'
import { whatIfRun, withinRun } from './motionOps'
import { correctSpelling } from './spelling'
import { classicRun } from './twoObjectRuns'

type OpName = QueryOp['op']
type Run<K extends OpName> = (
  scene: Scene,
  q: string,
  op: Extract<QueryOp, { op: K }>,
  understood: string,
) => Answer

const pairRun: Run<'pair'> = (scene, q, op, u) => {
  const a = placeSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = placeSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  const [x, y] = [a.value, b.value]
  if (x.kind === 'object' && y.kind === 'object') {
    const f = {
      distance: distanceBetween,
      gap: gapBetween,
      horizontal_distance: horizontalDistance,
      vertical_distance: verticalDistance,
    }[op.quantity]
    return f(scene, x.object, y.object, q)
  }
  const obj = x.kind === 'object' ? x.object : y.kind === 'object' ? y.object : null
  const other = x.kind === 'object' ? y : x
  if (obj && other.kind === 'camera' && (op.quantity === 'distance' || op.quantity === 'gap')) {
    return distanceFromCamera(scene, obj, q, op.quantity === 'gap')
  }
  if (obj && other.kind === 'surface' && op.quantity !== 'horizontal_distance') {
    return elevationAboveSurface(scene, obj, 'bottom', other.word, q)
  }
  if (
    !obj &&
    [x.kind, y.kind].includes('camera') &&
    [x.kind, y.kind].includes('surface') &&
    op.quantity !== 'horizontal_distance'
  ) {
    return cameraHeight(scene, q)
  }
  return unsupportedAnswer(
    scene,
    q,
    `I understood: ${u}, but I cannot measure that between these two.`,
  )
}

const sizeRun: Run<'size'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  if (op.quantity === 'volume') return volumeOf(scene, a.value, q)
  if (op.quantity === 'length' || op.quantity === 'longest_side') {
    return lengthOf(scene, a.value, op.quantity === 'longest_side', q)
  }
  return extentOf(scene, a.value, op.quantity, q)
}

const elevationRun: Run<'elevation'> = (scene, q, op, u) => {
  const place = placeSlot(scene, q, op.a, u)
  if (place.ok && place.value.kind === 'camera') return cameraHeight(scene, q)
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  if (op.surface === null) return elevationAboveSurface(scene, a.value, op.level, null, q)
  const s = placeSlot(scene, q, op.surface, u)
  if (!s.ok) return s.answer
  if (s.value.kind === 'surface')
    return elevationAboveSurface(scene, a.value, op.level, s.value.word, q)
  if (s.value.kind === 'object') return elevationAboveObject(scene, a.value, s.value.object, q)
  return unsupportedAnswer(
    scene,
    q,
    `I understood: ${u}, but heights are measured above the support surface or an object, not the camera.`,
  )
}

function filterOf(
  scene: Scene,
  q: string,
  op: { relation: Filter['relation'] | null; reference: string | null },
  u: string,
): Filter | Answer | null {
  if (op.relation === null || op.reference === null) return null
  const to = placeSlot(scene, q, op.reference, u)
  return to.ok ? { relation: op.relation, to: to.value } : to.answer
}

const isAnswer = (x: unknown): x is Answer => typeof x === 'object' && x !== null && 'question' in x

const countRun: Run<'count' | 'list'> = (scene, q, op, u) => {
  const g = groupSlot(scene, q, op.what, u)
  if (!g.ok) return g.answer
  const f = filterOf(scene, q, op, u)
  if (isAnswer(f)) return f
  if (op.op === 'list') return listObjects(scene, g.value, f, q)
  return countObjects(
    scene,
    g.value,
    cleanReference(op.what) || 'objects',
    f,
    q,
    op.asksExistence === true,
  )
}

const superlativeRun: Run<'superlative'> = (scene, q, op, u) => {
  const g = op.amongList ? listSlot(scene, q, op.amongList, u) : groupSlot(scene, q, op.among, u)
  if (!g.ok) return g.answer
  const from =
    op.reference === null
      ? { ok: true as const, value: { kind: 'camera' as const } }
      : placeSlot(scene, q, op.reference, u)
  if (!from.ok) return from.answer
  const ref = from.value
  const among = ref.kind === 'object' ? g.value.filter((o) => o !== ref.object) : g.value
  if (among.length === 0)
    return unsupportedAnswer(scene, q, `I understood: ${u}, but there is nothing to rank.`)
  return superlative(scene, among, op.quantity, op.extreme, ref, q)
}

const differenceRun: Run<'difference'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = objectSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  const from =
    op.reference === null
      ? { ok: true as const, value: { kind: 'camera' as const } }
      : placeSlot(scene, q, op.reference, u)
  if (!from.ok) return from.answer
  return difference(scene, a.value, b.value, op.quantity, op.asked, from.value, q)
}

const distanceDifferenceRun: Run<'distance_difference'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = placeSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  const c = placeSlot(scene, q, op.c, u)
  if (!c.ok) return c.answer
  return distanceDifference(scene, a.value, b.value, c.value, op.farther, q)
}

const closerRun: Run<'closer_than'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = placeSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  const c = op.compareFrom === 'a' ? placeSlot(scene, q, op.c, u) : objectSlot(scene, q, op.c, u)
  if (!c.ok) return c.answer
  return closerThan(scene, a.value, b.value, c.value, op.closer, op.compareFrom, q)
}

const locateRun: Run<'locate'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  return a.ok ? locateFromCamera(scene, a.value, q) : a.answer
}

const nearRun: Run<'near'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = placeSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  return nearAnswer(scene, a.value, b.value, q)
}

const supportRun: Run<'support'> = (scene, q, op, u) => {
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = placeSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  return supportAnswer(scene, a.value, b.value, q)
}

const RUNS: { [K in OpName]: Run<K> } = {
  pair: pairRun,
  size: sizeRun,
  elevation: elevationRun,
  count: (s, q, op, u) => countRun(s, q, op, u),
  list: (s, q, op, u) => countRun(s, q, op, u),
  superlative: superlativeRun,
  difference: differenceRun,
  distance_difference: distanceDifferenceRun,
  closer_than: closerRun,
  support: supportRun,
  near: nearRun,
  locate: locateRun,
  predicate: (s, q, op, u) => classicRun(s, q, op, u),
  choice: (s, q, op, u) => classicRun(s, q, op, u),
  direction: (s, q, op, u) => classicRun(s, q, op, u),
  fits: (s, q, op, u) => classicRun(s, q, op, u),
  within: withinRun,
  what_if: whatIfRun,
}

/** Run a parsed query on a scene (see {@link answerQuestion} for the entry point). */
export function runQuery(scene: Scene, question: string, asked: Query): Answer {
  const { query, notes } = correctSpelling(scene, asked)
  const understood = describeQuery(query)
  // Each run takes exactly its own op; TypeScript cannot correlate RUNS[op] with the narrowed query.
  const run = RUNS[query.op] as Run<OpName>
  const frames = framesOf(scene, query)
  const refusal = frames.length > 0 && refuseFrameSize(scene, question, query, frames, understood)
  if (refusal) return refusal
  const answer = withFrameNote(
    scene,
    run(scene, question, query as Extract<QueryOp, { op: OpName }>, understood),
    frames,
  )
  if (notes.length === 0) return { ...answer, detail: { ...answer.detail, understood } }
  return {
    ...answer,
    text: `${answer.text} (I read ${notes.join(' and ')}.)`,
    detail: { ...answer.detail, understood, corrected: notes },
  }
}
