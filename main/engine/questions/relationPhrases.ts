/**
 * Word lists of the grammar's two-object rules: relation phrases of the yes/no predicates ("is A left of B") and
 * comparative phrases of the choices ("which is bigger, A or B"). All lower case, matched on whole words.
 * Pure TypeScript.
 */

import type { ChoiceKind, PredicateKind } from '../answers/types'

/** Relation phrases between A and B in "is A <phrase> B"; the parser tries longer phrases first. */
export const PREDICATE_PHRASES: Record<PredicateKind, string[]> = {
  left: [
    'to the left of',
    'on the left of',
    'to the left side of',
    'on the left side of',
    'left of',
    'left from',
    'further left than',
    'farther left than',
    'more to the left than',
    'more left than',
  ],
  right: [
    'to the right of',
    'on the right of',
    'to the right side of',
    'on the right side of',
    'right of',
    'right from',
    'further right than',
    'farther right than',
    'more to the right than',
    'more right than',
  ],
  above: ['above', 'higher than', 'higher up than', 'over', 'on top of'],
  below: ['below', 'under', 'underneath', 'beneath', 'lower than', 'lower down than'],
  front: ['in front of', 'in the front of', 'more in front than'],
  behind: ['behind', 'in back of', 'at the back of', 'further back than', 'farther back than'],
  wider: ['wider than', 'broader than'],
  thinner: ['thinner than', 'narrower than', 'slimmer than', 'skinnier than'],
  bigger: ['bigger than', 'larger than'],
  smaller: ['smaller than', 'tinier than'],
  taller: ['taller than'],
  shorter: ['shorter than'],
}

/** Comparative phrases of "which is <phrase>, A or B"; the parser takes the longest that starts the text. */
export const CHOICE_PHRASES: Record<ChoiceKind, string[]> = {
  left_choice: [
    'more to the left',
    'further to the left',
    'farther to the left',
    'further left',
    'farther left',
    'more left',
    'on the left',
    'to the left',
    'leftmost',
    'left most',
    'left',
  ],
  right_choice: [
    'more to the right',
    'further to the right',
    'farther to the right',
    'further right',
    'farther right',
    'more right',
    'on the right',
    'to the right',
    'rightmost',
    'right most',
    'right',
  ],
  above_choice: ['higher up', 'higher', 'highest', 'more above', 'above', 'on top', 'upper'],
  below_choice: ['lower down', 'lower', 'lowest', 'more below', 'below', 'underneath', 'beneath'],
  tall_choice: ['taller', 'tallest'],
  short_choice: ['shorter', 'shortest'],
  big_choice: ['bigger', 'larger', 'biggest', 'largest'],
  small_choice: ['smaller', 'smallest', 'tinier'],
  wide_choice: ['wider', 'widest', 'broader'],
  thin_choice: ['thinner', 'narrower', 'thinnest', 'narrowest', 'slimmer', 'skinnier'],
  front_choice: [
    'more in front',
    'more to the front',
    'in the front',
    'at the front',
    'in front',
    'frontmost',
  ],
  behind_choice: [
    'further back',
    'farther back',
    'more to the back',
    'in the back',
    'at the back',
    'more behind',
    'behind',
    'backmost',
  ],
  close_choice: ['closer', 'nearer', 'closest', 'nearest'],
  far_choice: [
    'farther away',
    'further away',
    'more distant',
    'farther',
    'further',
    'farthest',
    'furthest',
  ],
}

/** Words that mean "the camera" in "closer to the camera". */
export const CAMERA_WORDS: string[] = [
  'the camera',
  'camera',
  'me',
  'us',
  'the viewer',
  'the observer',
  'the sensor',
  'the robot',
]
