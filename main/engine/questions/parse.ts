/**
 * The question grammar: quantity × references × relation × unit. A question is normalised, its asked unit taken
 * off ("… in inches"), then the rules below are tried in order; each fills typed slots of a {@link QueryOp} with
 * raw reference phrases. The two-object forms (distance, gap, predicates, choices, clock direction, fits) are in
 * metricRules.ts and choiceRules.ts, their splits scored by the grammar's reference resolver. A trailing
 * clause no rule uses is kept in `ignored`, never dropped silently. Pure TypeScript.
 */

import type { ParseFailure, Query, QueryOp, SizeQuantity } from './ast'
import { alternativeRule, choiceRule, predicateRule } from './choiceRules'
import { countOrList, listChoiceRule, locateRule, superlativeRule } from './groupRules'
import { directionRule, fitsRule, pairMetricRule } from './metricRules'
import { describeQuery } from './describe'
import { whatIfRule, withinRule } from './motionRules'
import { normalizeQuestion, type PhraseScorer } from './normalize'
import { closerThanRule, differenceRule, nearRule, supportRule } from './pairRules'
import { BE, OBJ, rx } from './ruleKit'
import { takeAskedUnit } from './units'

const CENTRE_TO_CENTRE = /,? ?\(?(?:centre|center) to (?:centre|center)\)?(?=,|$| and)/g
/** Words asking for a gap: "centre to centre" then contradicts the question and is not dropped. */
const GAP_WORDS = /\b(?:gap|space|clearance|room|surfaces?|closest points|edges?)\b/

/** Leading wrappers people put around a question ("i want to know", "measure"). */
function stripWrappers(s: string): string {
  return (
    s
      // Our distances are centre to centre unless the question asks for a gap, so saying so changes nothing.
      .replace(CENTRE_TO_CENTRE, (m) => (GAP_WORDS.test(s) ? m : ''))
      .replace(/,? and (?:how far (?:away )?is it|how far away|what is the distance)$/, '')
      .replace(
        /^(?:i (?:want|would like|'d like|need) to know|i need|i want|i wonder|let me know|find out|measure|check|show me|give me|please measure)\s+/,
        '',
      )
      .replace(/^(?:roughly|approximately|about|exactly|precisely)\s+/, '')
      .replace(
        /\s+(?:roughly|approximately|exactly|precisely|more or less|give or take|right now|currently|at the moment)$/,
        '',
      )
      .trim()
  )
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
    rx(
      `how (?:high|much higher) (?:up )?${BE} ${LEVEL}${OBJ} (?:above|over|off|up from|from) (.+)`,
    ).exec(s) ?? rx(`how far (?:up )?${BE} ${LEVEL}${OBJ} ${above} (.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: m[3] }
  m = rx(`how (?:high|far) (?:up )?${above} (.+?) ${BE} ${LEVEL}${OBJ}`).exec(s)
  if (m) return { op: 'elevation', level: level(m[2]), a: m[3], surface: m[1] }
  m = rx(
    `(?:what is )?(?:the )?(?:height|elevation|clearance) of ${LEVEL}${OBJ} (?:above|over|from) (.+)`,
  ).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: m[3] }
  m = rx(`(?:what is )?(?:the )?elevation of ${LEVEL}(.+)`).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: null }
  m = rx(
    `(?:how high|at what height) ${BE} (the top|the bottom|the base|the centre|the center) of (.+)`,
  ).exec(s)
  if (m) return { op: 'elevation', level: level(m[1]), a: m[2], surface: null }
  return null
}

function cameraDistanceRule(s: string): QueryOp | null {
  let m = rx(
    `how (?:far|close) (?:away )?${BE} ${OBJ}(?: away)?(?: (?:from|to) (?:here|me|us|the camera|the robot))?`,
  ).exec(s)
  if (m && !/ (?:from|to|and) /.test(m[1]))
    return { op: 'pair', quantity: 'distance', a: m[1], b: 'camera' }
  m = rx(`how (?:far|close) (?:away )?(?:am i|are we) (?:from|to) ${OBJ}`).exec(s)
  if (m) return { op: 'pair', quantity: 'distance', a: m[1], b: 'camera' }
  m = rx(`how far (?:away )?from (.+?) ${BE} ${OBJ}`).exec(s)
  if (m) return { op: 'pair', quantity: 'distance', a: m[2], b: m[1] }
  m = rx(`(?:what is )?(?:the )?(?:distance|range) (?:to|of) ${OBJ}`).exec(s)
  if (m && !/ (?:from|to|and) /.test(m[1]))
    return { op: 'pair', quantity: 'distance', a: m[1], b: 'camera' }
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
  const words = Object.keys(SIZE_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')
  const m =
    rx(`how (tall|high|wide|deep|thick|big|large|long) ${BE} ${OBJ}`).exec(s) ??
    rx(`how (tall|high|wide|deep|thick|big|large|long) ${OBJ} ${BE}`).exec(s) ??
    rx(`(?:what is )?(?:the )?(${words}) of ${OBJ}`).exec(s)
  if (m) return { op: 'size', quantity: SIZE_WORDS[m[1]], a: m[2] }
  const p =
    rx(`(?:what is )?${OBJ}'s? (${words})`).exec(s) ?? rx(`(?:the )?${OBJ} (${words})`).exec(s)
  return p ? { op: 'size', quantity: SIZE_WORDS[p[2]], a: p[1] } : null
}

/**
 * The two-object rules: fits, choices, metric pairs, clock direction and yes/no relations, in that order (the
 * order the old templates had, so each phrasing keeps its reading). `plain` has no commas; choices keep them
 * ("which is bigger, A or B").
 */
function twoObjectRules(s: string, score?: PhraseScorer): QueryOp | null {
  const plain = s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim()
  return (
    fitsRule(plain, score) ??
    alternativeRule(plain, score) ??
    choiceRule(s, score) ??
    pairMetricRule(plain, score) ??
    directionRule(plain, score) ??
    predicateRule(plain, score)
  )
}

/** "… horizontally" / "… vertically" / "… in a straight line" after a distance question picks its quantity. */
function withDistanceModifier(s: string, score?: PhraseScorer): QueryOp | null {
  const m =
    /^(.+?),? (horizontally|vertically|in a straight line|as the crow flies|in 3d|along the (?:table|floor|ground)|(?:between the |at the )?closest (?:surfaces|points)|surface to surface|edge to edge)$/.exec(
      s,
    )
  if (!m) return null
  const inner = parseBase(m[1], score)
  if (inner?.op !== 'pair' || inner.quantity !== 'distance') return null
  const quantity = /closest|surface|edge/.test(m[2])
    ? 'gap'
    : m[2] === 'vertically'
      ? 'vertical_distance'
      : /horizontally|along/.test(m[2])
        ? 'horizontal_distance'
        : 'distance'
  return { ...inner, quantity }
}

/** Words that never occur in a reference phrase: a slot holding one means the rule misread the sentence. */
const CLAUSE_WORDS =
  /\b(?:is|are|was|were|be|been|than|fit|fits|would|could|should|must|will|if|does|do|did|times|moves?|pushed|stacked|excluding|including|ignoring|without|except|unless|assuming|counting)\b/

/** Words that start a qualifier the grammar cannot apply ("… excluding the handle", "… if you ignore the lid"). */
const QUALIFIER_WORDS =
  '(?:if|unless|excluding|including|ignoring|without|except|assuming|not counting|but only)'
const QUALIFIER = new RegExp(` ${QUALIFIER_WORDS} `)

/** Whether a clause is a qualifier that may change the quantity ("excluding the handle"): refused, never ignored. */
export function isQualifier(clause: string): boolean {
  return new RegExp(`^${QUALIFIER_WORDS}\\b`).test(clause.trim().toLowerCase())
}

function slotsAreReferences(op: QueryOp): boolean {
  const slots: unknown[] = Object.entries(op)
    .filter(([k]) =>
      ['a', 'b', 'c', 'what', 'among', 'reference', 'from', 'to', 'surface'].includes(k),
    )
    .map(([, v]) => v)
  if (op.op === 'superlative' && op.amongList) slots.push(...op.amongList)
  return slots.every((v) => typeof v !== 'string' || !CLAUSE_WORDS.test(v))
}

/**
 * The grammar's rules in order: specific forms before the generic ones they would otherwise fall into. A rule
 * whose reference slots hold a clause ("how many times taller is …") did not parse the question.
 */
function parseCore(s: string, score?: PhraseScorer): QueryOp | null {
  const op = withDistanceModifier(s, score) ?? parseBase(s, score)
  return op && slotsAreReferences(op) ? op : null
}

function parseBase(s: string, score?: PhraseScorer): QueryOp | null {
  if (
    /^(?:can|could|would|will|does|do|might|may) .+ fit /.test(s) ||
    /^is there (?:enough )?(?:room|space) for /.test(s)
  ) {
    return fitsRule(s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim(), score)
  }
  if (/^(?:what is )?(?:the )?longest (?:side|dimension|edge) of /.test(s)) return sizeRule(s)
  return (
    whatIfRule(s) ??
    withinRule(s) ??
    countOrList(s) ??
    listChoiceRule(s) ??
    locateRule(s) ??
    elevationRule(s) ??
    differenceRule(s) ??
    closerThanRule(s) ??
    superlativeRule(s) ??
    supportRule(s) ??
    nearRule(s) ??
    twoObjectRules(s, score) ??
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
    if (inner && isQualifier(tail))
      return {
        op: 'unsupported',
        understood: describeQuery({ ...inner, unit, ignored: [] }),
        unit,
        ignored: [tail],
      }
    if (inner) return { ...inner, unit: unit ?? head.unit, ignored: [tail] }
  }
  // A qualifier no rule applies ("… excluding the handle") may change the quantity: refuse, saying what was read.
  const q = QUALIFIER.exec(rest)
  if (q) {
    const head = parseCore(rest.slice(0, q.index), score)
    const tail = rest.slice(q.index + 1)
    if (head)
      return {
        op: 'unsupported',
        understood: describeQuery({ ...head, unit, ignored: [] }),
        unit,
        ignored: [tail],
      }
  }
  return { op: 'unsupported', understood: null, unit, ignored: [] }
}
