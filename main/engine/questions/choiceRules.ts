/**
 * Grammar rules for two-object comparisons: yes/no relations ("is A left of / above / bigger than B") and choices
 * ("which is bigger, A or B", "which of A and B is closer to the camera"). The relation or comparative phrase is
 * read from the lexicon of relationPhrases.ts; the references are split at it, the reference scorer choosing
 * between splits. Input: a normalised question (questions/normalize.ts). Pure TypeScript.
 */

import { cleanPhrase } from '../answers/objectMatch'
import type { ChoiceKind, PredicateKind } from '../answers/types'
import type { QueryOp } from './ast'
import { FILLER } from './metricRules'
import { bestSplit, splitPair, splitsOf, type PhraseScorer, type Split } from './normalize'
import { CAMERA_WORDS, CHOICE_PHRASES, PREDICATE_PHRASES } from './relationPhrases'

/** "is A <relation> B": the longest relation phrase whose split names two things. */
export function predicateRule(plain: string, score?: PhraseScorer): QueryOp | null {
  const m = /^(?:is|are) (.+)$/.exec(plain)
  if (!m) return null
  const rest = m[1].replace(FILLER, '')
  const cands: Array<Split & { kind: PredicateKind; sep: string }> = []
  for (const [kind, seps] of Object.entries(PREDICATE_PHRASES) as Array<
    [PredicateKind, string[]]
  >) {
    for (const c of splitsOf(rest, seps)) cands.push({ ...c, kind })
  }
  cands.sort((x, y) => y.sep.length - x.sep.length)
  const b = bestSplit(cands, score)
  return b ? { op: 'predicate', kind: b.kind, a: b.a, b: b.b } : null
}

/** Longest comparative phrase starting `text` at a word boundary. */
function leadingChoice(text: string): { kind: ChoiceKind; rest: string } | null {
  let found: { kind: ChoiceKind; rest: string; len: number } | null = null
  for (const [kind, words] of Object.entries(CHOICE_PHRASES) as Array<[ChoiceKind, string[]]>) {
    for (const w of words) {
      const starts = text === w || text.startsWith(`${w} `) || text.startsWith(`${w},`)
      if (starts && (!found || w.length > found.len))
        found = { kind, rest: text.slice(w.length), len: w.length }
    }
  }
  return found ? { kind: found.kind, rest: found.rest } : null
}

function stripLead(s: string): string {
  return s
    .replace(
      /^[\s,]*(?:(?:one|of the two|of them|of these)[\s,]+)?(?:(?:between|of|out of)\s+)?/,
      '',
    )
    .trim()
}

/**
 * Split "to the laptop, the mug or the bottle" into the reference ("the camera" words → "camera") and the rest.
 * `wholeIsReference`: the pair was named before ("which of A and B is closer to C"), so all of it is C.
 */
function splitReference(
  text: string,
  wholeIsReference: boolean,
  score?: PhraseScorer,
): { reference: string | null; rest: string } | null {
  const m = /^(?:to|from) (.+)$/.exec(text.trim())
  if (!m) return null
  const body = m[1]
  for (const w of CAMERA_WORDS) {
    if (body === w || body.startsWith(`${w} `) || body.startsWith(`${w},`))
      return { reference: null, rest: body.slice(w.length) }
  }
  if (wholeIsReference) return { reference: body, rest: '' }
  const comma = body.indexOf(',')
  if (comma > 0) return { reference: body.slice(0, comma), rest: body.slice(comma + 1) }
  const words = body.split(' ')
  const cands: Split[] = []
  for (let i = 1; i < words.length; i++)
    cands.push({ a: words.slice(0, i).join(' '), b: words.slice(i).join(' ') })
  const orScore = score ? (p: string) => (/ or | and /.test(` ${p} `) ? 2 : score(p)) : undefined
  const pick = bestSplit(cands, orScore)
  return pick ? { reference: pick.a, rest: pick.b } : null
}

function choiceFrom(
  attrText: string,
  pairText: string | null,
  score?: PhraseScorer,
): QueryOp | null {
  const lead = leadingChoice(attrText.trim())
  if (!lead) return null
  let rest = lead.rest
  let reference: string | null = null
  const isDistance = lead.kind === 'close_choice' || lead.kind === 'far_choice'
  if (isDistance && /^\s*(?:to|from) /.test(rest)) {
    const r = splitReference(rest, pairText !== null, score)
    if (!r) return null
    reference = r.reference ? cleanPhrase(r.reference) : null
    rest = r.rest
  }
  if (pairText !== null && stripLead(rest).length > 0) return null
  const p = splitPair(pairText ?? stripLead(rest), ['or', 'and'], score)
  return p ? { op: 'choice', kind: lead.kind, a: p.a, b: p.b, reference } : null
}

/** "which is <comparative>, A or B" and its variants ("which of A and B is …", "between A and B, which is …"). */
export function choiceRule(s: string, score?: PhraseScorer): QueryOp | null {
  const of = /^which(?: one)? of (.+?),? (?:is|are) (?:the )?(.+)$/.exec(s)
  if (of) {
    const r = choiceFrom(of[2], of[1].replace(/^the two /, ''), score)
    if (r) return r
  }
  const between = /^(?:between|of) (.+?), which(?: one)? (?:is|are) (?:the )?(.+)$/.exec(s)
  if (between) return choiceFrom(between[2], between[1], score)
  const m =
    /^(?:which|what)(?: one| object| item| thing)?(?: of (?:these|them|the two))?,? (?:is|are) (?:the )?(.+)$/.exec(
      s,
    )
  // "what is closer, A or B" is a choice; "what is the closest distance between A and B" is not.
  if (!m || (s.startsWith('what') && !/ or /.test(s))) return null
  return choiceFrom(m[1], null, score)
}

/** Relation words of "is A left or right of B" and the predicate each asks; opposites share a group. */
const SIDE_WORDS: Array<[RegExp, PredicateKind, string]> = [
  [/^(?:to the |on the )?left(?: of)?$/, 'left', 'x'],
  [/^(?:to the |on the )?right(?: of)?$/, 'right', 'x'],
  [/^(?:above|higher(?: than)?|over)$/, 'above', 'z'],
  [/^(?:below|lower(?: than)?|under)$/, 'below', 'z'],
  [/^in front(?: of)?$/, 'front', 'y'],
  [/^(?:behind|in the back|at the back(?: of)?)$/, 'behind', 'y'],
]

function side(words: string): [PredicateKind, string] | null {
  const hit = SIDE_WORDS.find(([re]) => re.test(words.trim()))
  return hit ? [hit[1], hit[2]] : null
}

const SIDE =
  '(?:to the |on the )?(?:left|right)(?: of)?|above|below|over|under|higher(?: than)?|lower(?: than)?|in front(?: of)?|behind'

/**
 * "is A left or right of B", "is A above or below B", "is A left of B or right": the yes/no question about the
 * first side (its answer says which side holds). Only opposite sides: "left or above" asks two things.
 */
export function alternativeRule(plain: string, score?: PhraseScorer): QueryOp | null {
  const both = new RegExp(`^(is|are) (.+?) (${SIDE}) or (${SIDE}) (.+)$`).exec(plain)
  if (both) {
    const [first, second] = [side(both[3]), side(both[4])]
    if (!first || !second || first[1] !== second[1] || first[0] === second[0]) return null
    const joint = [both[3], both[4]].some((w) => / of$/.test(w))
      ? ' of'
      : [both[3], both[4]].some((w) => / than$/.test(w))
        ? ' than'
        : ''
    const rel = `${both[3].replace(/ (?:of|than)$/, '')}${joint}`
    return predicateRule(`${both[1]} ${both[2]} ${rel} ${both[5]}`, score)
  }
  const tail =
    /^(.+?),? or (?:is it )?(?:to the |on the )?(left|right|above|below|behind|in front|higher|lower|not)(?: of it)?$/.exec(
      plain,
    )
  if (!tail) return null
  const op = predicateRule(tail[1], score)
  if (op?.op !== 'predicate') return null
  if (tail[2] === 'not') return op
  const asked = SIDE_WORDS.find(([, kind]) => kind === op.kind)
  const other = side(tail[2])
  return asked && other && asked[2] === other[1] && other[0] !== op.kind ? op : null
}
