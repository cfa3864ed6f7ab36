/**
 * Normal form of a question before the grammar's rules read it, and how a rule splits a text holding two
 * reference phrases ("the salt and pepper and the mug") with the help of a reference scorer. Pure TypeScript.
 */

import { frontedPair, operatorWords } from './operatorWords'

/** Scores a reference phrase: 2 = names exactly one thing, 1 = several, 0 = nothing. */
export type PhraseScorer = (phrase: string) => number

/**
 * Lower case, ASCII quotes, operator shorthand and typos of grammar words (operatorWords.ts), contractions
 * expanded, ':'/';' as commas, trailing '?', '.', '!' and "please" removed.
 */
export function normalizeQuestion(q: string): string {
  let s = operatorWords(q.toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"'))
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
  return frontedPair(s.trim())
}

/** Two phrases either side of a separator word. */
export type Split = { a: string; b: string }

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every split of `text` at a whole-word occurrence of one of `seps` (longer separators first). */
export function splitsOf(text: string, seps: string[]): Array<Split & { sep: string }> {
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
export function bestSplit<T extends Split>(cands: T[], score?: PhraseScorer): T | null {
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

/** The best split of `text` into two reference phrases at one of `seps`, or null. */
export function splitPair(text: string, seps: string[], score?: PhraseScorer): Split | null {
  return bestSplit(splitsOf(text, seps), score)
}
