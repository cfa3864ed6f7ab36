/**
 * "Which is …, A or B?" questions. The answer value is the chosen object's name (unit 'name'), or null when the two
 * compared values are exactly equal. Same measures as the predicates (world frame, metres, m³); "closer"/"farther"
 * use the 3D distance from the camera centre, or from a reference object's centre when one is given.
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { buildProvenance, sentence, the, toAnswerObject, withFrameNote } from './format'
import {
  CAMERA_DISTANCE,
  CENTRE_X,
  CENTRE_Y,
  CENTRE_Z,
  HEIGHT,
  VOLUME,
  WIDTH,
  compareReason,
  distanceTo,
  type Measure,
} from './measures'
import type { Answer, ChoiceKind } from './types'

/** How one choice is decided: the object with the smaller ('min') or larger ('max') value wins. */
export interface ChoiceSpec {
  kind: ChoiceKind
  measure: Measure
  pick: 'min' | 'max'
  /** Comparative phrase, e.g. "more to the left", "taller". */
  adjective: string
}

/** All choice kinds (close/far use the camera unless a reference object is passed). */
export const CHOICE_SPECS: Record<ChoiceKind, ChoiceSpec> = {
  left_choice: {
    kind: 'left_choice',
    measure: CENTRE_X,
    pick: 'min',
    adjective: 'more to the left',
  },
  right_choice: {
    kind: 'right_choice',
    measure: CENTRE_X,
    pick: 'max',
    adjective: 'more to the right',
  },
  above_choice: { kind: 'above_choice', measure: CENTRE_Z, pick: 'max', adjective: 'higher' },
  below_choice: { kind: 'below_choice', measure: CENTRE_Z, pick: 'min', adjective: 'lower' },
  tall_choice: { kind: 'tall_choice', measure: HEIGHT, pick: 'max', adjective: 'taller' },
  short_choice: { kind: 'short_choice', measure: HEIGHT, pick: 'min', adjective: 'shorter' },
  big_choice: { kind: 'big_choice', measure: VOLUME, pick: 'max', adjective: 'bigger' },
  small_choice: { kind: 'small_choice', measure: VOLUME, pick: 'min', adjective: 'smaller' },
  wide_choice: { kind: 'wide_choice', measure: WIDTH, pick: 'max', adjective: 'wider' },
  thin_choice: { kind: 'thin_choice', measure: WIDTH, pick: 'min', adjective: 'thinner' },
  front_choice: {
    kind: 'front_choice',
    measure: CENTRE_Y,
    pick: 'min',
    adjective: 'more in front',
  },
  behind_choice: {
    kind: 'behind_choice',
    measure: CENTRE_Y,
    pick: 'max',
    adjective: 'further back',
  },
  close_choice: {
    kind: 'close_choice',
    measure: CAMERA_DISTANCE,
    pick: 'min',
    adjective: 'closer to the camera',
  },
  far_choice: {
    kind: 'far_choice',
    measure: CAMERA_DISTANCE,
    pick: 'max',
    adjective: 'farther from the camera',
  },
}

/**
 * Answer a choice question between A and B.
 * @param reference for close_choice / far_choice only: compare distances to this object instead of the camera.
 * @returns value = chosen name (null on an exact tie), unit 'name'; geometry highlights both, chosen as primary.
 */
export function answerChoice(
  scene: Scene,
  kind: ChoiceKind,
  a: SceneObject,
  b: SceneObject,
  reference: SceneObject | null = null,
  question?: string,
): Answer {
  const spec = CHOICE_SPECS[kind]
  const useRef = reference !== null && (kind === 'close_choice' || kind === 'far_choice')
  const measure = useRef ? distanceTo(reference) : spec.measure
  const adjective = useRef
    ? kind === 'close_choice'
      ? `closer to ${the(reference)}`
      : `farther from ${the(reference)}`
    : spec.adjective
  const va = measure.of(a)
  const vb = measure.of(b)
  let chosen: SceneObject | null = null
  if (va !== vb) chosen = (spec.pick === 'min' ? va < vb : va > vb) ? a : b
  let core: string
  if (chosen === null) {
    core = `Neither: ${the(a)} and ${the(b)} have the same ${measure.quantity} (${measure.format(va)}).`
  } else {
    const other = chosen === a ? b : a
    core = `${sentence(the(chosen))} is ${adjective}: ${compareReason(measure, chosen, other)}.`
  }
  const involved = useRef ? [a, b, reference] : [a, b]
  return {
    question: question ?? sentence(`which is ${adjective}, ${the(a)} or ${the(b)}?`),
    kind,
    text: withFrameNote(scene, kind, core),
    value: chosen ? chosen.name : null,
    unit: 'name',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      involved,
      `${measure.method}; ${spec.pick === 'min' ? 'smaller' : 'larger'} wins`,
    ),
    geometry: { kind: 'highlight', names: [a.name, b.name], primary: chosen ? chosen.name : null },
    detail: {
      comparedQuantity: measure.quantity,
      valueA: va,
      valueB: vb,
      ...(kind === 'close_choice' || kind === 'far_choice'
        ? { reference: useRef ? reference.name : 'camera' }
        : {}),
    },
  }
}

type ChoiceFn = (scene: Scene, a: SceneObject, b: SceneObject, question?: string) => Answer
const choice =
  (kind: ChoiceKind): ChoiceFn =>
  (scene, a, b, question) =>
    answerChoice(scene, kind, a, b, null, question)

/** Which is more to the left (smaller centre x)? */
export const chooseLeft: ChoiceFn = choice('left_choice')
/** Which is more to the right (larger centre x)? */
export const chooseRight: ChoiceFn = choice('right_choice')
/** Which is higher (larger centre z; needs gravity)? */
export const chooseAbove: ChoiceFn = choice('above_choice')
/** Which is lower (smaller centre z; needs gravity)? */
export const chooseBelow: ChoiceFn = choice('below_choice')
/** Which is taller (box height; needs gravity)? */
export const chooseTaller: ChoiceFn = choice('tall_choice')
/** Which is shorter (box height; needs gravity)? */
export const chooseShorter: ChoiceFn = choice('short_choice')
/** Which is bigger (box volume)? */
export const chooseBigger: ChoiceFn = choice('big_choice')
/** Which is smaller (box volume)? */
export const chooseSmaller: ChoiceFn = choice('small_choice')
/** Which is wider (box width)? */
export const chooseWider: ChoiceFn = choice('wide_choice')
/** Which is thinner (box width)? */
export const chooseThinner: ChoiceFn = choice('thin_choice')
/** Which is more in front (smaller centre y)? */
export const chooseFront: ChoiceFn = choice('front_choice')
/** Which is further back (larger centre y)? */
export const chooseBehind: ChoiceFn = choice('behind_choice')

/** Which is closer to the camera (3D), or to `reference` when given? */
export const chooseCloser = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  reference: SceneObject | null = null,
  question?: string,
): Answer => answerChoice(scene, 'close_choice', a, b, reference, question)

/** Which is farther from the camera (3D), or from `reference` when given? */
export const chooseFarther = (
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  reference: SceneObject | null = null,
  question?: string,
): Answer => answerChoice(scene, 'far_choice', a, b, reference, question)
