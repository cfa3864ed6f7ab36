/**
 * Reference phrases of the question grammar and their resolution against a scene:
 *   reference := camera word | surface word | "everything" | [descriptor*] head [descriptor*]
 *   head      := object name | label | synonym | family word ("box") | plural of these | "one" / "object"
 * Robot TF frames, when the scene has them, are references too ("tool0", "the gripper": see robotFrameRefs.ts).
 * Descriptors are colour words (filter), words of the object's own name (filter: "the teal one") and position or
 * size words (pick the extreme: "the left one", "the tall mug"). Words that are none of these are never dropped:
 * the phrase then resolves to 'unknown' with the words it could not use. Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { colourName, colourWord, PICK_WORDS, pickExtreme } from './descriptors'
import {
  ALL_REFERENCES,
  CAMERA_REFERENCES,
  GENERIC_HEADS,
  LOCATION_FILLER,
  REFERENCE_FILLER,
  SURFACE_REFERENCES,
  labelsForHypernym,
  labelsForSynonym,
} from './lexicon'
import { resolveRobotFrame } from './robotFrameRefs'
import { suggestObjects } from './suggest'

/** What a reference phrase resolved to. */
export type Resolved =
  | { kind: 'object'; object: SceneObject; phrase: string; via: string }
  | { kind: 'camera'; phrase: string }
  | { kind: 'surface'; phrase: string; word: string }
  | { kind: 'group'; objects: SceneObject[]; phrase: string; via: string }
  | { kind: 'ambiguous'; phrase: string; candidates: SceneObject[] }
  | {
      kind: 'unknown'
      phrase: string
      /** Words no rule could use (empty when every word was understood but nothing matched). */
      unusedWords: string[]
      suggestions: SceneObject[]
      /** True when the phrase was understood and simply matches no object ("the red mug" with no red mug). */
      isEmptyMatch?: boolean
      /** Why an understood phrase matches nothing, e.g. "no red object among mug, can". */
      why?: string
    }

/** Lower case, '_' and '-' between letters as spaces, no punctuation, no leading articles or trailing "please". */
export function cleanReference(phrase: string): string {
  let p = phrase
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[_–—]/g, ' ')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/[,;:?!"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  p = p.replace(LOCATION_FILLER, '')
  // "the mug on the left", "the one in the back": a position phrase after the head is a descriptor before it.
  p = p.replace(/^(.+?) (?:on|to|at|in) the (left|right|front|back)(?: hand)?(?: side)?$/, '$2 $1')
  for (let i = 0; i < 3; i++)
    p = p
      .replace(/^(?:the|a|an|this|that|these|those|my|our|your)\s+/, '')
      .replace(/\s+please$/, '')
  return p.trim()
}

const norm = (s: string): string =>
  s.toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ').trim()

function singular(word: string): string[] {
  const out: string[] = []
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`)
  if (word.endsWith('es')) out.push(word.slice(0, -2))
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1))
  if (word === 'people') out.push('person')
  return out
}

/** Anything with a name and a label (scene objects, labelled 2D boxes). */
export interface Named {
  name: string
  label: string
}

/** What a head phrase names: the items, how (for provenance) and whether the phrase was plural. */
export type HeadOf<T> = { objects: T[]; via: string; isPlural: boolean }
type Head = HeadOf<SceneObject>

/**
 * Items a head phrase names, most specific rule first: name, label, synonym, family, generic ("object").
 * @param head a cleaned phrase (see {@link cleanReference}), e.g. "mug", "boxes", "coffee cup".
 */
export function headObjects<T extends Named>(objs: readonly T[], head: string): HeadOf<T> | null {
  const exact = (words: string, isPlural: boolean): HeadOf<T> | null => {
    const byName = objs.filter((o) => norm(o.name) === words)
    if (byName.length > 0) return { objects: byName, via: 'name', isPlural }
    const byLabel = objs.filter((o) => norm(o.label) === words)
    if (byLabel.length > 0) return { objects: byLabel, via: 'label', isPlural }
    const syn = labelsForSynonym(words)
    const bySyn = objs.filter((o) => syn.has(norm(o.label)))
    if (bySyn.length > 0)
      return { objects: bySyn, via: `synonym of "${norm(bySyn[0].label)}"`, isPlural }
    // A family word, or a synonym of one ("carton" → box → the box-shaped family).
    const fam = new Set([words, ...syn].flatMap((w) => [...labelsForHypernym(w)]))
    const byFam = objs.filter((o) => fam.has(norm(o.label)))
    if (byFam.length > 0)
      return {
        objects: byFam,
        via: `"${words}" covers ${[...new Set(byFam.map((o) => o.label))].join(', ')}`,
        isPlural,
      }
    return null
  }
  const direct = exact(head, false)
  if (direct) return direct
  const words = head.split(' ')
  const last = words[words.length - 1]
  for (const s of singular(last)) {
    const h = exact([...words.slice(0, -1), s].join(' '), true)
    if (h) return h
  }
  if (GENERIC_HEADS.has(head))
    return { objects: [...objs], via: 'any object', isPlural: /s$/.test(head) }
  return null
}

/** Whether `head` is a class word the lexicon knows (even when the scene has no such object). */
export function isKnownClassWord(head: string): boolean {
  const forms = [head, ...singular(head)]
  return forms.some((w) => labelsForSynonym(w).size > 0 || labelsForHypernym(w).size > 0)
}

type Span<T> = { start: number; end: number; head: HeadOf<T> }

/** Longest span of words that is a head; ties go to the rightmost (English heads come last). */
export function findHead<T extends Named>(objs: readonly T[], words: string[]): Span<T> | null {
  for (let len = words.length; len >= 1; len--) {
    for (let start = words.length - len; start >= 0; start--) {
      const head = headObjects(objs, words.slice(start, start + len).join(' '))
      if (head && head.objects.length > 0) return { start, end: start + len, head }
    }
  }
  return null
}

/**
 * Apply descriptor words to candidates; returns the objects left and the words it could not use. Words of the
 * objects' own names filter first ("the teal one", "the left mug" named so by position), except position and
 * size words after a generic head ("the right one"), which pick by geometry among all objects.
 */
function applyDescriptors(
  scene: Scene,
  objects: SceneObject[],
  words: string[],
  isGenericHead: boolean,
): { objects: SceneObject[]; unused: string[] } {
  let cands = objects
  const unused: string[] = []
  const picks: string[] = []
  for (const w of words) {
    if (REFERENCE_FILLER.has(w)) continue
    if (isGenericHead && w in PICK_WORDS) {
      picks.push(w)
      continue
    }
    const inNames = cands.filter((o) => norm(o.name).split(' ').includes(w))
    const colour = colourWord(w)
    if (inNames.length > 0 && inNames.length < cands.length) cands = inNames
    else if (inNames.length === cands.length) continue
    else if (colour) cands = cands.filter((o) => colourName(o.colorRgb) === colour)
    else if (w in PICK_WORDS) picks.push(w)
    else unused.push(w)
  }
  for (const w of picks) if (cands.length > 1) cands = [pickExtreme(scene, cands, w)]
  return { objects: cands, unused }
}

/**
 * Resolve one reference phrase against the scene.
 * @param phrase as the user wrote it ("the red one", "me", "the floor", "the boxes").
 */
export function resolveReference(scene: Scene, phrase: string): Resolved {
  const p = cleanReference(phrase)
  if (p.length === 0) return { kind: 'unknown', phrase: p, unusedWords: [], suggestions: [] }
  const exactObject = headObjects(scene.objects, p)
  if (exactObject && !GENERIC_HEADS.has(p)) return fromHead(p, exactObject)
  const frame = resolveRobotFrame(scene, p)
  if (frame?.kind === 'frame')
    return { kind: 'object', object: frame.object, phrase: p, via: frame.via }
  if (frame?.kind === 'frames') return { kind: 'ambiguous', phrase: p, candidates: frame.objects }
  if (CAMERA_REFERENCES.includes(p)) return { kind: 'camera', phrase: p }
  if (SURFACE_REFERENCES.includes(p)) return { kind: 'surface', phrase: p, word: p }
  if (ALL_REFERENCES.includes(p))
    return { kind: 'group', objects: scene.objects, phrase: p, via: 'every object' }
  const words = p.split(' ')
  const span = findHead(scene.objects, words)
  if (!span) {
    const allDescriptors = words.every(
      (w) => REFERENCE_FILLER.has(w) || colourWord(w) || w in PICK_WORDS,
    )
    if (!allDescriptors)
      return unknown(
        scene,
        p,
        words.filter((w) => !REFERENCE_FILLER.has(w)),
      )
    return narrow(scene, p, { objects: scene.objects, via: 'any object', isPlural: false }, words)
  }
  return narrow(scene, p, span.head, [...words.slice(0, span.start), ...words.slice(span.end)])
}

function narrow(scene: Scene, p: string, head: Head, descriptors: string[]): Resolved {
  const r = applyDescriptors(scene, head.objects, descriptors, head.via === 'any object')
  if (r.unused.length > 0) return unknown(scene, p, r.unused)
  if (r.objects.length === 0) {
    const words = descriptors.filter((w) => !REFERENCE_FILLER.has(w)).join(' ')
    return {
      kind: 'unknown',
      phrase: p,
      unusedWords: [],
      suggestions: head.objects.slice(0, 3),
      isEmptyMatch: true,
      why: `no object is "${words}" among ${head.objects.map((o) => o.name).join(', ')}`,
    }
  }
  const via = descriptors.length > 0 ? `${head.via}, then "${descriptors.join(' ')}"` : head.via
  return fromHead(p, { ...head, objects: r.objects, via })
}

function fromHead(p: string, head: Head): Resolved {
  if (head.isPlural) return { kind: 'group', objects: head.objects, phrase: p, via: head.via }
  if (head.objects.length === 1)
    return { kind: 'object', object: head.objects[0], phrase: p, via: head.via }
  return { kind: 'ambiguous', phrase: p, candidates: head.objects }
}

function unknown(scene: Scene, p: string, unusedWords: string[]): Resolved {
  return {
    kind: 'unknown',
    phrase: p,
    unusedWords,
    suggestions: suggestObjects(scene, unusedWords.join(' ') || p),
  }
}

/** Scores a phrase for the template splitter: 2 = one object or the camera/surface, 1 = several, 0 = none. */
export function referenceScore(scene: Scene, phrase: string): number {
  const r = resolveReference(scene, phrase)
  if (r.kind === 'object' || r.kind === 'camera' || r.kind === 'surface') return 2
  return r.kind === 'ambiguous' || r.kind === 'group' ? 1 : 0
}
