/**
 * Turns the reference slots of a query into scene things, or into the error answer that says why not
 * (unknown with "did you mean", ambiguous, or the wrong kind of thing: "the floor" where an object is needed).
 * Pure TypeScript.
 */

import { ambiguousObjectAnswer } from '../answers/answerQuestion'
import { buildProvenance, the, toAnswerObject } from '../answers/format'
import type { Answer } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import { describeFilter, filterHolds } from './filters'
import type { Place } from './places'
import { splitFilter } from './relations'
import { cleanReference, isKnownClassWord, resolveReference, type Resolved } from './references'

/** A slot's value, or the answer explaining why there is none. */
export type Slot<T> = { ok: true; value: T } | { ok: false; answer: Answer }

function knownList(scene: Scene): string {
  return scene.objects.length === 0
    ? 'none (the scene has no objects)'
    : scene.objects.map((o) => o.name).join(', ')
}

/** The answer for a phrase that names nothing in the scene: what was not understood, and "did you mean". */
export function unknownAnswer(
  scene: Scene,
  question: string,
  r: Extract<Resolved, { kind: 'unknown' }>,
  understood: string,
): Answer {
  const unused = r.unusedWords.join(' ')
  const part = r.why
    ? ` I understood it, but ${r.why}.`
    : unused.length > 0 && unused !== r.phrase
      ? ` I did not understand "${unused}" in it.`
      : ''
  const mean =
    r.suggestions.length > 0 ? ` Did you mean ${r.suggestions.map(the).join(' or ')}?` : ''
  return {
    question,
    kind: 'unknown_object',
    text: `I could not find "${r.phrase}" in this scene.${part}${mean} Objects I know: ${knownList(scene)}. (I understood the question as: ${understood}.)`,
    value: null,
    unit: null,
    objects: r.suggestions.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      [],
      'no value: a reference phrase named nothing in the scene',
    ),
    detail: { unknownName: r.phrase, candidates: r.suggestions.map((o) => o.name), understood },
  }
}

function wrongKind(
  scene: Scene,
  question: string,
  phrase: string,
  what: string,
  understood: string,
): Answer {
  return {
    question,
    kind: 'unsupported',
    text: `"${phrase}" is ${what}, but this question needs an object there. (I understood the question as: ${understood}.)`,
    value: null,
    unit: null,
    objects: [],
    provenance: buildProvenance(scene, [], 'no value: a reference of the wrong kind'),
    detail: { understood },
  }
}

/**
 * "the boxes on the table", "the thing left of the mug": a group phrase followed by a relation to a place.
 * Null when the phrase has no such relation or its parts do not resolve.
 */
function relativeClause(
  scene: Scene,
  phrase: string,
): { objects: SceneObject[]; why: string } | null {
  const f = splitFilter(cleanReference(phrase))
  if (!f || f.what.length === 0) return null
  const what = resolveReference(scene, f.what)
  const among =
    what.kind === 'group'
      ? what.objects
      : what.kind === 'object'
        ? [what.object]
        : what.kind === 'ambiguous'
          ? what.candidates
          : null
  const to = resolveReference(scene, f.reference)
  if (among === null) return null
  const place: Place | null =
    to.kind === 'object'
      ? { kind: 'object', object: to.object }
      : to.kind === 'camera'
        ? { kind: 'camera' }
        : to.kind === 'surface'
          ? { kind: 'surface', word: to.word }
          : null
  // "the laptop above the floor" is no filter: left/above/… compare two objects' centres, not an object and a plane.
  if (place === null || (place.kind !== 'object' && f.relation !== 'on' && f.relation !== 'near'))
    return null
  const filter = { relation: f.relation, to: place }
  return {
    objects: among.filter((o) => filterHolds(scene, filter, o)),
    why: `no "${f.what}" is ${describeFilter(filter)}`,
  }
}

/** Resolve a phrase that must name one object. */
export function objectSlot(
  scene: Scene,
  question: string,
  phrase: string,
  understood: string,
): Slot<SceneObject> {
  let r = resolveReference(scene, phrase)
  if (r.kind === 'unknown') {
    const rc = relativeClause(scene, phrase)
    if (rc && rc.objects.length === 1) return { ok: true, value: rc.objects[0] }
    if (rc && rc.objects.length > 1)
      r = { kind: 'ambiguous', phrase: r.phrase, candidates: rc.objects }
    else if (rc) r = { ...r, unusedWords: [], why: rc.why }
  }
  switch (r.kind) {
    case 'object':
      return { ok: true, value: r.object }
    case 'ambiguous':
      return { ok: false, answer: ambiguousObjectAnswer(scene, question, r.phrase, r.candidates) }
    case 'group':
      return { ok: false, answer: ambiguousObjectAnswer(scene, question, r.phrase, r.objects) }
    case 'unknown':
      return { ok: false, answer: unknownAnswer(scene, question, r, understood) }
    case 'camera':
      return { ok: false, answer: wrongKind(scene, question, r.phrase, 'the camera', understood) }
    case 'surface':
      return {
        ok: false,
        answer: wrongKind(scene, question, r.phrase, 'the support surface', understood),
      }
  }
}

/** Resolve a phrase naming an object, the camera or the support surface. */
export function placeSlot(
  scene: Scene,
  question: string,
  phrase: string,
  understood: string,
): Slot<Place> {
  const r = resolveReference(scene, phrase)
  if (r.kind === 'camera') return { ok: true, value: { kind: 'camera' } }
  if (r.kind === 'surface') {
    if (scene.provenance.frameKind !== 'support-plane') {
      return {
        ok: false,
        answer: wrongKind(
          scene,
          question,
          r.phrase,
          'a surface, but no support plane was found in this frame, so it',
          understood,
        ),
      }
    }
    return { ok: true, value: { kind: 'surface', word: r.word } }
  }
  const o = objectSlot(scene, question, phrase, understood)
  return o.ok ? { ok: true, value: { kind: 'object', object: o.value } } : o
}

/**
 * Resolve a phrase naming a group ("the boxes", "chairs", "everything", "the red one").
 * A class word the lexicon knows but the scene lacks is an empty group (so "how many chairs" can answer 0).
 */
export function groupSlot(
  scene: Scene,
  question: string,
  phrase: string,
  understood: string,
): Slot<SceneObject[]> {
  const r = resolveReference(scene, phrase)
  if (r.kind === 'unknown' && r.isEmptyMatch) return { ok: true, value: [] }
  const rc = r.kind === 'unknown' ? relativeClause(scene, phrase) : null
  if (rc) return { ok: true, value: rc.objects }
  if (r.kind === 'group') return { ok: true, value: r.objects }
  if (r.kind === 'object') return { ok: true, value: [r.object] }
  if (r.kind === 'ambiguous') return { ok: true, value: r.candidates }
  if (r.kind === 'unknown' && isKnownClassWord(cleanReference(phrase)))
    return { ok: true, value: [] }
  if (r.kind === 'unknown')
    return { ok: false, answer: unknownAnswer(scene, question, r, understood) }
  return {
    ok: false,
    answer: wrongKind(
      scene,
      question,
      r.phrase,
      r.kind === 'camera' ? 'the camera' : 'the support surface',
      understood,
    ),
  }
}

/** Resolve objects named one by one ("the mug, the can or the bottle"); each must name one object. */
export function listSlot(scene: Scene, q: string, items: string[], u: string): Slot<SceneObject[]> {
  const out: SceneObject[] = []
  for (const item of items) {
    const o = objectSlot(scene, q, item, u)
    if (!o.ok) return o
    if (!out.includes(o.value)) out.push(o.value)
  }
  return { ok: true, value: out }
}
