/**
 * Entry point: answer an English spatial question about a scene with the compositional grammar
 * (main/engine/questions), and the error answers it shares.
 * Errors are answers too: 'unknown_object', 'ambiguous_object' or 'unsupported' with value null.
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { runQuery } from '../questions/answerQuery'
import { finishAnswer } from '../questions/finish'
import { isQualifier, parseQuery } from '../questions/parse'
import { referenceScore } from '../questions/references'
import { buildProvenance, toAnswerObject } from './format'
import { EXAMPLE_QUESTIONS } from '../questions/examples'
import type { Answer } from './types'

function knownList(scene: Scene): string {
  return scene.objects.length === 0
    ? 'none (the scene has no objects)'
    : scene.objects.map((o) => o.name).join(', ')
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
    provenance: buildProvenance(
      scene,
      candidates,
      'no value: an object name matched several objects',
    ),
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
    provenance: buildProvenance(
      scene,
      [],
      'no value: the question did not match a supported template',
    ),
    detail: { examples: [...EXAMPLE_QUESTIONS] },
  }
}

/**
 * Answer one English spatial question about `scene`: the compositional grammar of main/engine/questions parses
 * it into a typed query, its references are resolved (names, synonyms, descriptors, groups, the camera, the support
 * surface) and one operation computes the answer. Lengths in metres, world frame (z up); a unit asked for
 * ("in inches") changes the text only. See {@link Answer} for units and provenance.
 * @param question e.g. "how far is the mug from the laptop?", "how high is the laptop above the floor, in inches".
 */
export function answerQuestion(scene: Scene, question: string): Answer {
  const query = parseQuery(question, (phrase) => referenceScore(scene, phrase))
  if (query.op === 'unsupported') {
    if (query.understood === null) return unsupportedAnswer(scene, question)
    const why = `I understood: ${query.understood}, but not "${query.ignored.join('", "')}", which could change the answer, so I did not answer.`
    const refusal = unsupportedAnswer(scene, question, why)
    return {
      ...refusal,
      detail: { ...refusal.detail, understood: query.understood, ignored: query.ignored },
    }
  }
  const answer = finishAnswer(runQuery(scene, question, query), query.unit, query.ignored)
  return answer.value === null ? (withoutTrailingClause(scene, question) ?? answer) : answer
}

/**
 * A question whose last comma clause spoils a reference ("…from the laptop, measured from the handle"): answer
 * it without that clause and say so; null when that does not give a value either.
 */
function withoutTrailingClause(scene: Scene, question: string): Answer | null {
  const comma = question.lastIndexOf(',')
  if (comma <= 0) return null
  const head = question.slice(0, comma)
  const tail = question
    .slice(comma + 1)
    .trim()
    .replace(/[?!.]+$/, '')
  const query = parseQuery(head, (phrase) => referenceScore(scene, phrase))
  if (query.op === 'unsupported' || tail.length === 0 || isQualifier(tail)) return null
  const answer = runQuery(scene, question, query)
  if (answer.value === null) return null
  return finishAnswer(answer, query.unit, [...query.ignored, tail])
}
