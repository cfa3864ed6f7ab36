/**
 * Regular-expression templates of the metric pair questions (distance, gap, horizontal / vertical distance, clock
 * direction). Each captures the text holding both object phrases; `seps` are the words that may separate them.
 * Matched against a normalised question (lower case, no commas, no trailing '?'). Pure TypeScript.
 */

/** Pair metric questions the parser knows; for 'direction' a = from (observer), b = to (target). */
export type ParsedPairKind =
  'distance' | 'gap' | 'horizontal_distance' | 'vertical_distance' | 'direction'

/** Verbs like "located" dropped before splitting object phrases. */
export const FILLER = / (?:located|positioned|situated|placed|standing|sitting|lying)(?= )/g

/** One template; `swap`: the first phrase is the target, the second the observer (direction questions). */
export interface PairTemplate {
  re: RegExp
  kind: ParsedPairKind
  seps: string[]
  swap?: boolean
}

/** Templates in priority order (gap before distance, specific before generic). */
export const PAIR_TEMPLATES: PairTemplate[] = [
  {
    re: /^(?:what is |how (?:big|wide|large) is )?(?:the )?(?:size of the )?(?:free |empty |open )?(?:gap|space|clearance|room|spacing|closest distance|minimum distance|minimal distance|shortest distance|nearest distance|surface distance|surface to surface distance) (?:between|separating) (.+)$/,
    kind: 'gap',
    seps: ['and'],
  },
  {
    re: /^how much (?:free |empty |open )?(?:space|room|clearance|gap) (?:is there |there is |is |remains |do we have )?between (.+)$/,
    kind: 'gap',
    seps: ['and'],
  },
  {
    re: /^(?:what is )?(?:the )?horizontal (?:distance|separation|offset) (?:between|from) (.+)$/,
    kind: 'horizontal_distance',
    seps: ['and', 'to'],
  },
  {
    re: /^how far (?:apart )?horizontally (?:are|is) (.+)$/,
    kind: 'horizontal_distance',
    seps: ['and', 'from'],
  },
  {
    re: /^how far apart (?:are |is )?(.+) horizontally$/,
    kind: 'horizontal_distance',
    seps: ['and'],
  },
  {
    re: /^(?:what is )?(?:the )?vertical (?:distance|separation|offset) (?:between|from) (.+)$/,
    kind: 'vertical_distance',
    seps: ['and', 'to'],
  },
  {
    re: /^how far (?:apart )?vertically (?:are|is) (.+)$/,
    kind: 'vertical_distance',
    seps: ['and', 'from'],
  },
  { re: /^how far apart (?:are |is )?(.+) vertically$/, kind: 'vertical_distance', seps: ['and'] },
  { re: /^how much (?:higher|lower) is (.+)$/, kind: 'vertical_distance', seps: ['than'] },
  {
    re: /^(?:what is )?(?:the )?(?:direct |straight line |euclidean |3d |metric |centre to centre |center to center |actual |exact |approximate )?distance (?:between|from) (.+)$/,
    kind: 'distance',
    seps: ['and', 'to', 'from'],
  },
  { re: /^how far apart (?:are|is) (.+)$/, kind: 'distance', seps: ['and'] },
  { re: /^how far (?:are|is) (.+) apart$/, kind: 'distance', seps: ['and', 'from'] },
  { re: /^how far is it from (.+)$/, kind: 'distance', seps: ['to'] },
  {
    re: /^how far (?:away )?(?:is|are) (.+)$/,
    kind: 'distance',
    seps: ['away from', 'from', 'to'],
  },
  {
    re: /^how far (.+ (?:is|are) (?:away )?from .+)$/,
    kind: 'distance',
    seps: ['is away from', 'is from', 'are from'],
  },
  { re: /^how close (?:is|are) (.+)$/, kind: 'distance', seps: ['to', 'and', 'from'] },
  {
    re: /^where (?:is|are) (.+)$/,
    kind: 'direction',
    seps: [
      'relative to',
      'with respect to',
      'in relation to',
      'compared to',
      'compared with',
      'as seen from',
      'seen from',
      'from',
    ],
    swap: true,
  },
  {
    re: /^(?:(?:in|at|towards?) )?(?:which|what) (?:direction|way|side) is (.+)$/,
    kind: 'direction',
    seps: ['from', 'relative to', 'with respect to', 'in relation to', 'as seen from', 'seen from'],
    swap: true,
  },
  {
    re: /^(?:at )?what (?:o'? ?clock|clock (?:position|direction|hour)) is (.+)$/,
    kind: 'direction',
    seps: ['from', 'relative to', 'with respect to', 'as seen from', 'seen from'],
    swap: true,
  },
  {
    re: /^what is the (?:clock )?(?:direction|position|bearing) of (.+)$/,
    kind: 'direction',
    seps: ['from', 'relative to', 'with respect to'],
    swap: true,
  },
  { re: /^what is the (?:clock )?direction from (.+)$/, kind: 'direction', seps: ['to'] },
]
