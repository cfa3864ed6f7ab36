/**
 * Relation filters of counts and lists ("on the table", "left of the mug", "near the laptop") and the yes/no
 * "is A near B". World frame, metres. Pure TypeScript.
 */

import { closestBoxDistance } from '../answers/boxGeometry'
import { buildProvenance, formatLength, the, toAnswerObject } from '../answers/format'
import { PREDICATE_SPECS } from '../answers/predicates'
import type { Answer, PredicateKind } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import type { FilterRelation } from './ast'
import { distanceFromPlace, placeName, restsOn, restsOnSurface, type Place } from './places'

/** Distance under which "near" holds, closest surfaces, metres. */
export const NEAR_M = 0.15

/** A relation filter over objects, with the sentence saying how it is decided. */
export interface Filter {
  relation: FilterRelation
  to: Place
}

/** Whether `o` satisfies the filter; and how it is decided. */
export function filterHolds(scene: Scene, f: Filter, o: SceneObject): boolean {
  if (f.to.kind === 'object' && f.to.object === o) return false
  if (f.relation === 'on') {
    if (f.to.kind === 'surface') return restsOnSurface(scene, o)
    return f.to.kind === 'object' && restsOn(scene, o, f.to.object).holds
  }
  if (f.relation === 'near') {
    if (f.to.kind === 'object') return closestBoxDistance(o, f.to.object).distanceM <= NEAR_M
    return distanceFromPlace(scene, f.to, o).valueM <= NEAR_M
  }
  if (f.to.kind !== 'object') return false
  const spec = PREDICATE_SPECS[f.relation as PredicateKind]
  const va = spec.measure.of(o)
  const vb = spec.measure.of(f.to.object)
  return spec.holdsWhen === 'less' ? va < vb : va > vb
}

/** Readable filter: "on the support plane", "to the left of the mug (box centres along world x)". */
export function describeFilter(f: Filter): string {
  if (f.relation === 'on') {
    return f.to.kind === 'surface'
      ? `on ${placeName(f.to)} (box bottom within 3 cm of the plane)`
      : `on ${placeName(f.to)} (box bottom within 3 cm of its top, footprints overlapping)`
  }
  if (f.relation === 'near')
    return `near ${placeName(f.to)} (closest surfaces within ${formatLength(NEAR_M)})`
  const spec = PREDICATE_SPECS[f.relation as PredicateKind]
  return `${spec.phrase} ${placeName(f.to)} (${spec.measure.method})`
}

/** Whether A is near B: closest surfaces within {@link NEAR_M} (to the camera or surface: as distanceFromPlace). */
export function nearAnswer(scene: Scene, a: SceneObject, to: Place, question: string): Answer {
  const d =
    to.kind === 'object'
      ? closestBoxDistance(a, to.object).distanceM
      : distanceFromPlace(scene, to, a).valueM
  const how =
    to.kind === 'object' ? 'closest surfaces of the boxes' : distanceFromPlace(scene, to, a).method
  const holds = d <= NEAR_M
  const involved = to.kind === 'object' ? [a, to.object] : [a]
  return {
    question,
    kind: 'near',
    text: `${holds ? 'Yes' : 'No'}, ${the(a)} is ${holds ? '' : 'not '}near ${placeName(to)}: ${formatLength(d)} apart (${how}; near means within ${formatLength(NEAR_M)}).`,
    value: holds,
    unit: 'bool',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(scene, involved, `${how}, compared with ${formatLength(NEAR_M)}`),
    geometry: { kind: 'highlight', names: involved.map((o) => o.name), primary: a.name },
    detail: { gapM: d },
  }
}
