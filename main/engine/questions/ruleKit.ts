/**
 * Shared pieces of the grammar's rules: the reference slot, "is/are", the comparative and superlative word lists,
 * and anchored regular expressions. Pure TypeScript.
 */

import { COMPARATIVES, SUPERLATIVES } from './relations'

/** A reference slot (lazy, so the words after it can belong to the rule). */
export const OBJ = '(.+?)'
/** "is" or "are". */
export const BE = '(?:is|are)'
/** Superlative words, longest first. */
export const SUP_WORDS = Object.keys(SUPERLATIVES)
  .sort((a, b) => b.length - a.length)
  .join('|')
/** Comparative words, longest first. */
export const CMP_WORDS = Object.keys(COMPARATIVES)
  .sort((a, b) => b.length - a.length)
  .join('|')

/** A regular expression anchored at both ends. */
export function rx(src: string): RegExp {
  return new RegExp(`^${src}$`)
}
