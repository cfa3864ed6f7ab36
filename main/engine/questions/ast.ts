/**
 * The typed query a question parses to: quantity × references × relation × unit. References are raw phrases here;
 * {@link resolveReference} turns them into objects, groups, the camera or the support surface. Pure TypeScript.
 */

import type { LengthUnit } from '../reasoning/units'
import type { ChoiceKind, PredicateKind } from '../answers/types'

/** Distances between two places: centre to centre, closest surfaces, horizontal or vertical part. */
export type PairQuantity = 'distance' | 'gap' | 'horizontal_distance' | 'vertical_distance'

/** A quantity of one object. 'length' is the longer horizontal side; 'longest_side' the longest of the three. */
export type SizeQuantity = 'width' | 'depth' | 'height' | 'volume' | 'length' | 'longest_side'

/** Which level of an object an elevation question asks about (metres above the support plane). */
export type ElevationLevel = 'bottom' | 'top' | 'centre'

/** A relation a count or list filters by ("on the table", "left of the mug"). */
export type FilterRelation = PredicateKind | 'on' | 'near'

/** Quantities superlatives and differences rank by. */
export type RankQuantity =
  'height' | 'width' | 'depth' | 'length' | 'volume' | 'distance' | 'left' | 'elevation'

/** One parsed question. Phrases are raw reference phrases. */
export type QueryOp =
  | { op: 'pair'; quantity: PairQuantity; a: string; b: string }
  | { op: 'size'; quantity: SizeQuantity; a: string }
  | { op: 'elevation'; level: ElevationLevel; a: string; surface: string | null }
  | {
      op: 'count'
      what: string
      relation: FilterRelation | null
      reference: string | null
      asksExistence?: boolean
    }
  | { op: 'near'; a: string; b: string }
  | { op: 'list'; what: string; relation: FilterRelation | null; reference: string | null }
  | {
      op: 'superlative'
      quantity: RankQuantity
      extreme: 'min' | 'max'
      among: string
      reference: string | null
      /** Objects named one by one ("the mug, the can or the bottle"); `among` is then their joined text. */
      amongList?: string[]
    }
  | { op: 'locate'; a: string }
  | {
      op: 'difference'
      quantity: RankQuantity
      asked: 'more' | 'less'
      a: string
      b: string
      reference: string | null
    }
  | { op: 'distance_difference'; farther: boolean; a: string; b: string; c: string }
  | { op: 'closer_than'; closer: boolean; a: string; b: string; c: string; compareFrom: 'a' | 'b' }
  | { op: 'support'; a: string; b: string }
  | { op: 'predicate'; kind: PredicateKind; a: string; b: string }
  | { op: 'choice'; kind: ChoiceKind; a: string; b: string; reference: string | null }
  | { op: 'direction'; from: string; to: string }
  | { op: 'fits'; a: string; b: string; item: string }
  /** "is A within 10 cm of B": closest surfaces (point to box for a robot frame) against `limit` ("10 cm"). */
  | { op: 'within'; a: string; b: string; limit: string }
  /**
   * "will A clear B if it moves 10 cm forward": A moved along `move` ("10 cm forward", "5 cm toward the bottle");
   * `asks` 'clear' wants true when A never touches B on the way, 'hit' when it does.
   */
  | { op: 'what_if'; a: string; b: string; move: string; asks: 'clear' | 'hit' }

/** A parsed question with the unit asked and the phrases the grammar read but did not use. */
export type Query = QueryOp & {
  /** Unit the answer text should use ("… in inches"); `Answer.value` stays metres. */
  unit: LengthUnit | null
  /** Trailing phrases that were not understood; the answer says it ignored them. */
  ignored: string[]
}

/** Why no rule matched, with what was understood. */
export interface ParseFailure {
  op: 'unsupported'
  /** What the grammar did understand, for the refusal text; null when nothing. */
  understood: string | null
  unit: LengthUnit | null
  ignored: string[]
}
