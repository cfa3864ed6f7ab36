/**
 * Misspelt object names ("the labtop", "how tall is the botle"): a reference word that names nothing is read as
 * the one scene word it is a typo of — an object's name or label word, or a lexicon word for a label in the
 * scene — when exactly one such word is that close (one edit for 4–6 letters, two for longer, a swap of two
 * neighbouring letters counting as one). The answer then says what it read ("I read "labtop" as "laptop"").
 * Anything else stays unknown and gets "did you mean". Pure TypeScript.
 */

import type { Scene } from '../types'
import type { Query } from './ast'
import { wordsForLabel } from './lexicon'
import { cleanReference, resolveReference } from './references'

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

function vocabulary(scene: Scene): Set<string> {
  const words = new Set<string>()
  for (const o of scene.objects) {
    const names = [o.name, o.label, ...wordsForLabel(o.label.toLowerCase())]
    for (const n of names)
      for (const w of cleanReference(n).split(' ')) if (w.length >= 3) words.add(w)
  }
  return words
}

/** The one scene word `word` is a typo of, or null (none, or several equally likely). */
export function typoOf(scene: Scene, word: string): string | null {
  const allowed = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0
  if (allowed === 0) return null
  const plural = word.endsWith('s') ? [word, word.slice(0, -1)] : [word]
  const hits = new Set<string>()
  for (const v of vocabulary(scene)) {
    for (const w of plural) {
      if (typoDistance(w, v) <= allowed) hits.add(w === word ? v : `${v}s`)
    }
  }
  return hits.size === 1 ? [...hits][0] : null
}

const SLOT_KEYS = ['a', 'b', 'c', 'reference', 'from', 'to', 'surface', 'item', 'what', 'among']

/** One slot phrase with its misspelt word replaced, or null when it resolves already or cannot be read. */
function corrected(scene: Scene, phrase: string): { phrase: string; note: string } | null {
  const r = resolveReference(scene, phrase)
  if (r.kind !== 'unknown' || r.isEmptyMatch || r.unusedWords.length !== 1) return null
  const word = r.unusedWords[0]
  const fix = typoOf(scene, word)
  if (fix === null) return null
  const next = cleanReference(phrase).replace(new RegExp(`\\b${word}\\b`), fix)
  const again = resolveReference(scene, next)
  if (again.kind === 'unknown') return null
  return { phrase: next, note: `"${word}" as "${fix}"` }
}

/** The query with misspelt object words corrected in its reference slots, and what was read as what. */
export function correctSpelling(scene: Scene, query: Query): { query: Query; notes: string[] } {
  const out: Record<string, unknown> = { ...query }
  const notes: string[] = []
  for (const k of SLOT_KEYS) {
    const v = out[k]
    if (typeof v !== 'string') continue
    const c = corrected(scene, v)
    if (c) {
      out[k] = c.phrase
      notes.push(c.note)
    }
  }
  if (Array.isArray(out.amongList)) {
    out.amongList = (out.amongList as string[]).map((p) => {
      const c = corrected(scene, p)
      if (c) notes.push(c.note)
      return c ? c.phrase : p
    })
  }
  return { query: out as Query, notes }
}
