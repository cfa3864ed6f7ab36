/**
 * VSR's 71 spatial relations in 7 meta-categories (Liu et al., "Visual Spatial Reasoning", TACL 2023), as the
 * authors' analysis script groups them (analysis_scripts/rel_meta_category_dict.txt, copied in
 * tests/fixtures/vsr with its PROVENANCE.md). "among" is listed twice; the script lets the later line win
 * (Unallocated), and so do we. "congruent" occurs once in the data but in no category: it is Unallocated here.
 * Pure TypeScript.
 */

export const META_CATEGORIES = [
  'Adjacency',
  'Directional',
  'Orientation',
  'Projective',
  'Proximity',
  'Topological',
  'Unallocated',
] as const

export type MetaCategory = (typeof META_CATEGORIES)[number]

/** The table as the VSR authors list it (71 entries, "among" twice). */
export const RELATIONS_BY_META: Readonly<Record<MetaCategory, readonly string[]>> = {
  Adjacency: [
    'adjacent to',
    'alongside',
    'at the side of',
    'at the right side of',
    'at the left side of',
    'attached to',
    'at the back of',
    'ahead of',
    'against',
    'at the edge of',
  ],
  Directional: [
    'off',
    'past',
    'toward',
    'down',
    'deep down',
    'up',
    'away from',
    'along',
    'around',
    'from',
    'into',
    'to',
    'across',
    'across from',
    'through',
    'down from',
  ],
  Orientation: ['facing', 'facing away from', 'parallel to', 'perpendicular to'],
  Projective: [
    'on top of',
    'beneath',
    'beside',
    'behind',
    'left of',
    'right of',
    'under',
    'in front of',
    'below',
    'above',
    'over',
    'in the middle of',
  ],
  Proximity: ['by', 'close to', 'near', 'far from', 'far away from'],
  Topological: [
    'connected to',
    'detached from',
    'has as a part',
    'part of',
    'contains',
    'within',
    'at',
    'on',
    'in',
    'with',
    'surrounding',
    'among',
    'consists of',
    'out of',
    'between',
    'inside',
    'outside',
    'touching',
  ],
  Unallocated: ['beyond', 'next to', 'opposite to', 'after', 'among', 'enclosed by'],
}

function buildRelationIndex(): Map<string, MetaCategory> {
  const index = new Map<string, MetaCategory>()
  // Later categories overwrite earlier ones, as the authors' script does ("among" → Unallocated).
  for (const meta of META_CATEGORIES)
    for (const relation of RELATIONS_BY_META[meta]) index.set(relation, meta)
  index.set('congruent', 'Unallocated')
  return index
}

const RELATION_TO_META = buildRelationIndex()

/** Every relation string we know (70 unique from the table, plus "congruent"). */
export const VSR_RELATIONS: readonly string[] = [...RELATION_TO_META.keys()]

/** Meta-category of a VSR relation, or null for a string that is not one. */
export function metaCategoryOf(relation: string): MetaCategory | null {
  return RELATION_TO_META.get(relation) ?? null
}
