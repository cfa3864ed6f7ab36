/**
 * Deterministic English template parser for spatial questions (no LLM). It returns the question type and the raw
 * object phrases; {@link answerQuestion} resolves the phrases against the scene. When a phrase could be split in
 * several places ("salt and pepper and mug"), an optional scorer picks the split whose phrases name scene objects.
 * Pure TypeScript.
 */

import { cleanPhrase } from './objectMatch'
import { CAMERA_WORDS, CHOICE_PHRASES, PREDICATE_PHRASES } from './phrases'
import { parseWidthM as readWidthM } from '../questions/units'
import { FILLER, PAIR_TEMPLATES, type ParsedPairKind } from './pairTemplates'
import type { ChoiceKind, PredicateKind, SingleQuantityKind } from './types'

export type { ParsedPairKind } from './pairTemplates'

/** A parsed question with raw (unresolved) object phrases. */
export type ParsedQuestion =
  | { type: 'predicate'; kind: PredicateKind; a: string; b: string }
  | { type: 'choice'; kind: ChoiceKind; a: string; b: string; reference: string | null }
  | { type: 'pair'; kind: ParsedPairKind; a: string; b: string }
  | { type: 'single'; kind: SingleQuantityKind; a: string }
  | {
      type: 'fits'
      a: string
      b: string
      /** Width in metres when the question gives a number; null when `item` should name an object. */
      widthM: number | null
      /** What should fit, as asked ("a 8 cm gripper"). */
      item: string
    }
  | { type: 'unsupported' }

/** Scores an object phrase: 2 = names exactly one object, 1 = ambiguous, 0 = unknown. */
export type PhraseScorer = (phrase: string) => number

/** Lower case, ASCII quotes, contractions expanded, ':'/';' as commas, trailing '?', '.', '!' removed. */
export function normalizeQuestion(q: string): string {
  let s = q
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[_–—]/g, ' ')
    // Hyphens join words ("box-tall", "10-cm"); a minus sign before a number stays so "-8 cm" is not read as 8.
    .replace(/-(?!\d)/g, ' ')
  s = s.replace(/\b(what|where|how|which|it|that)'s\b/g, '$1 is')
  s = s.replace(/[;:]/g, ',').replace(/\s*,\s*/g, ', ')
  s = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.,]+$/, '')
  s = s.replace(/^(?:please|hey|ok|okay|so|and)\s*,?\s+/, '')
  s = s.replace(/^(?:can|could) you (?:please )?(?:tell me|say|estimate|guess)\s+/, '')
  s = s.replace(/^(?:tell me|estimate|guess|do you know|i wonder)\s+/, '')
  s = s.replace(/,? please$/, '')
  return s.trim()
}

type Split = { a: string; b: string }

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every split of `text` at a whole-word occurrence of one of `seps` (longer separators first). */
function splitsOf(text: string, seps: string[]): Array<Split & { sep: string }> {
  const out: Array<Split & { sep: string }> = []
  const sorted = [...seps].sort((x, y) => y.length - x.length)
  for (const sep of sorted) {
    const re = new RegExp(` ${escapeRe(sep.trim())} `, 'g')
    for (const m of text.matchAll(re)) {
      const a = text.slice(0, m.index).trim()
      const b = text.slice((m.index ?? 0) + m[0].length).trim()
      if (a.length > 0 && b.length > 0) out.push({ a, b, sep: sep.trim() })
    }
  }
  return out
}

/** Best split by score (both phrases resolving first), ties to the earlier candidate. */
function best<T extends Split>(cands: T[], score?: PhraseScorer): T | null {
  if (cands.length === 0) return null
  if (!score) return cands[0]
  let top = cands[0]
  let topScore = -1
  for (const c of cands) {
    const sa = score(c.a)
    const sb = score(c.b)
    const s = sa === 0 || sb === 0 ? sa + sb : 10 + sa + sb
    if (s > topScore) {
      top = c
      topScore = s
    }
  }
  return top
}

function pair(text: string, seps: string[], score?: PhraseScorer): Split | null {
  return best(splitsOf(text, seps), score)
}

/**
 * Read a width like "8 cm", "80mm", "3.5 inches", '2"' in a phrase; metres, or null. The number is read whole
 * (sign, exponent), so "-8 cm" is −0.08 and "1e308 cm" is 1e306, which callers reject (see questions/units).
 */
export function parseWidthM(item: string): number | null {
  return readWidthM(item)
}

const SINGLE_WORDS: Record<string, SingleQuantityKind> = {
  tall: 'height',
  high: 'height',
  height: 'height',
  wide: 'width',
  width: 'width',
  deep: 'depth',
  depth: 'depth',
  big: 'volume',
  large: 'volume',
  volume: 'volume',
  size: 'volume',
}

function parseSingle(s: string): ParsedQuestion | null {
  const m =
    /^how (tall|high|wide|deep|big|large) (?:is|are) (.+)$/.exec(s) ??
    /^how (tall|high|wide|deep|big|large) (.+) (?:is|are)$/.exec(s) ??
    /^(?:what is )?(?:the )?(height|width|depth|volume|size) of (.+)$/.exec(s)
  if (m) return { type: 'single', kind: SINGLE_WORDS[m[1]], a: m[2] }
  const p = /^(?:what is )?(.+?)'s? (height|width|depth|volume|size)$/.exec(s)
  if (p) return { type: 'single', kind: SINGLE_WORDS[p[2]], a: p[1] }
  return null
}

function parseFits(s: string, score?: PhraseScorer): ParsedQuestion | null {
  const m =
    /^(?:can|could|would|will|does|do|might|may) (.+?) (?:still )?fit (?:in |into |through )?(?:the (?:gap|space) )?between (.+)$/.exec(
      s,
    ) ?? /^is there (?:enough )?(?:room|space) for (.+?) (?:to fit )?between (.+)$/.exec(s)
  if (!m) return null
  const p = pair(m[2], ['and'], score)
  if (!p) return null
  return { type: 'fits', a: p.a, b: p.b, widthM: parseWidthM(m[1]), item: m[1].trim() }
}

function parsePredicate(s: string, score?: PhraseScorer): ParsedQuestion | null {
  const m = /^(?:is|are) (.+)$/.exec(s)
  if (!m) return null
  const rest = m[1].replace(FILLER, '')
  const cands: Array<Split & { kind: PredicateKind; sep: string }> = []
  for (const [kind, seps] of Object.entries(PREDICATE_PHRASES) as Array<
    [PredicateKind, string[]]
  >) {
    for (const c of splitsOf(rest, seps)) cands.push({ ...c, kind })
  }
  cands.sort((x, y) => y.sep.length - x.sep.length)
  const b = best(cands, score)
  return b ? { type: 'predicate', kind: b.kind, a: b.a, b: b.b } : null
}

/** Longest choice phrase starting `text` at a word boundary. */
function leadingChoice(text: string): { kind: ChoiceKind; rest: string } | null {
  let found: { kind: ChoiceKind; rest: string; len: number } | null = null
  for (const [kind, words] of Object.entries(CHOICE_PHRASES) as Array<[ChoiceKind, string[]]>) {
    for (const w of words) {
      if (
        (text === w || text.startsWith(`${w} `) || text.startsWith(`${w},`)) &&
        (!found || w.length > found.len)
      ) {
        found = { kind, rest: text.slice(w.length), len: w.length }
      }
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

/** Split "to the laptop, the mug or the bottle" into a reference ("camera" words → null) and the rest. */
function splitReference(
  text: string,
  wholeIsReference: boolean,
  score?: PhraseScorer,
): { reference: string | null; rest: string } | null {
  const m = /^(?:to|from) (.+)$/.exec(text.trim())
  if (!m) return null
  const body = m[1]
  for (const w of CAMERA_WORDS) {
    if (body === w || body.startsWith(`${w} `) || body.startsWith(`${w},`)) {
      return { reference: null, rest: body.slice(w.length) }
    }
  }
  if (wholeIsReference) return { reference: body, rest: '' }
  const comma = body.indexOf(',')
  if (comma > 0) return { reference: body.slice(0, comma), rest: body.slice(comma + 1) }
  const words = body.split(' ')
  const cands: Split[] = []
  for (let i = 1; i < words.length; i++)
    cands.push({ a: words.slice(0, i).join(' '), b: words.slice(i).join(' ') })
  const pick = best(cands, score ? (p) => (/ or | and /.test(` ${p} `) ? 2 : score(p)) : undefined)
  return pick ? { reference: pick.a, rest: pick.b } : null
}

function choiceFrom(
  attrText: string,
  pairText: string | null,
  score?: PhraseScorer,
): ParsedQuestion | null {
  const lead = leadingChoice(attrText.trim())
  if (!lead) return null
  let rest = lead.rest
  let reference: string | null = null
  if (
    (lead.kind === 'close_choice' || lead.kind === 'far_choice') &&
    /^\s*(?:to|from) /.test(rest)
  ) {
    const r = splitReference(rest, pairText !== null, score)
    if (!r) return null
    reference = r.reference ? cleanPhrase(r.reference) : null
    rest = r.rest
  }
  const pairSource = pairText ?? stripLead(rest)
  if (pairText !== null && stripLead(rest).length > 0) return null
  const p = pair(pairSource, ['or', 'and'], score)
  if (!p) return null
  return { type: 'choice', kind: lead.kind, a: p.a, b: p.b, reference }
}

function parseChoice(s: string, score?: PhraseScorer): ParsedQuestion | null {
  const of = /^which(?: one)? of (.+?),? (?:is|are) (?:the )?(.+)$/.exec(s)
  if (of) {
    const r = choiceFrom(of[2], of[1].replace(/^the two /, ''), score)
    if (r) return r
  }
  const between = /^(?:between|of) (.+?), which(?: one)? (?:is|are) (?:the )?(.+)$/.exec(s)
  if (between) return choiceFrom(between[2], between[1], score)
  const m =
    /^which(?: one| object| item| thing)?(?: of (?:these|them|the two))?,? (?:is|are) (?:the )?(.+)$/.exec(
      s,
    )
  return m ? choiceFrom(m[1], null, score) : null
}

/**
 * Parse a question into its type and raw object phrases.
 * @param question English question; case-insensitive, optional articles and trailing punctuation.
 * @param score optional scorer used to choose between ambiguous splits of the object phrases.
 */
export function parseQuestion(question: string, score?: PhraseScorer): ParsedQuestion {
  const s = normalizeQuestion(question)
  const plain = s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim()
  const fits = parseFits(plain, score)
  if (fits) return fits
  const choice = parseChoice(s, score)
  if (choice) return choice
  for (const t of PAIR_TEMPLATES) {
    const m = t.re.exec(plain)
    if (!m) continue
    const p = pair(m[1].replace(FILLER, ''), t.seps, score)
    if (!p) continue
    return t.swap
      ? { type: 'pair', kind: t.kind, a: p.b, b: p.a }
      : { type: 'pair', kind: t.kind, a: p.a, b: p.b }
  }
  const single = parseSingle(plain)
  if (single) return single
  const pred = parsePredicate(plain, score)
  if (pred) return pred
  return { type: 'unsupported' }
}
