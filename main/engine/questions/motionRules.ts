/**
 * Grammar rules for reach and motion: "is A within 10 cm of B" and what-if moves ("will the gripper clear the
 * bottle if it moves 10 cm forward", "if tool0 moves 5 cm left, will it hit the mug"). The distance must read as
 * a length ("10 cm", "4 inches"), or the rule does not apply. Input: a normalised question. Pure TypeScript.
 */

import type { QueryOp } from './ast'
import { BE, OBJ, rx } from './ruleKit'
import { readWidth } from './units'

/** A phrase that is exactly one length ("10 cm", "0.1 m", "4 inches"). */
function isLength(text: string): boolean {
  const w = readWidth(text)
  return w !== null && w.text === text.trim()
}

export function withinRule(s: string): QueryOp | null {
  const pair = rx(`${BE} ${OBJ} and ${OBJ} within (.+?) of (?:each other|one another)`).exec(s)
  if (pair && isLength(pair[3])) return { op: 'within', a: pair[1], b: pair[2], limit: pair[3] }
  const m = rx(
    `${BE} ${OBJ} (?:within|less than|no more than|closer than|under) (.+?) (?:away )?(?:of|from|to) (.+)`,
  ).exec(s)
  return m && isLength(m[2]) ? { op: 'within', a: m[1], b: m[3], limit: m[2] } : null
}

const HIT = '(clear|miss|avoid|hit|touch|collide with|bump into|run into|crash into|knock into)'
const MOVES = '(?:moves?|is moved|were moved|was moved|goes|travels|advances|slides)'

const asks = (verb: string): 'clear' | 'hit' =>
  /^(?:clear|miss|avoid)$/.test(verb) ? 'clear' : 'hit'

export function whatIfRule(s: string): QueryOp | null {
  const m = rx(
    `(?:will|would|does|can|could|is) ${OBJ} (?:still )?${HIT} ${OBJ},? (?:if|when) (?:it|they|(.+?)) ${MOVES} (.+)`,
  ).exec(s)
  if (m && (m[4] === undefined || m[4] === m[1]))
    return { op: 'what_if', a: m[1], b: m[3], move: m[5], asks: asks(m[2]) }
  const f = rx(
    `(?:if|when) ${OBJ} ${MOVES} (.+?),? (?:will|would|does|can|could) (?:it|they) (?:still )?${HIT} (.+)`,
  ).exec(s)
  return f ? { op: 'what_if', a: f[1], b: f[4], move: f[2], asks: asks(f[3]) } : null
}
