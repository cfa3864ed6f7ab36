/**
 * Name matching by the grammar's lexicon for callers that hold labelled things rather than a scene (the
 * statement verifier's scene objects and 2D boxes): a phrase names what its head word names — an object's own
 * name, its label, a synonym ("mug" for a "cup"), a family word ("box" for a box-shaped "book"), a plural — and,
 * when nothing is named, the closest spellings give "did you mean". Pure TypeScript.
 */

import { cleanReference, findHead, headObjects, type Named } from './references'
import { closestNamed } from './suggest'

/** What a phrase named: the items and how (e.g. `synonym of "cup"`). */
export interface NameMatch<T> {
  items: T[]
  via: string
}

/** Similarity (1 − edit distance / length) a "did you mean" suggestion needs: about one typo in three letters. */
export const SUGGEST_MIN_SIMILARITY = 0.6

const singularKey = (w: string): string =>
  w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w

/** Label ends with the phrase's words or the other way round ("dining table" / "table", singular forms). */
function tailMatches(label: string, phrase: string): boolean {
  const key = (s: string) => {
    const w = cleanReference(s).split(' ')
    w[w.length - 1] = singularKey(w[w.length - 1])
    return w.join(' ')
  }
  const a = key(label)
  const b = key(phrase)
  return a.length > 0 && b.length > 0 && (a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`))
}

/**
 * The items a name phrase refers to: the whole phrase as a head (name, label, synonym, family, plural), else the
 * longest run of its words that is one ("the small red box" → "box"), else labels that end with the phrase's
 * words ("chair" for a "wooden chair"). Null when nothing is named.
 * @param phrase as written ("the mugs", "a coffee cup", "box").
 */
export function itemsNamed<T extends Named>(
  items: readonly T[],
  phrase: string,
): NameMatch<T> | null {
  const p = cleanReference(phrase)
  if (p.length === 0) return null
  const whole = headObjects(items, p)
  if (whole && whole.objects.length > 0 && whole.via !== 'any object')
    return { items: whole.objects, via: whole.via }
  const span = findHead(items, p.split(' '))
  if (span && span.head.via !== 'any object')
    return { items: span.head.objects, via: `${span.head.via} (head word of "${p}")` }
  const tail = items.filter((o) => tailMatches(o.label, p) || tailMatches(o.name, p))
  return tail.length > 0 ? { items: tail, via: 'label ends with the phrase' } : null
}

/** Names of up to `max` items spelled like `phrase` (for "did you mean"); empty when none is close. */
export function didYouMean<T extends Named>(
  items: readonly T[],
  phrase: string,
  max = 2,
): string[] {
  const p = cleanReference(phrase)
  const names = closestNamed(items, p, items.length, SUGGEST_MIN_SIMILARITY).map((o) => o.name)
  return [...new Set(names)].slice(0, max)
}
