/**
 * Yes/no questions about a pair of objects ("is A left of B?"). Decisions use the fitted boxes in the world frame:
 * left/right by centre x, above/below by centre z, front/behind by centre y (front = smaller y = nearer the camera),
 * wider/thinner by box width, taller/shorter by box height, bigger/smaller by box volume w·d·h.
 * Strict comparisons: equal values answer "no" (the text says they are about the same).
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { buildProvenance, sentence, the, toAnswerObject, withFrameNote } from './format'
import {
  CENTRE_X,
  CENTRE_Y,
  CENTRE_Z,
  HEIGHT,
  VOLUME,
  WIDTH,
  compareReason,
  type Measure,
} from './measures'
import type { Answer, PredicateKind } from './types'

/** How one predicate is decided. */
export interface PredicateSpec {
  kind: PredicateKind
  measure: Measure
  /** 'less': true when A's value < B's; 'greater': when A's value > B's. */
  holdsWhen: 'less' | 'greater'
  /** Relation phrase, e.g. "to the left of", "wider than". */
  phrase: string
}

/** All twelve predicates. */
export const PREDICATE_SPECS: Record<PredicateKind, PredicateSpec> = {
  left: { kind: 'left', measure: CENTRE_X, holdsWhen: 'less', phrase: 'to the left of' },
  right: { kind: 'right', measure: CENTRE_X, holdsWhen: 'greater', phrase: 'to the right of' },
  above: { kind: 'above', measure: CENTRE_Z, holdsWhen: 'greater', phrase: 'above' },
  below: { kind: 'below', measure: CENTRE_Z, holdsWhen: 'less', phrase: 'below' },
  front: { kind: 'front', measure: CENTRE_Y, holdsWhen: 'less', phrase: 'in front of' },
  behind: { kind: 'behind', measure: CENTRE_Y, holdsWhen: 'greater', phrase: 'behind' },
  wider: { kind: 'wider', measure: WIDTH, holdsWhen: 'greater', phrase: 'wider than' },
  thinner: { kind: 'thinner', measure: WIDTH, holdsWhen: 'less', phrase: 'thinner than' },
  bigger: { kind: 'bigger', measure: VOLUME, holdsWhen: 'greater', phrase: 'bigger than' },
  smaller: { kind: 'smaller', measure: VOLUME, holdsWhen: 'less', phrase: 'smaller than' },
  taller: { kind: 'taller', measure: HEIGHT, holdsWhen: 'greater', phrase: 'taller than' },
  shorter: { kind: 'shorter', measure: HEIGHT, holdsWhen: 'less', phrase: 'shorter than' },
}

/**
 * Answer a yes/no predicate about A and B.
 * @param kind which predicate.
 * @param a subject object; @param b reference object (both from `scene`).
 * @param question the question text; a canonical one is generated when omitted.
 * @returns value boolean, unit 'bool'; geometry highlights A (primary) and B; detail has both compared values.
 */
export function answerPredicate(
  scene: Scene,
  kind: PredicateKind,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer {
  const spec = PREDICATE_SPECS[kind]
  const va = spec.measure.of(a)
  const vb = spec.measure.of(b)
  const holds = spec.holdsWhen === 'less' ? va < vb : va > vb
  const reason = compareReason(spec.measure, a, b)
  const core = holds
    ? `Yes, ${the(a)} is ${spec.phrase} ${the(b)}: ${reason}.`
    : `No, ${the(a)} is not ${spec.phrase} ${the(b)}: ${reason}.`
  return {
    question: question ?? sentence(`is ${the(a)} ${spec.phrase} ${the(b)}?`),
    kind,
    text: withFrameNote(scene, kind, core),
    value: holds,
    unit: 'bool',
    objects: [toAnswerObject(a), toAnswerObject(b)],
    provenance: buildProvenance(scene, [a, b], spec.measure.method),
    geometry: { kind: 'highlight', names: [a.name, b.name], primary: a.name },
    detail: { comparedQuantity: spec.measure.quantity, valueA: va, valueB: vb },
  }
}

/** Is A to the left of B (smaller world x of the centre)? */
export const isLeftOf = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'left', a, b, question)
/** Is A to the right of B (larger world x of the centre)? */
export const isRightOf = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer => answerPredicate(scene, 'right', a, b, question)
/** Is A above B (higher centre z; needs gravity)? */
export const isAbove = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'above', a, b, question)
/** Is A below B (lower centre z; needs gravity)? */
export const isBelow = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'below', a, b, question)
/** Is A in front of B (smaller world y of the centre: nearer the camera)? */
export const isInFrontOf = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer => answerPredicate(scene, 'front', a, b, question)
/** Is A behind B (larger world y of the centre)? */
export const isBehind = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'behind', a, b, question)
/** Is A wider than B (box width)? */
export const isWider = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'wider', a, b, question)
/** Is A thinner than B (box width)? */
export const isThinner = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer => answerPredicate(scene, 'thinner', a, b, question)
/** Is A bigger than B (box volume)? */
export const isBigger = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'bigger', a, b, question)
/** Is A smaller than B (box volume)? */
export const isSmaller = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer => answerPredicate(scene, 'smaller', a, b, question)
/** Is A taller than B (box height; needs gravity)? */
export const isTaller = (scene: Scene, a: SceneObject, b: SceneObject, question?: string): Answer =>
  answerPredicate(scene, 'taller', a, b, question)
/** Is A shorter than B (box height; needs gravity)? */
export const isShorter = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer => answerPredicate(scene, 'shorter', a, b, question)
