/**
 * Grammar rules over groups and rankings: counting, existence and lists (with a relation filter), superlatives,
 * choices among three or more named objects, and "where is X". Each fills the slots of a {@link QueryOp}.
 * Pure TypeScript.
 */

import type { QueryOp, RankQuantity } from './ast'
import { COMPARATIVES, SUPERLATIVES, splitFilter } from './relations'
import { BE, CMP_WORDS, rx, SUP_WORDS } from './ruleKit'

export function countOrList(s: string): QueryOp | null {
  const c =
    /^(?:how many|count(?: the)?|what is the number of|number of|tell me how many) (.+)$/.exec(s)
  if (c) {
    const body = c[1]
      .replace(
        / (?:are there|is there|there are|do you see|can you see|do i see|are visible|can be seen|do we have|do i have|in total|altogether|are in the scene|are there in total)$/,
        '',
      )
      .replace(/ (?:are|is) there$/, '')
    const f = splitFilter(body)
    if (f && f.what.length > 0)
      return { op: 'count', what: f.what, relation: f.relation, reference: f.reference }
    return { op: 'count', what: body.replace(/ (?:are|is)$/, ''), relation: null, reference: null }
  }
  const exists =
    /^(?:is there|are there|do you see|can you see|do we have|is there any|are there any) (?:a |an |any |some )?(.+)$/.exec(
      s,
    )
  if (exists && !/^(?:enough )?(?:room|space) /.test(exists[1])) {
    const f = splitFilter(exists[1])
    if (f && f.what.length > 0) {
      return {
        op: 'count',
        what: f.what,
        relation: f.relation,
        reference: f.reference,
        asksExistence: true,
      }
    }
    return { op: 'count', what: exists[1], relation: null, reference: null, asksExistence: true }
  }
  const all =
    /^(?:what|which) (?:objects|things|items) (?:are|do you see|can you see)(?: there| here| in the scene| visible)?$|^(?:what do you see|what is there|what is in the scene|what can you see|list (?:all )?(?:the )?(?:objects|things|items)|list everything)$/.exec(
      s,
    )
  if (all) return { op: 'list', what: 'everything', relation: null, reference: null }
  const l =
    /^(?:what|which (?:objects?|things?|items?|ones?)) (?:is|are) (?:there |located |placed )?(.+)$/.exec(
      s,
    ) ??
    /^(?:list|name|show)(?: me)?(?: all)?(?: the)? (?:objects|things|items|everything)(?: that (?:are|is)| which (?:are|is))? (.+)$/.exec(
      s,
    )
  // "which one is on the left, the mug or the laptop" is a choice between two, not a list.
  if (l && !/ or /.test(l[1])) {
    const f = splitFilter(`x ${l[1]}`)
    if (f && f.what === 'x')
      return { op: 'list', what: 'everything', relation: f.relation, reference: f.reference }
  }
  return null
}

/** "of them" / "of these": every object; "of A and B": a pair, which the choice rule answers (null). */
function amongPhrase(among: string): string | null {
  const of = /^(?:one )?of (.+)$/.exec(among)
  if (!of) return among
  if (/^(?:them|these|those|all|all of them|the objects|everything)$/.test(of[1]))
    return 'everything'
  return / and | or /.test(` ${of[1]} `) ? null : of[1]
}

export function superlativeRule(s: string): QueryOp | null {
  // "what is the closest distance between A and B" asks for a gap, not for the closest object.
  if (
    / or /.test(s) ||
    /\b(?:distance|gap|space|spacing|clearance) (?:between|separating)\b/.test(s)
  )
    return null
  const m =
    rx(
      `(?:which|what)(?: (?:one|object|thing|item|(.+?)))? ${BE} (?:the )?(${SUP_WORDS})(?: (?:one|object|thing|item))?(?: (?:to|from) (.+))?(?: of (?:them|all))?`,
    ).exec(s) ?? rx(`(?:which|what) ${BE} the (${SUP_WORDS}) (.+?)(?: (?:to|from) (.+))?`).exec(s)
  if (!m) return null
  const [, a, b, c] = m
  const first = SUPERLATIVES[b] !== undefined
  const word = first ? b : a
  const among = amongPhrase(first ? (a ?? 'everything') : b)
  if (among === null) return null
  const [quantity, extreme] = SUPERLATIVES[word]
  return {
    op: 'superlative',
    quantity,
    extreme,
    among: among || 'everything',
    reference: c ?? null,
  }
}

/** Split "the mug, the can or the bottle" into its items; fewer than 3 items is no list (pairs are choices). */
function splitList(text: string): string[] | null {
  const items = text.split(/, (?:and |or )?| or | and /).map((x) => x.trim())
  return items.length >= 3 && items.every((x) => x.length > 0) ? items : null
}

/** The ranking a comparative or superlative word means ("taller" and "tallest": height, max). */
function rankingOf(word: string): [RankQuantity, 'min' | 'max'] | null {
  if (SUPERLATIVES[word]) return SUPERLATIVES[word]
  const c = COMPARATIVES[word]
  return c ? [c[0], c[1] === 'more' ? 'max' : 'min'] : null
}

export function listChoiceRule(s: string): QueryOp | null {
  const multi =
    'more to the left|further to the left|farther to the left|further left|farther left|more to the right|further to the right|farther to the right|further right|farther right|further back|farther back|more in front|in front'
  const words = `${multi}|${CMP_WORDS}|${SUP_WORDS}`
  const m =
    rx(
      `which(?: one| object)? ${BE} (?:the )?(${words})(?: (?:to|from) ([^,]+))?,? (?:of |among |between )?(.+)`,
    ).exec(s) ??
    rx(`which(?: one)? (?:of|among) (.+?),? ${BE} (?:the )?(${words})(?: (?:to|from) (.+))?`).exec(
      s,
    )
  if (!m) return null
  const [word, ref, list] =
    s.startsWith('which of') || s.startsWith('which one of') || s.startsWith('which among')
      ? [m[2], m[3], m[1]]
      : [m[1], m[2], m[3]]
  const items = splitList(list)
  const wordKey = /left/.test(word) ? 'leftmost' : /right/.test(word) ? 'rightmost' : word
  const ranking = rankingOf(wordKey)
  if (!items || !ranking) return null
  return {
    op: 'superlative',
    quantity: ranking[0],
    extreme: ranking[1],
    among: list,
    reference: ref ?? null,
    amongList: items,
  }
}

export function locateRule(s: string): QueryOp | null {
  const m = /^where (?:is|are) (.+?)(?: (?:located|placed|standing|sitting))?$/.exec(s)
  if (
    !m ||
    / (?:relative to|with respect to|in relation to|compared to|compared with|from|seen from) /.test(
      ` ${m[1]} `,
    )
  )
    return null
  return { op: 'locate', a: m[1] }
}
