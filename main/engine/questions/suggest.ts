/**
 * "Did you mean …": the scene objects whose name, label or lexicon words are closest in spelling to a word the
 * user wrote. Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { wordsForLabel } from './lexicon'
import type { Named } from './references'

/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]
}

/** Similarity in [0, 1]: 1 − edit distance / longer length, best over the words of `b`. */
function similarity(word: string, b: string): number {
  const parts = [b, ...b.split(' ')]
  let best = 0
  for (const p of parts)
    best = Math.max(best, 1 - editDistance(word, p) / Math.max(word.length, p.length, 1))
  return best
}

/**
 * Up to `max` items closest in spelling to `phrase` (by name, label and the lexicon's words for the label), best
 * first, keeping only those with a similarity of at least `minSimilarity` (0…1, 1 = same spelling).
 */
export function closestNamed<T extends Named>(
  items: readonly T[],
  phrase: string,
  max = 3,
  minSimilarity = 0,
): T[] {
  const scored = items.map((o) => {
    const keys = [o.name, o.label, ...wordsForLabel(o.label.toLowerCase())].map((k) =>
      k.toLowerCase().replace(/_/g, ' '),
    )
    return { o, s: Math.max(...keys.map((k) => similarity(phrase, k))) }
  })
  scored.sort((x, y) => y.s - x.s)
  return scored
    .filter((x) => x.s >= minSimilarity)
    .slice(0, max)
    .map((x) => x.o)
}

/**
 * Up to `max` objects closest in spelling to `phrase` (by name, label and the lexicon's words for the label),
 * best first; every object when the scene has no more than `max`.
 */
export function suggestObjects(scene: Scene, phrase: string, max = 3): SceneObject[] {
  return closestNamed(scene.objects, phrase, max)
}
