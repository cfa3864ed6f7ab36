/**
 * Grammar rules for metric questions between two references: distance (centre to centre), gap (closest
 * surfaces), its horizontal and vertical parts, the clock direction from one to the other, and whether something
 * of a given width fits between two objects. A rule reads the quantity from the words that ask for it (a quantity
 * noun such as "gap" or "horizontal distance", or "how far" with an axis adverb) and the two reference slots from
 * the rest, split at a connective ("and", "to", "from") with the reference scorer choosing the split.
 * Input: a normalised question (questions/normalize.ts). Pure TypeScript.
 */

import type { PairQuantity, QueryOp } from './ast'
import { splitPair, type PhraseScorer } from './normalize'

/** Verbs like "located" dropped before splitting object phrases ("how far is the mug located from …"). */
export const FILLER = / (?:located|positioned|situated|placed|standing|sitting|lying)(?= )/g

const GAP_NOUN =
  '(?:free |empty |open )?(?:gap|space|clearance|room|spacing)|(?:closest|minimum|minimal|shortest|nearest|surface|surface to surface) distance'
const DISTANCE_NOUN =
  '(?:(?:direct|straight line|euclidean|3d|metric|centre to centre|center to center|actual|exact|approximate) )?distance'

/** Quantity nouns: which quantity they ask for, the prepositions that introduce the pair, and its connectives. */
const NOUNS: Array<{ noun: string; quantity: PairQuantity; intro: string; seps: string[] }> = [
  { noun: GAP_NOUN, quantity: 'gap', intro: 'between|separating', seps: ['and'] },
  {
    noun: 'horizontal (?:distance|separation|offset)',
    quantity: 'horizontal_distance',
    intro: 'between|from',
    seps: ['and', 'to'],
  },
  {
    noun: 'vertical (?:distance|separation|offset)',
    quantity: 'vertical_distance',
    intro: 'between|from',
    seps: ['and', 'to'],
  },
  { noun: DISTANCE_NOUN, quantity: 'distance', intro: 'between|from', seps: ['and', 'to', 'from'] },
]

/** A "how far" form; with `axisGroup` the quantity is the adverb in that group ("horizontally", "vertically"). */
type PairForm = { re: RegExp; quantity: PairQuantity | 'axis'; seps: string[]; axisGroup?: 1 | 2 }

const HOW_FORMS: PairForm[] = [
  {
    re: /^how much (?:free |empty |open )?(?:space|room|clearance|gap) (?:is there |there is |is |remains |do we have )?between (.+)$/,
    quantity: 'gap',
    seps: ['and'],
  },
  {
    re: /^how far (?:apart )?(horizontally|vertically) (?:are|is) (.+)$/,
    quantity: 'axis',
    seps: ['and', 'from'],
    axisGroup: 1,
  },
  {
    re: /^how far apart (?:are |is )?(.+) (horizontally|vertically)$/,
    quantity: 'axis',
    seps: ['and'],
    axisGroup: 2,
  },
  { re: /^how much (?:higher|lower) is (.+)$/, quantity: 'vertical_distance', seps: ['than'] },
  { re: /^how far apart (?:are|is) (.+)$/, quantity: 'distance', seps: ['and'] },
  { re: /^how far (?:are|is) (.+) apart$/, quantity: 'distance', seps: ['and', 'from'] },
  { re: /^how far is it from (.+)$/, quantity: 'distance', seps: ['to'] },
  {
    re: /^how far (?:away )?(?:is|are) (.+)$/,
    quantity: 'distance',
    seps: ['away from', 'from', 'to'],
  },
  {
    re: /^how far (.+ (?:is|are) (?:away )?from .+)$/,
    quantity: 'distance',
    seps: ['is away from', 'is from', 'are from'],
  },
  { re: /^how close (?:is|are) (.+)$/, quantity: 'distance', seps: ['to', 'and', 'from'] },
]

function pairOp(
  quantity: PairQuantity,
  text: string,
  seps: string[],
  score?: PhraseScorer,
): QueryOp | null {
  const p = splitPair(text.replace(FILLER, ''), seps, score)
  return p ? { op: 'pair', quantity, a: p.a, b: p.b } : null
}

/** Distance, gap, horizontal or vertical distance between two references ("what is the gap between A and B"). */
export function pairMetricRule(plain: string, score?: PhraseScorer): QueryOp | null {
  for (const n of NOUNS) {
    const m = new RegExp(
      `^(?:what is |how (?:big|wide|large) is )?(?:the )?(?:size of the )?(?:${n.noun}) (?:${n.intro}) (.+)$`,
    ).exec(plain)
    const op = m ? pairOp(n.quantity, m[1], n.seps, score) : null
    if (op) return op
  }
  // Operator shorthand without "between": "distance mug to laptop", "mug and laptop gap".
  for (const n of NOUNS) {
    const m =
      new RegExp(`^(?:what is )?(?:the )?(?:${n.noun}) (.+)$`).exec(plain) ??
      new RegExp(`^(?:what is )?(?:the )?(.+) (?:${n.noun})$`).exec(plain)
    const op = m ? pairOp(n.quantity, m[1], ['to', 'and'], score) : null
    if (op) return op
  }
  for (const f of HOW_FORMS) {
    const m = f.re.exec(plain)
    if (!m) continue
    const axis = f.axisGroup ? m[f.axisGroup] : null
    const text = f.axisGroup === 1 ? m[2] : m[1]
    const quantity =
      f.quantity !== 'axis'
        ? f.quantity
        : axis === 'vertically'
          ? 'vertical_distance'
          : 'horizontal_distance'
    const op = pairOp(quantity, text, f.seps, score)
    if (op) return op
  }
  return null
}

const FROM_WORDS = [
  'relative to',
  'with respect to',
  'in relation to',
  'compared to',
  'compared with',
  'as seen from',
  'seen from',
  'from',
]

/** Direction heads: the target comes first ("where is B from A") except in "the direction from A to B". */
const DIRECTION_FORMS: Array<{ re: RegExp; seps: string[]; targetFirst: boolean }> = [
  { re: /^where (?:is|are) (.+)$/, seps: FROM_WORDS, targetFirst: true },
  {
    re: /^(?:(?:in|at|towards?) )?(?:which|what) (?:direction|way|side) is (.+)$/,
    seps: FROM_WORDS.filter((w) => !w.startsWith('compared')),
    targetFirst: true,
  },
  {
    re: /^(?:at )?what (?:o'? ?clock|clock (?:position|direction|hour)) is (.+)$/,
    seps: ['from', 'relative to', 'with respect to', 'as seen from', 'seen from'],
    targetFirst: true,
  },
  {
    re: /^what is the (?:clock )?(?:direction|position|bearing) of (.+)$/,
    seps: ['from', 'relative to', 'with respect to'],
    targetFirst: true,
  },
  { re: /^what is the (?:clock )?direction from (.+)$/, seps: ['to'], targetFirst: false },
]

/** Clock direction of one reference seen from another ("where is the bottle relative to the mug"). */
export function directionRule(plain: string, score?: PhraseScorer): QueryOp | null {
  for (const f of DIRECTION_FORMS) {
    const m = f.re.exec(plain)
    if (!m) continue
    const p = splitPair(m[1].replace(FILLER, ''), f.seps, score)
    if (p)
      return f.targetFirst
        ? { op: 'direction', from: p.b, to: p.a }
        : { op: 'direction', from: p.a, to: p.b }
  }
  return null
}

/** Whether an item (a width, "a 8 cm gripper", or an object) fits between two objects. */
export function fitsRule(plain: string, score?: PhraseScorer): QueryOp | null {
  const m =
    /^(?:can|could|would|will|does|do|might|may) (.+?) (?:still )?fit (?:in |into |through )?(?:the (?:gap|space) )?between (.+)$/.exec(
      plain,
    ) ?? /^is there (?:enough )?(?:room|space) for (.+?) (?:to fit )?between (.+)$/.exec(plain)
  if (!m) return null
  const p = splitPair(m[2], ['and'], score)
  return p ? { op: 'fits', a: p.a, b: p.b, item: m[1].trim() } : null
}
