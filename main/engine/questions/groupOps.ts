/**
 * Operations over groups of objects: counting and listing (optionally filtered by a relation to a reference),
 * superlatives ("which is closest to the camera", "the tallest box"), differences ("how much taller is A than B")
 * and length (longer horizontal side). Sizes come from answers/objectSize.ts. World frame, metres.
 * Pure TypeScript.
 */

import { extentOf, volumeOf } from '../answers/objectSize'
import {
  buildProvenance,
  formatLength,
  formatVolume,
  sentence,
  the,
  toAnswerObject,
  withFrameNote,
} from '../answers/format'
import type { Answer } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import type { RankQuantity } from './ast'
import { describeFilter, filterHolds, type Filter } from './filters'
import { distanceFromPlace, levelsOf, placeName, type Place } from './places'

function listText(objs: SceneObject[]): string {
  return objs.length === 0 ? 'none' : objs.map((o) => the(o)).join(', ')
}

/** Count the objects of `among` (described as `what`) that pass the filter. */
export function countObjects(
  scene: Scene,
  among: SceneObject[],
  what: string,
  filter: Filter | null,
  question: string,
  asksExistence = false,
): Answer {
  const hits = filter ? among.filter((o) => filterHolds(scene, filter, o)) : among
  const where = filter ? ` ${describeFilter(filter)}` : ' in this scene'
  const involved = filter?.to.kind === 'object' ? [...hits, filter.to.object] : hits
  const found = hits.length > 0 ? ` (${listText(hits)})` : ''
  const counted = `Count of ${what}${where}: ${hits.length}${found}. (Counted the scene's detected objects.)`
  return {
    question,
    kind: 'count',
    text: asksExistence ? `${hits.length > 0 ? 'Yes' : 'No'}. ${counted}` : counted,
    value: asksExistence ? hits.length > 0 : hits.length,
    unit: asksExistence ? 'bool' : 'count',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      involved,
      `count of scene objects matching "${what}"${filter ? `, ${describeFilter(filter)}` : ''}`,
    ),
    geometry: { kind: 'highlight', names: hits.map((o) => o.name), primary: null },
    detail: { names: hits.map((o) => o.name) },
  }
}

/** List the objects of `among` that pass the filter; value is their names joined by ", ". */
export function listObjects(
  scene: Scene,
  among: SceneObject[],
  filter: Filter | null,
  question: string,
): Answer {
  const hits = filter ? among.filter((o) => filterHolds(scene, filter, o)) : among
  const where = filter ? describeFilter(filter) : 'in this scene'
  const involved = filter?.to.kind === 'object' ? [...hits, filter.to.object] : hits
  return {
    question,
    kind: 'list',
    text: `${sentence(hits.length === 0 ? 'nothing' : listText(hits))} ${hits.length === 1 ? 'is' : 'are'} ${where}.`,
    value: hits.map((o) => o.name).join(', '),
    unit: 'names',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(scene, involved, `scene objects ${where}`),
    geometry: { kind: 'highlight', names: hits.map((o) => o.name), primary: null },
    detail: { names: hits.map((o) => o.name) },
  }
}

/** The value an object is ranked by, and how it is measured. */
export function rankValue(
  scene: Scene,
  o: SceneObject,
  q: RankQuantity,
  from: Place,
): { v: number; method: string; format: (v: number) => string } {
  const size = (axis: 'width' | 'depth' | 'height'): number =>
    extentOf(scene, o, axis).value as number
  switch (q) {
    case 'height':
    case 'width':
    case 'depth':
      return { v: size(q), method: `box ${q}`, format: formatLength }
    case 'length':
      return {
        v: Math.max(size('width'), size('depth')),
        method: 'longer horizontal side of the box',
        format: formatLength,
      }
    case 'volume':
      return {
        v: volumeOf(scene, o).value as number,
        method: 'box volume width·depth·height',
        format: formatVolume,
      }
    case 'left':
      return {
        v: o.centerInWorld[0],
        method: 'box centre along world x (right positive)',
        format: formatLength,
      }
    case 'elevation':
      return {
        v: levelsOf(scene, o).top,
        method: 'box top above the support plane',
        format: formatLength,
      }
    case 'distance': {
      const d = distanceFromPlace(scene, from, o)
      return {
        v: d.valueM,
        method: `distance from ${placeName(from)}, ${d.method}`,
        format: formatLength,
      }
    }
  }
}

const EXTREME_WORDS: Record<RankQuantity, [min: string, max: string]> = {
  height: ['shortest', 'tallest'],
  width: ['narrowest', 'widest'],
  depth: ['shallowest', 'deepest'],
  length: ['shortest', 'longest'],
  volume: ['smallest', 'biggest'],
  left: ['leftmost', 'rightmost'],
  elevation: ['lowest', 'highest'],
  distance: ['closest', 'farthest'],
}

/** The object of `among` with the smallest or largest value of a quantity; ties go to the first. */
export function superlative(
  scene: Scene,
  among: SceneObject[],
  q: RankQuantity,
  extreme: 'min' | 'max',
  from: Place,
  question: string,
): Answer {
  const ranked = among
    .map((o) => ({ o, r: rankValue(scene, o, q, from) }))
    .sort((x, y) => (extreme === 'min' ? x.r.v - y.r.v : y.r.v - x.r.v))
  const best = ranked[0]
  const word = EXTREME_WORDS[q][extreme === 'min' ? 0 : 1]
  const to = q === 'distance' ? ` ${extreme === 'min' ? 'to' : 'from'} ${placeName(from)}` : ''
  const runner = ranked[1]
    ? `; next: ${the(ranked[1].o)} at ${ranked[1].r.format(ranked[1].r.v)}`
    : ''
  const involved = from.kind === 'object' ? [...among, from.object] : among
  return {
    question,
    kind: 'superlative',
    text: withFrameNote(
      scene,
      q === 'height' || q === 'elevation' ? 'height' : 'distance',
      `${sentence(the(best.o))} is the ${word}${to}: ${best.r.format(best.r.v)} (${best.r.method})${runner}.`,
    ),
    value: best.o.name,
    unit: 'name',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      involved,
      `${best.r.method}, ranked over ${among.length} objects; ${extreme === 'min' ? 'smallest' : 'largest'} wins`,
    ),
    geometry: { kind: 'highlight', names: among.map((o) => o.name), primary: best.o.name },
    detail: {
      comparedQuantity: best.r.method,
      valueA: best.r.v,
      names: ranked.map((x) => x.o.name),
    },
  }
}

const COMPARATIVE_WORDS: Record<RankQuantity, [less: string, more: string]> = {
  height: ['shorter', 'taller'],
  width: ['narrower', 'wider'],
  depth: ['shallower', 'deeper'],
  length: ['shorter', 'longer'],
  volume: ['smaller', 'bigger'],
  left: ['further left', 'further right'],
  elevation: ['lower', 'higher'],
  distance: ['closer', 'farther'],
}

/** A − B of a quantity (metres, or m³ for volume); the text says which is larger and by how much. */
export function difference(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  q: RankQuantity,
  asked: 'more' | 'less',
  from: Place,
  question: string,
): Answer {
  const ra = rankValue(scene, a, q, from)
  const rb = rankValue(scene, b, q, from)
  const diff = asked === 'more' ? ra.v - rb.v : rb.v - ra.v
  const [lessWord, moreWord] = COMPARATIVE_WORDS[q]
  const word = asked === 'more' ? moreWord : lessWord
  const opposite = asked === 'more' ? lessWord : moreWord
  const mag = ra.format(Math.abs(diff))
  const sense =
    diff >= 0 ? `${the(a)} is ${mag} ${word}` : `${the(a)} is in fact ${mag} ${opposite}`
  const involved = from.kind === 'object' ? [a, b, from.object] : [a, b]
  return {
    question,
    kind: 'difference',
    text: withFrameNote(
      scene,
      q === 'height' ? 'height' : 'distance',
      `${sentence(sense)} than ${the(b)} (${ra.method}: ${ra.format(ra.v)} vs ${rb.format(rb.v)}).`,
    ),
    value: diff,
    unit: q === 'volume' ? 'm3' : 'm',
    objects: involved.map(toAnswerObject),
    provenance: buildProvenance(
      scene,
      involved,
      `difference of ${ra.method} (A − B${asked === 'less' ? ', asked as B − A' : ''})`,
    ),
    geometry: { kind: 'highlight', names: [a.name, b.name], primary: a.name },
    detail: { comparedQuantity: ra.method, valueA: ra.v, valueB: rb.v },
  }
}

/** Length of an object: its longer horizontal side ('length') or its longest side of all three ('longest_side'). */
export function lengthOf(
  scene: Scene,
  o: SceneObject,
  longestOfAll: boolean,
  question: string,
): Answer {
  const axes: Array<'width' | 'depth' | 'height'> = longestOfAll
    ? ['width', 'depth', 'height']
    : ['width', 'depth']
  const answers = axes.map((axis) => ({ axis, a: extentOf(scene, o, axis, question) }))
  answers.sort((x, y) => (y.a.value as number) - (x.a.value as number))
  const { axis, a } = answers[0]
  const v = a.value as number
  const what = longestOfAll ? 'longest side of its box' : 'longer horizontal side of its box'
  return {
    ...a,
    kind: 'length',
    text: `${sentence(the(o))} is ${formatLength(v)} long (${what}, its ${axis}).`,
    provenance: {
      ...a.provenance,
      method: `${what}: the largest of ${axes.join(', ')}; ${a.provenance.method}`,
    },
  }
}
