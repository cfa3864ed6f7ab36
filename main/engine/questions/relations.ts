/**
 * Relation phrases of the grammar ("left of", "on", "near") and quantity words of superlatives and differences
 * ("tallest", "how much farther"). Whole-word, lower case. Pure TypeScript.
 */

import type { FilterRelation, RankQuantity } from './ast'

/** Relation phrases that filter counts and lists, longest first when matched. */
export const FILTER_PHRASES: Array<[phrase: string, relation: FilterRelation]> = [
  ['to the left of', 'left'],
  ['on the left of', 'left'],
  ['on the left side of', 'left'],
  ['left of', 'left'],
  ['to the right of', 'right'],
  ['on the right of', 'right'],
  ['on the right side of', 'right'],
  ['right of', 'right'],
  ['in front of', 'front'],
  ['behind', 'behind'],
  ['in back of', 'behind'],
  ['above', 'above'],
  ['higher than', 'above'],
  ['below', 'below'],
  ['under', 'below'],
  ['underneath', 'below'],
  ['beneath', 'below'],
  ['lower than', 'below'],
  ['on top of', 'on'],
  ['resting on', 'on'],
  ['sitting on', 'on'],
  ['standing on', 'on'],
  ['lying on', 'on'],
  ['placed on', 'on'],
  ['on', 'on'],
  ['upon', 'on'],
  ['near', 'near'],
  ['next to', 'near'],
  ['close to', 'near'],
  ['beside', 'near'],
  ['by', 'near'],
  ['around', 'near'],
  ['bigger than', 'bigger'],
  ['larger than', 'bigger'],
  ['smaller than', 'smaller'],
  ['taller than', 'taller'],
  ['shorter than', 'shorter'],
  ['wider than', 'wider'],
]

const SORTED_FILTERS = [...FILTER_PHRASES].sort((a, b) => b[0].length - a[0].length)

/**
 * Split "objects are on the table" into the group ("objects"), the relation ('on') and the reference ("the table").
 * @returns null when the text holds no relation phrase between two non-empty parts.
 */
export function splitFilter(
  text: string,
): { what: string; relation: FilterRelation; reference: string } | null {
  for (const [phrase, relation] of SORTED_FILTERS) {
    const i = ` ${text} `.indexOf(` ${phrase} `)
    if (i < 0) continue
    const what = text
      .slice(0, Math.max(0, i - 1))
      .replace(/ (?:are|is)(?: (?:located|placed|sitting|standing|lying|there))?$/, '')
      .trim()
    const reference = text.slice(i + phrase.length).trim()
    if (reference.length > 0) return { what, relation, reference }
  }
  return null
}

/** Superlative words and the ranking each means. */
export const SUPERLATIVES: Record<string, [RankQuantity, 'min' | 'max']> = {
  closest: ['distance', 'min'],
  nearest: ['distance', 'min'],
  farthest: ['distance', 'max'],
  furthest: ['distance', 'max'],
  'most distant': ['distance', 'max'],
  'farthest away': ['distance', 'max'],
  'furthest away': ['distance', 'max'],
  tallest: ['height', 'max'],
  shortest: ['height', 'min'],
  biggest: ['volume', 'max'],
  largest: ['volume', 'max'],
  smallest: ['volume', 'min'],
  tiniest: ['volume', 'min'],
  widest: ['width', 'max'],
  narrowest: ['width', 'min'],
  thinnest: ['width', 'min'],
  longest: ['length', 'max'],
  leftmost: ['left', 'min'],
  'left most': ['left', 'min'],
  'furthest left': ['left', 'min'],
  'farthest left': ['left', 'min'],
  rightmost: ['left', 'max'],
  'right most': ['left', 'max'],
  'furthest right': ['left', 'max'],
  'farthest right': ['left', 'max'],
  highest: ['elevation', 'max'],
  lowest: ['elevation', 'min'],
  deepest: ['depth', 'max'],
}

/** Comparatives of "how much …er is A than B": quantity and whether "more" of it is asked. */
export const COMPARATIVES: Record<string, [RankQuantity, 'more' | 'less']> = {
  taller: ['height', 'more'],
  shorter: ['height', 'less'],
  wider: ['width', 'more'],
  narrower: ['width', 'less'],
  thinner: ['width', 'less'],
  longer: ['length', 'more'],
  deeper: ['depth', 'more'],
  bigger: ['volume', 'more'],
  larger: ['volume', 'more'],
  smaller: ['volume', 'less'],
  farther: ['distance', 'more'],
  further: ['distance', 'more'],
  'farther away': ['distance', 'more'],
  'further away': ['distance', 'more'],
  closer: ['distance', 'less'],
  nearer: ['distance', 'less'],
}
