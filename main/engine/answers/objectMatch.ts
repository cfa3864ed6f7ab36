/**
 * Matching object phrases from a question ("the left mug") to scene objects.
 * Order: exact name, then exact label, then the longest object name contained in the phrase, then the longest label
 * contained in it. Comparison is case-insensitive; '_' and '-' count as spaces; leading articles are ignored.
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'

/** Result of resolving one phrase. */
export type ObjectMatch =
  | { status: 'ok'; object: SceneObject; phrase: string }
  | { status: 'ambiguous'; phrase: string; candidates: SceneObject[] }
  | { status: 'unknown'; phrase: string }

/** Lower-case, '_' / '-' → space, typographic quotes → ASCII, collapse whitespace. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[_\-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const LEADING = /^(?:the|a|an|this|that|these|those|my|our|your)\s+/
const TRAILING = /\s+(?:one|please)$/

/** Strip punctuation, leading articles and filler from an object phrase ("the mug," → "mug"). */
export function cleanPhrase(phrase: string): string {
  let p = normalizeName(phrase)
    .replace(/[,;:?!"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  for (let i = 0; i < 3; i++) p = p.replace(LEADING, '').replace(TRAILING, '').trim()
  return p
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `)
}

function fromGroup(phrase: string, group: SceneObject[]): ObjectMatch {
  return group.length === 1
    ? { status: 'ok', object: group[0], phrase }
    : { status: 'ambiguous', phrase, candidates: group }
}

/** Objects whose key (name or label) is the longest one contained in the phrase. */
function longestContained(
  objects: SceneObject[],
  phrase: string,
  key: (o: SceneObject) => string,
): SceneObject[] {
  let best = 0
  let group: SceneObject[] = []
  for (const o of objects) {
    const k = key(o)
    if (!containsWords(phrase, k)) continue
    if (k.length > best) {
      best = k.length
      group = [o]
    } else if (k.length === best) {
      group.push(o)
    }
  }
  return group
}

/**
 * Resolve a phrase to one object of the scene.
 * @returns 'ok' with the object, 'ambiguous' with the candidates (e.g. a label shared by two objects), or 'unknown'.
 */
export function matchObject(scene: Scene, phrase: string): ObjectMatch {
  const p = cleanPhrase(phrase)
  if (p.length === 0) return { status: 'unknown', phrase: p }
  const objs = scene.objects
  const name = (o: SceneObject): string => normalizeName(o.name)
  const label = (o: SceneObject): string => normalizeName(o.label)
  const exact = objs.filter((o) => name(o) === p)
  if (exact.length > 0) return fromGroup(p, exact)
  const byLabel = objs.filter((o) => label(o) === p)
  if (byLabel.length > 0) return fromGroup(p, byLabel)
  const inName = longestContained(objs, p, name)
  if (inName.length > 0) return fromGroup(p, inName)
  const inLabel = longestContained(objs, p, label)
  if (inLabel.length > 0) return fromGroup(p, inLabel)
  return { status: 'unknown', phrase: p }
}

/** True when the phrase resolves to exactly one object. */
export function resolvesUniquely(scene: Scene, phrase: string): boolean {
  return matchObject(scene, phrase).status === 'ok'
}
