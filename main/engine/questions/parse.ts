/**
 * The question grammar: quantity × references × relation × unit. A question is normalised, its asked unit taken
 * off ("… in inches"), then the rules below are tried in order; each fills typed slots of a {@link QueryOp} with
 * raw reference phrases. The classic pair forms (distance, gap, predicates, choices, clock direction, fits) are
 * the template rules of answers/questionParser.ts, now scored by the grammar's reference resolver. A trailing
 * clause no rule uses is kept in `ignored`, never dropped silently. Pure TypeScript.
 */

import { normalizeQuestion, parseQuestion, type PhraseScorer } from '../answers/questionParser'
import type { ParseFailure, Query, QueryOp, RankQuantity, SizeQuantity } from './ast'
import { COMPARATIVES, SUPERLATIVES, splitFilter } from './relations'
import { takeAskedUnit } from './units'

const OBJ = '(.+?)'
const BE = '(?:is|are)'
const SUP_WORDS = Object.keys(SUPERLATIVES).sort((a, b) => b.length - a.length).join('|')
const CMP_WORDS = Object.keys(COMPARATIVES).sort((a, b) => b.length - a.length).join('|')

/** Leading wrappers people put around a question ("i want to know", "measure"). */
function stripWrappers(s: string): string {
  return s
    // Our distances are centre to centre unless the question asks for a gap, so saying so changes nothing.
    .replace(/,? ?\(?(?:centre|center) to (?:centre|center)\)?(?=,|$| and)/g, '')
    .replace(/,? and (?:how far (?:away )?is it|how far away|what is the distance)$/, '')
    .replace(/^(?:i (?:want|would like|'d like) to know|i wonder|let me know|find out|measure|check|show me|give me|please measure)\s+/, '')
    .replace(/^(?:roughly|approximately|about|exactly|precisely)\s+/, '')
    .replace(/\s+(?:roughly|approximately|exactly|precisely|more or less|give or take|right now|currently|at the moment)$/, '')
    .trim()
}

function rx(src: string): RegExp {
  return new RegExp(`^${src}$`)
}

function countOrList(s: string): QueryOp | null {
  const c = /^(?:how many|count(?: the)?|what is the number of|number of|tell me how many) (.+)$/.exec(s)
  if (c) {
    const body = c[1].replace(/ (?:are there|is there|there are|do you see|can you see|do i see|are visible|can be seen|do we have|do i have|in total|altogether|are in the scene|are there in total)$/, '').replace(/ (?:are|is) there$/, '')
    const f = splitFilter(body)
    if (f && f.what.length > 0) return { op: 'count', what: f.what, relation: f.relation, reference: f.reference }
    return { op: 'count', what: body.replace(/ (?:are|is)$/, ''), relation: null, reference: null }
  }
  const exists = /^(?:is there|are there|do you see|can you see|do we have|is there any|are there any) (?:a |an |any |some )?(.+)$/.exec(s)
  if (exists && !/^(?:enough )?(?:room|space) /.test(exists[1])) {
    const f = splitFilter(exists[1])
    if (f && f.what.length > 0) {
      return { op: 'count', what: f.what, relation: f.relation, reference: f.reference, asksExistence: true }
    }
    return { op: 'count', what: exists[1], relation: null, reference: null, asksExistence: true }
  }
  const all = /^(?:what|which) (?:objects|things|items) (?:are|do you see|can you see)(?: there| here| in the scene| visible)?$|^(?:what do you see|what is there|what is in the scene|what can you see|list (?:all )?(?:the )?(?:objects|things|items)|list everything)$/.exec(s)
  if (all) return { op: 'list', what: 'everything', relation: null, reference: null }
  const l =
    /^(?:what|which (?:objects?|things?|items?|ones?)) (?:is|are) (?:there |located |placed )?(.+)$/.exec(s) ??
    /^(?:list|name|show)(?: me)?(?: all)?(?: the)? (?:objects|things|items|everything)(?: that (?:are|is)| which (?:are|is))? (.+)$/.exec(s)
  if (l) {
    const f = splitFilter(`x ${l[1]}`)
    if (f && f.what === 'x') return { op: 'list', what: 'everything', relation: f.relation, reference: f.reference }
  }
  return null
}

function superlativeRule(s: string): QueryOp | null {
  if (/ or /.test(s)) return null
  const m =
    rx(`(?:which|what)(?: (?:one|object|thing|item|(.+?)))? ${BE} (?:the )?(${SUP_WORDS})(?: (?:one|object|thing|item))?(?: (?:to|from) (.+))?(?: of (?:them|all))?`).exec(s) ??
    rx(`(?:which|what) ${BE} the (${SUP_WORDS}) (.+?)(?: (?:to|from) (.+))?`).exec(s)
  if (!m) return null
  const [, a, b, c] = m
  const first = SUPERLATIVES[b] !== undefined
  const word = first ? b : a
  const among = first ? (a ?? 'everything') : b
  const [quantity, extreme] = SUPERLATIVES[word]
  return { op: 'superlative', quantity, extreme, among: among || 'everything', reference: c ?? null }
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

function listChoiceRule(s: string): QueryOp | null {
  const multi = 'more to the left|further to the left|farther to the left|further left|farther left|more to the right|further to the right|farther to the right|further right|farther right|further back|farther back|more in front|in front'
  const words = `${multi}|${CMP_WORDS}|${SUP_WORDS}`
  const m =
    rx(`which(?: one| object)? ${BE} (?:the )?(${words})(?: (?:to|from) ([^,]+))?,? (?:of |among |between )?(.+)`).exec(s) ??
    rx(`which(?: one)? (?:of|among) (.+?),? ${BE} (?:the )?(${words})(?: (?:to|from) (.+))?`).exec(s)
  if (!m) return null
  const [word, ref, list] = s.startsWith('which of') || s.startsWith('which one of') || s.startsWith('which among') ? [m[2], m[3], m[1]] : [m[1], m[2], m[3]]
  const items = splitList(list)
  const wordKey = /left/.test(word) ? 'leftmost' : /right/.test(word) ? 'rightmost' : word
  const ranking = rankingOf(wordKey)
  if (!items || !ranking) return null
  return { op: 'superlative', quantity: ranking[0], extreme: ranking[1], among: list, reference: ref ?? null, amongList: items }
}

function locateRule(s: string): QueryOp | null {
  const m = /^where (?:is|are) (.+?)(?: (?:located|placed|standing|sitting))?$/.exec(s)
  if (!m || / (?:relative to|with respect to|in relation to|compared to|compared with|from|seen from) /.test(` ${m[1]} `)) return null
  return { op: 'locate', a: m[1] }
}

function differenceRule(s: string): QueryOp | null {
  const two = rx(`how much (farther|further|closer|nearer) ${BE} ${OBJ} (?:from|to) ${OBJ} than (?:from|to) ${OBJ}`).exec(s)
  if (two) return { op: 'distance_difference', farther: /^f/.test(two[1]), a: two[2], b: two[3], c: two[4] }
  const m =
    rx(`how much (${CMP_WORDS}) (?:(?:to|from) (.+?) )?${BE} ${OBJ} than ${OBJ}(?: ${BE})?`).exec(s) ??
    rx(`by how much ${BE} ${OBJ} (${CMP_WORDS}) than ${OBJ}`).exec(s)
  if (!m) return null
  let word: string
  let ref: string | null = null
  let a: string
  let b: string
  if (s.startsWith('by ')) [, a, word, b] = m
  else [, word, ref = null, a, b] = m as unknown as [string, string, string | null, string, string]
  const inner = /^(.+?) (?:away )?(?:to|from) (.+)$/.exec(a)
  if (inner && (COMPARATIVES[word][0] === 'distance')) {
    a = inner[1]
    ref = inner[2]
  }
  const [quantity, asked] = COMPARATIVES[word]
  return { op: 'difference', quantity, asked, a, b: b.replace(/ (?:is|are)$/, ''), reference: ref ?? null }
}

function closerThanRule(s: string): QueryOp | null {
  const m = rx(`${BE} ${OBJ} (closer|nearer|farther|further)(?: away)? (?:to|from) ${OBJ} than (?:(?:to|from) ${OBJ}|${OBJ}(?: ${BE})?)`).exec(s)
  if (!m) return null
  const closer = m[2] === 'closer' || m[2] === 'nearer'
  if (m[4] !== undefined) return { op: 'closer_than', closer, a: m[1], b: m[3], c: m[4], compareFrom: 'a' }
  return { op: 'closer_than', closer, a: m[1], b: m[3], c: m[5], compareFrom: 'b' }
}

function nearRule(s: string): QueryOp | null {
  const m = rx(`${BE} ${OBJ} (?:right |directly )?(?:next to|near|close to|beside|by|adjacent to|touching) (.+)`).exec(s)
  return m ? { op: 'near', a: m[1], b: m[2] } : null
}

function supportRule(s: string): QueryOp | null {
  const m =
    rx(`${BE} ${OBJ} (?:(?:sitting|standing|lying|resting|placed|located|put|kept) )?(?:on top of|on|upon|supported by) (.+)`).exec(s) ??
    rx(`(?:does|do) ${OBJ} (?:sit|stand|lie|rest) (?:on top of|on|upon) (.+)`).exec(s)
  if (!m) return null
  if (/^(?:the )?(?:left|right|far left|far right)(?: hand)?(?: side)?(?: of)?\b/.test(m[2])) return null
  return { op: 'support', a: m[1], b: m[2] }
}

const LEVEL = `(?:(the top|top|the bottom|bottom|the base|base|the centre|the center) of )?`

function level(word: string | undefined): 'bottom' | 'top' | 'centre' {
  if (!word) return 'bottom'
  if (/top/.test(word)) return 'top'
  if (/cent/.test(word)) return 'centre'
  return 'bottom'
}

function elevationRule(s: string): QueryOp | null {
  const above = '(?:above|over|off|up from)'
  let m =
    rx(`how (?:high|much higher) (?:up )?${BE} ${LEVEL}${OBJ} (?:above|over|off|up from|from) (.+)`).exec(s) ??
    rx(`how far (?:up )?${BE} ${LEVEL}${OBJ} ${above} (.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: m[3] }
  m = rx(`how (?:high|far) (?:up )?${above} (.+?) ${BE} ${LEVEL}${OBJ}`).exec(s)
  if (m) return { op: 'elevation', level: level(m[2]), a: m[3], surface: m[1] }
  m = rx(`(?:what is )?(?:the )?(?:height|elevation|clearance) of ${LEVEL}${OBJ} (?:above|over|from) (.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: m[3] }
  m = rx(`(?:what is )?(?:the )?elevation of ${LEVEL}(.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: null }
  m = rx(`(?:how high|at what height) ${BE} (the top|the bottom|the base|the centre|the center) of (.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: null }
  return null
}

function cameraDistanceRule(s: string): QueryOp | null {
  let m = rx(`how (?:far|close) (?:away )?${BE} ${OBJ}(?: away)?(?: (?:from|to) (?:here|me|us|the camera|the robot))?`).exec(s)
  if (m && !/ (?:from|to|and) /.test(m[1])) return { op: 'pair', quantity: 'distance', a: m[1], b: 'camera' }
  m = rx(`how far (?:away )?from (.+?) ${BE} ${OBJ}`).exec(s)
  if (m) return { op: 'pair', quantity: 'distance', a: m[2], b: m[1] }
  m = rx(`(?:what is )?(?:the )?(?:distance|range) (?:to|of) ${OBJ}`).exec(s)
  if (m && !/ (?:from|to|and) /.test(m[1])) return { op: 'pair', quantity: 'distance', a: m[1], b: 'camera' }
  return null
}

const SIZE_WORDS: Record<string, SizeQuantity> = {
  tall: 'height',
  high: 'height',
  height: 'height',
  wide: 'width',
  width: 'width',
  deep: 'depth',
  depth: 'depth',
  thick: 'depth',
  big: 'volume',
  large: 'volume',
  volume: 'volume',
  size: 'volume',
  long: 'length',
  length: 'length',
  'longest side': 'longest_side',
  'longest dimension': 'longest_side',
  'longest edge': 'longest_side',
}

function sizeRule(s: string): QueryOp | null {
  const words = Object.keys(SIZE_WORDS).sort((a, b) => b.length - a.length).join('|')
  const m =
    rx(`how (tall|high|wide|deep|thick|big|large|long) ${BE} ${OBJ}`).exec(s) ??
    rx(`how (tall|high|wide|deep|thick|big|large|long) ${OBJ} ${BE}`).exec(s) ??
    rx(`(?:what is )?(?:the )?(${words}) of ${OBJ}`).exec(s)
  if (m) return { op: 'size', quantity: SIZE_WORDS[m[1]], a: m[2] }
  const p = rx(`(?:what is )?${OBJ}'s? (${words})`).exec(s)
  return p ? { op: 'size', quantity: SIZE_WORDS[p[2]], a: p[1] } : null
}

function classic(s: string, score?: PhraseScorer): QueryOp | null {
  const p = parseQuestion(s, score)
  switch (p.type) {
    case 'single':
      return { op: 'size', quantity: p.kind, a: p.a }
    case 'predicate':
      return { op: 'predicate', kind: p.kind, a: p.a, b: p.b }
    case 'choice':
      return { op: 'choice', kind: p.kind, a: p.a, b: p.b, reference: p.reference }
    case 'pair':
      return p.kind === 'direction'
        ? { op: 'direction', from: p.a, to: p.b }
        : { op: 'pair', quantity: p.kind, a: p.a, b: p.b }
    case 'fits':
      return { op: 'fits', a: p.a, b: p.b, item: p.item }
    default:
      return null
  }
}

/** "… horizontally" / "… vertically" / "… in a straight line" after a distance question picks its quantity. */
function withDistanceModifier(s: string, score?: PhraseScorer): QueryOp | null {
  const m = /^(.+?),? (horizontally|vertically|in a straight line|as the crow flies|in 3d|along the (?:table|floor|ground))$/.exec(s)
  if (!m) return null
  const inner = parseBase(m[1], score)
  if (inner?.op !== 'pair' || inner.quantity !== 'distance') return null
  const quantity = m[2] === 'vertically' ? 'vertical_distance' : /horizontally|along/.test(m[2]) ? 'horizontal_distance' : 'distance'
  return { ...inner, quantity }
}

/** The grammar's rules in order: specific forms before the generic ones they would otherwise fall into. */
function parseCore(s: string, score?: PhraseScorer): QueryOp | null {
  return withDistanceModifier(s, score) ?? parseBase(s, score)
}

function parseBase(s: string, score?: PhraseScorer): QueryOp | null {
  if (/^(?:can|could|would|will|does|do|might|may) .+ fit /.test(s) || /^is there (?:enough )?(?:room|space) for /.test(s)) {
    return classic(s, score)
  }
  if (/^(?:what is )?(?:the )?longest (?:side|dimension|edge) of /.test(s)) return sizeRule(s)
  return (
    countOrList(s) ??
    listChoiceRule(s) ??
    locateRule(s) ??
    elevationRule(s) ??
    differenceRule(s) ??
    closerThanRule(s) ??
    superlativeRule(s) ??
    supportRule(s) ??
    nearRule(s) ??
    classic(s, score) ??
    cameraDistanceRule(s) ??
    sizeRule(s)
  )
}

/**
 * Parse a question into a typed query.
 * @param score optional reference scorer (2 one object, 1 several, 0 none) used to split ambiguous phrases.
 */
export function parseQuery(question: string, score?: PhraseScorer): Query | ParseFailure {
  const normal = stripWrappers(normalizeQuestion(question))
  const { rest, unit } = takeAskedUnit(normal)
  const core = parseCore(rest, score)
  if (core) return { ...core, unit, ignored: [] }
  // A trailing clause no rule uses: answer the rest and say what was ignored.
  const comma = rest.lastIndexOf(', ')
  if (comma > 0) {
    const head = takeAskedUnit(rest.slice(0, comma))
    const tail = rest.slice(comma + 2)
    const inner = parseCore(head.rest, score)
    if (inner) return { ...inner, unit: unit ?? head.unit, ignored: [tail] }
  }
  return { op: 'unsupported', understood: null, unit, ignored: [] }
}
