/**
 * Grammar rules comparing places: differences ("how much taller is A than B", "how much farther is A from B than
 * from C"), three-place comparisons ("is A closer to B than to C"), nearness and support ("is A on B").
 * Pure TypeScript.
 */

import type { QueryOp } from './ast'
import { COMPARATIVES } from './relations'
import { BE, CMP_WORDS, OBJ, rx } from './ruleKit'

export function differenceRule(s: string): QueryOp | null {
  const two = rx(
    `how much (farther|further|closer|nearer) ${BE} ${OBJ} (?:from|to) ${OBJ} than (?:from|to) ${OBJ}`,
  ).exec(s)
  if (two)
    return {
      op: 'distance_difference',
      farther: /^f/.test(two[1]),
      a: two[2],
      b: two[3],
      c: two[4],
    }
  const m =
    rx(`how much (${CMP_WORDS}) (?:(?:to|from) (.+?) )?${BE} ${OBJ} than ${OBJ}(?: ${BE})?`).exec(
      s,
    ) ?? rx(`by how much ${BE} ${OBJ} (${CMP_WORDS}) than ${OBJ}`).exec(s)
  if (!m) return null
  let word: string
  let ref: string | null = null
  let a: string
  let b: string
  if (s.startsWith('by ')) [, a, word, b] = m
  else [, word, ref = null, a, b] = m as unknown as [string, string, string | null, string, string]
  const inner = /^(.+?) (?:away )?(?:to|from) (.+)$/.exec(a)
  if (inner && COMPARATIVES[word][0] === 'distance') {
    a = inner[1]
    ref = inner[2]
  }
  const [quantity, asked] = COMPARATIVES[word]
  return {
    op: 'difference',
    quantity,
    asked,
    a,
    b: b.replace(/ (?:is|are)$/, ''),
    reference: ref ?? null,
  }
}

export function closerThanRule(s: string): QueryOp | null {
  const m = rx(
    `${BE} ${OBJ} (closer|nearer|farther|further)(?: away)? (?:to|from) ${OBJ} than (?:(?:to|from) ${OBJ}|${OBJ}(?: ${BE})?)`,
  ).exec(s)
  if (!m) return null
  const closer = m[2] === 'closer' || m[2] === 'nearer'
  if (m[4] !== undefined)
    return { op: 'closer_than', closer, a: m[1], b: m[3], c: m[4], compareFrom: 'a' }
  return { op: 'closer_than', closer, a: m[1], b: m[3], c: m[5], compareFrom: 'b' }
}

export function nearRule(s: string): QueryOp | null {
  const m = rx(
    `${BE} ${OBJ} (?:right |directly )?(?:next to|near|close to|beside|by|adjacent to|touching) (.+)`,
  ).exec(s)
  return m ? { op: 'near', a: m[1], b: m[2] } : null
}

export function supportRule(s: string): QueryOp | null {
  const m =
    rx(
      `${BE} ${OBJ} (?:(?:sitting|standing|lying|resting|placed|located|put|kept) )?(?:on top of|on|upon|supported by) (.+)`,
    ).exec(s) ?? rx(`(?:does|do) ${OBJ} (?:sit|stand|lie|rest) (?:on top of|on|upon) (.+)`).exec(s)
  if (!m) return null
  if (/^(?:the )?(?:left|right|far left|far right)(?: hand)?(?: side)?(?: of)?\b/.test(m[2]))
    return null
  return { op: 'support', a: m[1], b: m[2] }
}
