/**
 * Runs of the two-object queries: clock direction, yes/no relations, choices and fits (a width or an object's
 * narrower side between two objects). Pure TypeScript.
 */

import { answerChoice } from '../answers/choices'
import { directionClock } from '../answers/direction'
import { fitsBetween } from '../answers/fits'
import { formatLength } from '../answers/format'
import { extentOf } from '../answers/objectSize'
import { answerPredicate } from '../answers/predicates'
import type { Answer } from '../answers/types'
import { unsupportedAnswer } from '../answers/answerQuestion'
import type { Scene } from '../types'
import type { QueryOp } from './ast'
import { objectSlot, placeSlot } from './resolveSlots'
import { readWidth } from './units'

type Run<K extends QueryOp['op']> = (
  scene: Scene,
  q: string,
  op: Extract<QueryOp, { op: K }>,
  understood: string,
) => Answer

export const classicRun: Run<'direction' | 'predicate' | 'choice' | 'fits'> = (scene, q, op, u) => {
  if (op.op === 'direction') {
    const from = objectSlot(scene, q, op.from, u)
    if (!from.ok) return from.answer
    const to = objectSlot(scene, q, op.to, u)
    return to.ok ? directionClock(scene, from.value, to.value, q) : to.answer
  }
  const a = objectSlot(scene, q, op.a, u)
  if (!a.ok) return a.answer
  const b = objectSlot(scene, q, op.b, u)
  if (!b.ok) return b.answer
  if (op.op === 'predicate') return answerPredicate(scene, op.kind, a.value, b.value, q)
  if (op.op === 'choice') {
    if (op.reference === null) return answerChoice(scene, op.kind, a.value, b.value, null, q)
    const r = placeSlot(scene, q, op.reference, u)
    if (!r.ok) return r.answer
    return answerChoice(
      scene,
      op.kind,
      a.value,
      b.value,
      r.value.kind === 'object' ? r.value.object : null,
      q,
    )
  }
  return fitsRun(scene, q, op, a.value, b.value, u)
}

function fitsRun(
  scene: Scene,
  q: string,
  op: Extract<QueryOp, { op: 'fits' }>,
  a: Parameters<typeof fitsBetween>[1],
  b: Parameters<typeof fitsBetween>[2],
  u: string,
): Answer {
  const w = readWidth(op.item)
  if (w && !w.ok) return unsupportedAnswer(scene, q, `I cannot use the width: ${w.why}.`)
  if (w && w.ok) return fitsBetween(scene, a, b, w.widthM, op.item, q)
  const item = objectSlot(scene, q, op.item, u)
  if (!item.ok) {
    return unsupportedAnswer(
      scene,
      q,
      `I could not read a width (e.g. "8 cm") or an object of this scene in "${op.item}".`,
    )
  }
  const o = item.value
  const across = Math.min(
    extentOf(scene, o, 'width').value as number,
    extentOf(scene, o, 'depth').value as number,
  )
  return fitsBetween(
    scene,
    a,
    b,
    across,
    `the ${o.name} (${formatLength(across)} across its narrower side)`,
    q,
  )
}
