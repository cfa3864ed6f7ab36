/**
 * The geometric verifier: judges a statement from where the two things are. With a lifted 3D scene it uses the
 * metric rules (rules3d.ts); with only 2D boxes (a colour-only image, no depth model) the 2.5D rules
 * (rules2d.ts). It abstains when it cannot find both things, or when geometry cannot decide the relation
 * ("facing", "toward", "part of"). When a name has several instances it judges the largest (the one a caption
 * most likely means) and says so. Pure TypeScript.
 */

import { didYouMean, itemsNamed } from '../questions/nameMatch'
import type { Named } from '../questions/references'
import type { SceneObject } from '../types'
import type { SpatialStatement } from './parseStatement'
import { RULES_2D, type Box2d } from './rules2d'
import { RULES_3D } from './rules3d'
import { abstain, voteFromProbability, type Vote, type VoteContext, type Voter } from './voter'

/**
 * The things a phrase names among `items`, by the question grammar's lexicon (name, label, synonym, family word,
 * plural: "the mug" finds a "cup", "box" a box-shaped "book"); empty when it names none.
 */
function namedItems<T extends Named>(items: readonly T[], phrase: string): T[] {
  return itemsNamed(items, phrase)?.items ?? []
}

/** " (did you mean the laptop?)" when a name is spelled like one of `items`; empty otherwise. */
export function didYouMeanNote(items: readonly Named[], phrase: string): string {
  const close = didYouMean(items, phrase)
  return close.length > 0 ? ` (did you mean ${close.map((n) => `the ${n}`).join(' or ')}?)` : ''
}

const boxArea = (b: Box2d): number => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1])

/**
 * The largest instance named by `phrase`; `rank` 1 takes the second largest ("the person is next to the person"
 * compares two different people).
 */
function largest<T extends Named>(
  items: readonly T[],
  phrase: string,
  size: (item: T) => number,
  rank = 0,
): { item: T; count: number } | null {
  const found = namedItems(items, phrase).sort((a, b) => size(b) - size(a))
  return found.length > rank ? { item: found[rank], count: found.length } : null
}

/** 1 when subject and object name the same several things ("the person … the person"): judge two of them. */
function objectRankOf<T extends Named>(
  items: readonly T[],
  subject: string,
  object: string,
): number {
  const a = namedItems(items, subject)
  const b = namedItems(items, object)
  return a.length > 1 && a.length === b.length && a.every((x) => b.includes(x)) ? 1 : 0
}

const volume = (o: SceneObject): number => o.sizeM.width * o.sizeM.depth * o.sizeM.height

/** The scene objects a statement is about (the largest instance of each name), or null for a name not found. */
export function pickSceneObjects(
  statement: SpatialStatement,
  objects: ReadonlyArray<SceneObject>,
): { subject: SceneObject | null; object: SceneObject | null } {
  const objectRank = objectRankOf(objects, statement.subject, statement.object)
  return {
    subject: largest(objects, statement.subject, volume)?.item ?? null,
    object: largest(objects, statement.object, volume, objectRank)?.item ?? null,
  }
}

const several = (n: number, what: string): string =>
  n > 1 ? ` (${n} ${what}s: judged the largest)` : ''

export class GeometricVerifier implements Voter {
  readonly id: string
  /** @param id distinguishes verifiers fed different boxes (e.g. "geometry-gt", "geometry-nanodet"). */
  constructor(id = 'geometry') {
    this.id = id
  }

  vote(statement: SpatialStatement, context: VoteContext): Vote {
    const { subject, object, relation } = statement
    if (context.sceneObjects && RULES_3D[relation]) {
      const objects = context.sceneObjects
      const s = largest(objects, subject, volume)
      const o = largest(objects, object, volume, objectRankOf(objects, subject, object))
      if (s && o && s.item !== o.item) {
        const r = RULES_3D[relation](s.item, o.item)
        return voteFromProbability(
          this.id,
          r.probabilityTrue,
          statement,
          `3D: ${r.reason}${several(s.count, subject)}${several(o.count, object)}`,
        )
      }
    }
    const rule = RULES_2D[relation]
    if (!rule) return abstain(this.id, `"${relation}" is not decidable from geometry alone`)
    if (!context.boxes2d) return abstain(this.id, 'no boxes or scene for this image')
    const boxes = context.boxes2d.map((b) => ({ ...b, name: b.label }))
    const area = (b: (typeof boxes)[number]) => boxArea(b.box)
    const s = largest(boxes, subject, area)
    const o = largest(boxes, object, area, objectRankOf(boxes, subject, object))
    if (!s || !o) {
      const missing = !s ? subject : object
      return abstain(this.id, `no box for "${missing}"${didYouMeanNote(boxes, missing)}`)
    }
    const r = rule(s.item.box, o.item.box)
    return voteFromProbability(
      this.id,
      r.probabilityTrue,
      statement,
      `2D boxes: ${r.reason}${several(s.count, subject)}${several(o.count, object)}`,
    )
  }
}
