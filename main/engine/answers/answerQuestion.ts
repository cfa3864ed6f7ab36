/**
 * Entry point: answer an English spatial question about a scene. Parses the question with the template parser,
 * resolves the object phrases against the scene's objects and calls the function of that question type.
 * Errors are answers too: 'unknown_object', 'ambiguous_object' or 'unsupported' with value null.
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { answerChoice } from './choices'
import { directionClock } from './direction'
import { distanceBetween, gapBetween, horizontalDistance, verticalDistance } from './distances'
import { fitsBetween } from './fits'
import { buildProvenance, formatLength, toAnswerObject } from './format'
import { matchObject, type ObjectMatch } from './objectMatch'
import { extentOf, volumeOf } from './objectSize'
import { EXAMPLE_QUESTIONS } from './phrases'
import { answerPredicate } from './predicates'
import { parseQuestion, type ParsedQuestion } from './questionParser'
import type { Answer } from './types'

function knownList(scene: Scene): string {
  return scene.objects.length === 0 ? 'none (the scene has no objects)' : scene.objects.map((o) => o.name).join(', ')
}

/** Answer for a phrase that names no object of the scene. */
export function unknownObjectAnswer(scene: Scene, question: string, phrase: string): Answer {
  return {
    question,
    kind: 'unknown_object',
    text: `I could not find "${phrase}" in this scene. Objects I know: ${knownList(scene)}.`,
    value: null,
    unit: null,
    objects: [],
    provenance: buildProvenance(scene, [], 'no value: an object name was not found in the scene'),
    detail: { unknownName: phrase, candidates: scene.objects.map((o) => o.name) },
  }
}

/** Answer for a phrase that fits several objects (e.g. a label shared by two objects). */
export function ambiguousObjectAnswer(
  scene: Scene,
  question: string,
  phrase: string,
  candidates: SceneObject[],
): Answer {
  const names = candidates.map((o) => o.name)
  return {
    question,
    kind: 'ambiguous_object',
    text: `"${phrase}" could mean ${names.length} objects: ${names.join(', ')}. Please name one of them.`,
    value: null,
    unit: null,
    objects: candidates.map(toAnswerObject),
    provenance: buildProvenance(scene, candidates, 'no value: an object name matched several objects'),
    detail: { candidates: names },
  }
}

/** Answer for a question the parser does not understand; lists example forms. */
export function unsupportedAnswer(scene: Scene, question: string, why?: string): Answer {
  const lead = why ?? `I could not understand the question "${question}".`
  return {
    question,
    kind: 'unsupported',
    text: `${lead} I can answer questions like: ${EXAMPLE_QUESTIONS.join(' | ')}`,
    value: null,
    unit: null,
    objects: [],
    provenance: buildProvenance(scene, [], 'no value: the question did not match a supported template'),
    detail: { examples: [...EXAMPLE_QUESTIONS] },
  }
}

function failure(scene: Scene, question: string, m: ObjectMatch): Answer | null {
  if (m.status === 'unknown') return unknownObjectAnswer(scene, question, m.phrase)
  if (m.status === 'ambiguous') return ambiguousObjectAnswer(scene, question, m.phrase, m.candidates)
  return null
}

/** Resolve phrases in order; the first failure becomes the answer. */
function resolveAll(
  scene: Scene,
  question: string,
  phrases: string[],
): { objects: SceneObject[] } | { error: Answer } {
  const objects: SceneObject[] = []
  for (const p of phrases) {
    const m = matchObject(scene, p)
    const err = failure(scene, question, m)
    if (err) return { error: err }
    if (m.status === 'ok') objects.push(m.object)
  }
  return { objects }
}

function dispatch(scene: Scene, q: string, parsed: Exclude<ParsedQuestion, { type: 'unsupported' }>): Answer {
  switch (parsed.type) {
    case 'single': {
      const r = resolveAll(scene, q, [parsed.a])
      if ('error' in r) return r.error
      const [o] = r.objects
      return parsed.kind === 'volume' ? volumeOf(scene, o, q) : extentOf(scene, o, parsed.kind, q)
    }
    case 'predicate': {
      const r = resolveAll(scene, q, [parsed.a, parsed.b])
      if ('error' in r) return r.error
      return answerPredicate(scene, parsed.kind, r.objects[0], r.objects[1], q)
    }
    case 'choice': {
      const phrases = parsed.reference ? [parsed.a, parsed.b, parsed.reference] : [parsed.a, parsed.b]
      const r = resolveAll(scene, q, phrases)
      if ('error' in r) return r.error
      const [a, b, ref] = r.objects
      return answerChoice(scene, parsed.kind, a, b, ref ?? null, q)
    }
    case 'pair': {
      const r = resolveAll(scene, q, [parsed.a, parsed.b])
      if ('error' in r) return r.error
      const [a, b] = r.objects
      switch (parsed.kind) {
        case 'distance':
          return distanceBetween(scene, a, b, q)
        case 'gap':
          return gapBetween(scene, a, b, q)
        case 'horizontal_distance':
          return horizontalDistance(scene, a, b, q)
        case 'vertical_distance':
          return verticalDistance(scene, a, b, q)
        case 'direction':
          return directionClock(scene, a, b, q)
      }
      break
    }
    case 'fits': {
      const r = resolveAll(scene, q, [parsed.a, parsed.b])
      if ('error' in r) return r.error
      const [a, b] = r.objects
      if (parsed.widthM !== null) {
        if (!(parsed.widthM > 0)) return unsupportedAnswer(scene, q, `The width in "${parsed.item}" must be positive.`)
        return fitsBetween(scene, a, b, parsed.widthM, parsed.item, q)
      }
      const item = matchObject(scene, parsed.item)
      if (item.status !== 'ok') {
        return unsupportedAnswer(
          scene,
          q,
          `I could not read a width (e.g. "8 cm") or an object of this scene in "${parsed.item}".`,
        )
      }
      const o = item.object
      const w = Math.min(o.sizeM.width, o.sizeM.depth)
      return fitsBetween(scene, a, b, w, `the ${o.name} (${formatLength(w)} across its narrower side)`, q)
    }
  }
  return unsupportedAnswer(scene, q)
}

/**
 * Answer one English spatial question about `scene`.
 * Lengths in metres, world frame (z up); see {@link Answer} for units and provenance.
 * @param question e.g. "how far is the mug from the laptop?", "which is bigger, the mug or the can?".
 */
export function answerQuestion(scene: Scene, question: string): Answer {
  const score = (phrase: string): number => {
    const s = matchObject(scene, phrase).status
    return s === 'ok' ? 2 : s === 'ambiguous' ? 1 : 0
  }
  const parsed = parseQuestion(question, score)
  if (parsed.type === 'unsupported') return unsupportedAnswer(scene, question)
  return dispatch(scene, question, parsed)
}
