/**
 * Operations about places: distance from the camera, elevation above the support surface (bottom, centre, top),
 * support ("is A on B / on the floor") and three-place comparisons ("is A closer to B than to C").
 * Each returns an {@link Answer} whose text and provenance.method say what was measured. World frame, metres.
 * Pure TypeScript.
 */

import {
  buildProvenance,
  formatLength,
  sentence,
  the,
  toAnswerObject,
  withFrameNote,
} from '../answers/format'
import type { Answer } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import {
  distanceFromPlace,
  levelsOf,
  placeName,
  restsOn,
  restsOnSurface,
  RESTING_TOLERANCE_M,
  type Place,
} from './places'
import type { ElevationLevel } from './ast'
import { distanceFromCamera } from './cameraOps'

const LEVEL_WORDS: Record<ElevationLevel, string> = {
  bottom: 'bottom',
  centre: 'centre',
  top: 'top',
}

/**
 * Height of an object's bottom, centre or top above the support plane (world z), metres. The text gives the
 * other levels too, so "how high is the laptop above the floor" never reads as the laptop's own height.
 */
export function elevationAboveSurface(
  scene: Scene,
  o: SceneObject,
  level: ElevationLevel,
  surfaceWord: string | null,
  question: string,
): Answer {
  if (scene.provenance.frameKind !== 'support-plane') {
    return noPlane(scene, o, question)
  }
  const lv = levelsOf(scene, o)
  const v = lv[level]
  const surface = surfaceWord
    ? `the support plane (what you called "${surfaceWord}")`
    : 'the support plane'
  const rest = restsOnSurface(scene, o) ? ' it rests on the plane;' : ''
  const text = `The ${LEVEL_WORDS[level]} of ${the(o)} is ${formatLength(v)} above ${surface} (${LEVEL_WORDS[level]} of its box above the plane;${rest} bottom ${formatLength(lv.bottom)}, top ${formatLength(lv.top)}).`
  const [x, y] = o.centerInWorld
  return {
    question,
    kind: 'elevation',
    text,
    value: v,
    unit: 'm',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(
      scene,
      [o],
      `${LEVEL_WORDS[level]} of the box above the support plane (world z; the plane is z = 0)`,
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: [x, y, 0],
      toInWorld: [x, y, v],
      lengthM: v,
      label: formatLength(v),
    },
    detail: {
      comparedQuantity: `${LEVEL_WORDS[level]} above the support plane`,
      valueA: lv.bottom,
      valueB: lv.top,
    },
  }
}

function noPlane(scene: Scene, o: SceneObject, question: string): Answer {
  return {
    question,
    kind: 'unsupported',
    text: `I cannot say how high ${the(o)} is above the surface: no support plane was found in this frame, so there is no surface to measure from.`,
    value: null,
    unit: null,
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(scene, [o], 'no value: elevation needs a support plane'),
  }
}

/** Height of A's bottom above B's top, metres (negative when A reaches below B's top). */
export function elevationAboveObject(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question: string,
): Answer {
  const v = levelsOf(scene, a).bottom - levelsOf(scene, b).top
  const [x, y] = a.centerInWorld
  return {
    question,
    kind: 'elevation',
    text: withFrameNote(
      scene,
      'vertical_distance',
      `The bottom of ${the(a)} is ${formatLength(v)} above the top of ${the(b)} (bottom of one box to the top of the other, along world z).`,
    ),
    value: v,
    unit: 'm',
    objects: [toAnswerObject(a), toAnswerObject(b)],
    provenance: buildProvenance(
      scene,
      [a, b],
      "A's box bottom minus B's box top along world z (up)",
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: [x, y, levelsOf(scene, b).top],
      toInWorld: [x, y, levelsOf(scene, a).bottom],
      lengthM: v,
      label: formatLength(v),
    },
  }
}

/** Whether A rests on B (an object) or on the support surface. */
export function supportAnswer(scene: Scene, a: SceneObject, on: Place, question: string): Answer {
  const tol = formatLength(RESTING_TOLERANCE_M)
  let holds: boolean
  let why: string
  let method: string
  const involved = on.kind === 'object' ? [a, on.object] : [a]
  if (on.kind === 'object') {
    const r = restsOn(scene, a, on.object)
    holds = r.holds
    why = `its bottom is ${formatLength(r.gapM)} from the top of ${the(on.object)}${r.overlapsM > 0 ? ` and their footprints are ${formatLength(r.overlapsM)} apart` : ' and their footprints overlap'}`
    method = `A's box bottom within ${tol} of B's box top and their footprints overlapping`
  } else if (on.kind === 'surface') {
    const b = levelsOf(scene, a).bottom
    holds = restsOnSurface(scene, a)
    why = `its bottom is ${formatLength(b)} above the support plane`
    method = `box bottom within ${tol} of the support plane (the frame's one support plane stands for "${on.word}")`
  } else {
    return {
      ...distanceFromCamera(scene, a, question),
      kind: 'unsupported',
      value: null,
      unit: null,
      text: 'Nothing rests on the camera.',
    }
  }
  const name = on.kind === 'object' ? the(on.object) : `the ${on.word}`
  return {
    question,
    kind: 'support',
    text: `${holds ? 'Yes' : 'No'}, ${the(a)} is ${holds ? '' : 'not '}on ${name}: ${why} (resting means within ${tol}).`,
    value: holds,
    unit: 'bool',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(scene, involved, method),
    geometry: { kind: 'highlight', names: involved.map((o) => o.name), primary: a.name },
  }
}

/**
 * "Is A closer to B than to C" (compareFrom 'a': d(A,B) vs d(A,C)) or "is A closer to B than C is"
 * (compareFrom 'b': d(A,B) vs d(C,B)). Distances centre to centre (camera: camera centre; surface: box bottom).
 */
export function closerThan(
  scene: Scene,
  a: SceneObject,
  b: Place,
  c: Place | SceneObject,
  closer: boolean,
  compareFrom: 'a' | 'b',
  question: string,
): Answer {
  const dAB = distanceFromPlace(scene, b, a)
  let dOther: { valueM: number; method: string }
  let otherText: string
  const involved: SceneObject[] = [a]
  if (compareFrom === 'a') {
    const cPlace = c as Place
    dOther = distanceFromPlace(scene, cPlace, a)
    otherText = `to ${placeName(cPlace)}`
    if (cPlace.kind === 'object') involved.push(cPlace.object)
  } else {
    const cObj = c as SceneObject
    dOther = distanceFromPlace(scene, b, cObj)
    otherText = `${the(cObj)} is from ${placeName(b)}`
    involved.push(cObj)
  }
  if (b.kind === 'object') involved.push(b.object)
  const holds = closer ? dAB.valueM < dOther.valueM : dAB.valueM > dOther.valueM
  const word = closer ? 'closer' : 'farther'
  const core = `${holds ? 'Yes' : 'No'}: ${the(a)} is ${formatLength(dAB.valueM)} from ${placeName(b)} (${dAB.method}), against ${formatLength(dOther.valueM)} ${compareFrom === 'a' ? `from ${the(a)} ` : 'that '}${otherText} (${dOther.method}).`
  return {
    question,
    kind: closer ? 'closer_than' : 'farther_than',
    text: core.replace('that the', 'that the').replace(/\s+/g, ' '),
    value: holds,
    unit: 'bool',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(scene, involved, `${word}: compared ${dAB.method} distances`),
    geometry: { kind: 'highlight', names: involved.map((o) => o.name), primary: a.name },
    detail: {
      comparedQuantity: `distance (${dAB.method})`,
      valueA: dAB.valueM,
      valueB: dOther.valueM,
    },
  }
}

/**
 * How much farther (or closer) A is from B than from C: d(A,B) − d(A,C) (farther) or d(A,C) − d(A,B) (closer),
 * metres; distances as {@link distanceFromPlace} measures them (centre to centre between objects).
 */
export function distanceDifference(
  scene: Scene,
  a: SceneObject,
  b: Place,
  c: Place,
  farther: boolean,
  question: string,
): Answer {
  const dB = distanceFromPlace(scene, b, a)
  const dC = distanceFromPlace(scene, c, a)
  const diff = farther ? dB.valueM - dC.valueM : dC.valueM - dB.valueM
  const word = farther ? 'farther' : 'closer'
  const sense =
    diff >= 0
      ? `${formatLength(diff)} ${word}`
      : `in fact ${formatLength(-diff)} ${farther ? 'closer' : 'farther'}`
  const involved = [a, ...[b, c].flatMap((p) => (p.kind === 'object' ? [p.object] : []))]
  return {
    question,
    kind: 'difference',
    text: `${sentence(the(a))} is ${sense} from ${placeName(b)} than from ${placeName(c)} (${formatLength(dB.valueM)} vs ${formatLength(dC.valueM)}, ${dB.method}).`,
    value: diff,
    unit: 'm',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      involved,
      `difference of two distances from the ${a.name}, ${dB.method}`,
    ),
    geometry: { kind: 'highlight', names: involved.map((o) => o.name), primary: a.name },
    detail: { comparedQuantity: `distance (${dB.method})`, valueA: dB.valueM, valueB: dC.valueM },
  }
}
