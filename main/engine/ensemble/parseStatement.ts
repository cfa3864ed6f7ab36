/**
 * Reads a spatial statement — a VSR caption ("The cat is under the table.", "The bowl contains the broccoli.")
 * or what a user types ("the mug is to the left of the laptop", "is the cup on the table?") — into subject,
 * relation (one of VSR's, see vsrRelations.ts), object and negation. Pure TypeScript.
 */

import { metaCategoryOf, VSR_RELATIONS, type MetaCategory } from './vsrRelations'

export interface SpatialStatement {
  /** Subject phrase without its article ("cat", "red mug"). */
  subject: string
  /** The VSR relation ("under", "left of", "contains"). */
  relation: string
  metaCategory: MetaCategory
  /** Object phrase without its article. */
  object: string
  /** "The cat is not under the table": the verdict is inverted. */
  isNegated: boolean
  /** The statement as given. */
  text: string
}

/** Everyday wordings of VSR relations (checked before the relations themselves when longer). */
const RELATION_ALIASES: Readonly<Record<string, string>> = {
  'to the left of': 'left of',
  'on the left of': 'left of',
  'on the left side of': 'at the left side of',
  'to the right of': 'right of',
  'on the right of': 'right of',
  'on the right side of': 'at the right side of',
  underneath: 'beneath',
  'on the top of': 'on top of',
  'inside of': 'inside',
  'close by': 'close to',
  nearby: 'near',
  'higher than': 'above',
  'lower than': 'below',
  'in the back of': 'at the back of',
  'in front': 'in front of',
  'next to': 'next to',
  'far away from': 'far away from',
}

const PHRASES: ReadonlyArray<{ words: string; relation: string; pattern: RegExp }> = [
  ...VSR_RELATIONS.map((relation) => ({ words: relation, relation })),
  ...Object.entries(RELATION_ALIASES).map(([words, relation]) => ({ words, relation })),
]
  .sort((a, b) => b.words.length - a.words.length)
  .map((p) => ({ ...p, pattern: new RegExp(` ${p.words}(?= )`, 'g') }))

function stripArticle(phrase: string): string {
  return phrase.replace(/^(?:the|a|an|this|that)\s+/, '').trim()
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

interface Candidate {
  relation: string
  start: number
  end: number
}

/** Relation phrases found at word boundaries; the one right after "is/are [not]" wins, then the longest. */
function findRelation(body: string, verbEnd: number): Candidate | null {
  const found: Candidate[] = []
  const padded = `${body} `
  for (const { words, relation, pattern } of PHRASES) {
    if (!padded.includes(` ${words} `)) continue
    for (const m of padded.matchAll(pattern)) {
      const start = m.index + 1
      found.push({ relation, start, end: start + words.length })
    }
  }
  if (found.length === 0) return null
  const afterVerb = found.filter((c) => c.start === verbEnd)
  const pool = afterVerb.length > 0 ? afterVerb : found
  return pool.reduce((best, c) => (c.end - c.start > best.end - best.start ? c : best))
}

/**
 * Parse one statement; null when no VSR relation, subject or object can be found.
 * A yes/no question ("is the cup on the table") is read as the statement it asks about.
 */
export function parseStatement(text: string): SpatialStatement | null {
  let body = normalize(text)
  const question = /^(is|are) (.+)$/.exec(body)
  if (question) body = question[2]
  const verb = /^(.+?) (is|are)( not)? /.exec(body)
  const verbEnd = verb ? verb[0].length : -1
  const found = findRelation(body, verbEnd)
  if (!found) return null
  let subjectPart = body.slice(0, found.start).trim()
  let isNegated = false
  const trailingVerb = /^(.+?) (?:is|are)( not)?$/.exec(subjectPart)
  if (trailingVerb) {
    subjectPart = trailingVerb[1]
    isNegated = trailingVerb[2] !== undefined
  }
  const subject = stripArticle(subjectPart)
  const object = stripArticle(body.slice(found.end).trim())
  const metaCategory = metaCategoryOf(found.relation)
  if (!subject || !object || !metaCategory) return null
  return { subject, relation: found.relation, metaCategory, object, isNegated, text }
}
