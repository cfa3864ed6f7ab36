/**
 * Names people say for things, mapped to the labels objects carry: COCO detector labels (see
 * perception/cocoLabels.ts, COCO 2017 wording with spaces) and the descriptive names of geometry clusters.
 * Synonyms name the same class ("mug" for a "cup"); hypernyms name a family ("box" for anything box-shaped the
 * detector called "book" or "suitcase"). Pure TypeScript, data only.
 */

/** Each row: a label (as objects carry it) and the words people use for it, the label itself included. */
const SYNONYM_ROWS: Array<[label: string, words: string[]]> = [
  ['cup', ['cup', 'mug', 'coffee cup', 'coffee mug', 'teacup', 'tea cup', 'tumbler']],
  ['mug', ['mug', 'cup', 'coffee mug', 'coffee cup']],
  ['couch', ['couch', 'sofa', 'settee']],
  [
    'tv',
    [
      'tv',
      'television',
      'monitor',
      'screen',
      'display',
      'tv monitor',
      'tvmonitor',
      'computer screen',
    ],
  ],
  ['laptop', ['laptop', 'computer', 'notebook', 'notebook computer', 'macbook', 'laptop computer']],
  [
    'cell phone',
    ['cell phone', 'phone', 'mobile', 'mobile phone', 'smartphone', 'cellphone', 'smart phone'],
  ],
  ['dining table', ['dining table', 'table', 'desk', 'kitchen table']],
  ['chair', ['chair', 'seat', 'stool', 'office chair']],
  ['bottle', ['bottle', 'flask', 'water bottle']],
  ['wine glass', ['wine glass', 'glass', 'wineglass']],
  ['bowl', ['bowl', 'dish']],
  ['potted plant', ['potted plant', 'plant', 'flower pot', 'flowerpot', 'houseplant', 'pot plant']],
  ['mouse', ['mouse', 'computer mouse']],
  ['remote', ['remote', 'remote control', 'controller', 'clicker']],
  ['keyboard', ['keyboard']],
  ['book', ['book', 'books']],
  ['box', ['box', 'carton', 'package', 'parcel', 'crate', 'cardboard box']],
  ['can', ['can', 'tin', 'soda can', 'tin can']],
  ['suitcase', ['suitcase', 'luggage', 'case']],
  ['backpack', ['backpack', 'rucksack', 'bag']],
  ['handbag', ['handbag', 'purse', 'bag']],
  ['person', ['person', 'man', 'woman', 'human', 'people', 'guy', 'somebody']],
  ['refrigerator', ['refrigerator', 'fridge']],
  ['motorcycle', ['motorcycle', 'motorbike']],
  ['bicycle', ['bicycle', 'bike']],
  ['sink', ['sink', 'basin']],
  ['teddy bear', ['teddy bear', 'teddy', 'stuffed animal', 'plush toy']],
  ['hair drier', ['hair drier', 'hair dryer', 'hairdryer']],
  ['sports ball', ['sports ball', 'ball']],
  ['night stand', ['night stand', 'nightstand', 'bedside table']],
  ['dresser', ['dresser', 'chest of drawers', 'drawers', 'bureau']],
  ['lamp', ['lamp', 'light', 'table lamp', 'floor lamp']],
  ['ottoman', ['ottoman', 'footstool', 'pouf', 'hassock']],
  ['dog', ['dog', 'puppy']],
  ['cat', ['cat', 'kitten']],
  ['scissors', ['scissors']],
  ['vase', ['vase']],
  ['clock', ['clock']],
]

/** Families: a word and the labels it covers. "box" covers what looks like a box even when the detector says "book". */
const HYPERNYM_ROWS: Array<[word: string, labels: string[]]> = [
  ['box', ['box', 'book', 'suitcase', 'carton', 'package', 'crate', 'microwave']],
  ['container', ['cup', 'mug', 'bowl', 'bottle', 'can', 'vase', 'wine glass', 'box', 'jar']],
  ['drink', ['bottle', 'cup', 'mug', 'wine glass', 'can']],
  [
    'furniture',
    ['chair', 'couch', 'bed', 'dining table', 'bench', 'night stand', 'ottoman', 'desk', 'sofa'],
  ],
  ['device', ['laptop', 'tv', 'cell phone', 'keyboard', 'mouse', 'remote']],
  ['electronics', ['laptop', 'tv', 'cell phone', 'keyboard', 'mouse', 'remote']],
  ['fruit', ['banana', 'apple', 'orange']],
  [
    'animal',
    ['dog', 'cat', 'bird', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe'],
  ],
  ['vehicle', ['car', 'bus', 'truck', 'motorcycle', 'bicycle', 'train', 'boat', 'airplane']],
  ['seat', ['chair', 'couch', 'bench', 'stool']],
]

function buildIndex(rows: Array<[string, string[]]>, keyFirst: boolean): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>()
  for (const [a, list] of rows) {
    const pairs: Array<[string, string]> = keyFirst ? list.map((w) => [w, a]) : [[a, '']]
    for (const [word, label] of pairs) {
      const set = index.get(word) ?? new Set<string>()
      set.add(label)
      index.set(word, set)
    }
  }
  return index
}

const SYNONYMS = buildIndex(SYNONYM_ROWS, true)
const HYPERNYMS = new Map(HYPERNYM_ROWS.map(([w, labels]) => [w, new Set(labels)]))

/** Labels a word names as a synonym ("mug" → cup, mug); empty when the word is not in the lexicon. */
export function labelsForSynonym(word: string): Set<string> {
  return SYNONYMS.get(word) ?? new Set()
}

/** Labels a family word covers ("box" → box, book, suitcase, …); empty when it is not a family word. */
export function labelsForHypernym(word: string): Set<string> {
  return HYPERNYMS.get(word) ?? new Set()
}

/** Every word of the lexicon for a label (itself included), for "did you mean" similarity. */
export function wordsForLabel(label: string): string[] {
  const out = new Set<string>([label])
  for (const [word, labels] of SYNONYMS) if (labels.has(label)) out.add(word)
  for (const [word, labels] of HYPERNYMS) if (labels.has(label)) out.add(word)
  return [...out]
}

/** Words meaning the camera (the viewpoint of the frame). */
export const CAMERA_REFERENCES = [
  'camera',
  'me',
  'us',
  'you',
  'viewer',
  'observer',
  'sensor',
  'robot',
  'the robot',
  'here',
  'lens',
  'camera position',
]

/** Words meaning the support surface (the plane the scene stands on). */
export const SURFACE_REFERENCES = [
  'table',
  'floor',
  'ground',
  'desk',
  'surface',
  'support surface',
  'support plane',
  'plane',
  'tabletop',
  'table top',
  'table surface',
  'counter',
  'countertop',
  'carpet',
  'workbench',
  'bench top',
]

/** Phrases meaning every object of the scene. */
export const ALL_REFERENCES = [
  'everything',
  'anything',
  'all',
  'all objects',
  'all the objects',
  'all things',
  'all the things',
  'all items',
  'all the items',
  'objects',
  'things',
  'items',
  'any object',
  'anything else',
  'every object',
  'each object',
]

/** Head words that name no class: "the red one", "the tall object". */
export const GENERIC_HEADS = new Set([
  'one',
  'object',
  'thing',
  'item',
  'ones',
  'objects',
  'things',
  'items',
])

/** Words a reference phrase may carry without changing what it refers to. */
export const REFERENCE_FILLER = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'my',
  'our',
  'your',
  'please',
  'of',
])

/** Trailing phrases that only say where to look ("in the image"). */
export const LOCATION_FILLER =
  /\s+(?:in|on|from|of) (?:the |this )?(?:scene|image|picture|photo|frame|view)$/
