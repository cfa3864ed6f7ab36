/**
 * The geometric verifier: judges a statement from where the two things are. With a lifted 3D scene it uses the
 * metric rules (rules3d.ts); with only 2D boxes (a colour-only image, no depth model) the 2.5D rules
 * (rules2d.ts). It abstains when it cannot find both things, or when geometry cannot decide the relation
 * ("facing", "toward", "part of"). When a name has several instances it judges the largest (the one a caption
 * most likely means) and says so. Pure TypeScript.
 */

import type { SceneObject } from '../types'
import type { SpatialStatement } from './parseStatement'
import { RULES_2D, type Box2d } from './rules2d'
import { RULES_3D } from './rules3d'
import {
  abstain,
  voteFromProbability,
  type LabelledBox2d,
  type Vote,
  type VoteContext,
  type Voter,
} from './voter'

/** Singular, lower-case form of a label or phrase ("Dining Tables" → "dining table"). */
export function nounKey(phrase: string): string {
  const words = phrase.toLowerCase().trim().split(/\s+/)
  const last = words[words.length - 1]
  words[words.length - 1] =
    last.length > 3 && last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last
  return words.join(' ')
}

function matches(label: string, phrase: string): boolean {
  const a = nounKey(label)
  const b = nounKey(phrase)
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`)
}

const boxArea = (b: Box2d): number => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1])

/**
 * The largest instance named by `phrase`; `rank` 1 takes the second largest ("the person is next to the person"
 * compares two different people).
 */
function largest<T>(
  items: readonly T[],
  isNamed: (item: T) => boolean,
  size: (item: T) => number,
  rank = 0,
): { item: T; count: number } | null {
  const found = items.filter(isNamed).sort((a, b) => size(b) - size(a))
  return found.length > rank ? { item: found[rank], count: found.length } : null
}

const volume = (o: SceneObject): number => o.sizeM.width * o.sizeM.depth * o.sizeM.height

/** The scene objects a statement is about (the largest instance of each name), or null for a name not found. */
export function pickSceneObjects(
  statement: SpatialStatement,
  objects: ReadonlyArray<SceneObject>,
): { subject: SceneObject | null; object: SceneObject | null } {
  const named = (phrase: string) => (o: SceneObject) =>
    matches(o.label, phrase) || matches(o.name, phrase)
  const objectRank = nounKey(statement.subject) === nounKey(statement.object) ? 1 : 0
  return {
    subject: largest(objects, named(statement.subject), volume)?.item ?? null,
    object: largest(objects, named(statement.object), volume, objectRank)?.item ?? null,
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
    const objectRank = nounKey(subject) === nounKey(object) ? 1 : 0
    if (context.sceneObjects && RULES_3D[relation]) {
      const named = (phrase: string) => (o: SceneObject) =>
        matches(o.label, phrase) || matches(o.name, phrase)
      const s = largest(context.sceneObjects, named(subject), volume)
      const o = largest(context.sceneObjects, named(object), volume, objectRank)
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
    const named = (phrase: string) => (b: LabelledBox2d) => matches(b.label, phrase)
    const area = (b: LabelledBox2d) => boxArea(b.box)
    const s = largest(context.boxes2d, named(subject), area)
    const o = largest(context.boxes2d, named(object), area, objectRank)
    if (!s || !o) return abstain(this.id, `no box for "${!s ? subject : object}"`)
    const r = rule(s.item.box, o.item.box)
    return voteFromProbability(
      this.id,
      r.probabilityTrue,
      statement,
      `2D boxes: ${r.reason}${several(s.count, subject)}${several(o.count, object)}`,
    )
  }
}
