/**
 * Test helper: phrasings of every question form the old regular-expression templates answered
 * (answers/questionParser.ts, pairTemplates.ts and phrases.ts before the grammar took them over), written out
 * with the synthetic tabletop's object names. The phrase lists are copied here on purpose, so the parity test
 * keeps checking the same sentences after the template files are gone.
 */

const PAIRS: Array<[string, string]> = [
  ['the mug', 'the laptop'],
  ['the bottle', 'the box_tall'],
  ['the can', 'the box_small'],
  ['the laptop', 'the bottle'],
]

const PREDICATES = [
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
  'above',
  'higher than',
  'higher up than',
  'over',
  'on top of',
  'below',
  'under',
  'underneath',
  'beneath',
  'lower than',
  'lower down than',
  'in front of',
  'in the front of',
  'more in front than',
  'behind',
  'in back of',
  'at the back of',
  'further back than',
  'farther back than',
  'wider than',
  'broader than',
  'thinner than',
  'narrower than',
  'slimmer than',
  'skinnier than',
  'bigger than',
  'larger than',
  'smaller than',
  'tinier than',
  'taller than',
  'shorter than',
]

const CHOICES = [
  'more to the left',
  'further to the left',
  'farther left',
  'more left',
  'on the left',
  'to the left',
  'leftmost',
  'left',
  'more to the right',
  'further right',
  'on the right',
  'rightmost',
  'right',
  'higher up',
  'higher',
  'highest',
  'above',
  'on top',
  'upper',
  'lower down',
  'lower',
  'lowest',
  'below',
  'underneath',
  'taller',
  'tallest',
  'shorter',
  'shortest',
  'bigger',
  'larger',
  'biggest',
  'smaller',
  'smallest',
  'tinier',
  'wider',
  'widest',
  'broader',
  'thinner',
  'narrower',
  'slimmer',
  'more in front',
  'in the front',
  'at the front',
  'in front',
  'frontmost',
  'further back',
  'farther back',
  'in the back',
  'more behind',
  'behind',
  'backmost',
  'closer',
  'nearer',
  'closest',
  'farther away',
  'further away',
  'more distant',
  'farther',
  'furthest',
]

const PAIR_FORMS: Array<(a: string, b: string) => string> = [
  (a, b) => `what is the gap between ${a} and ${b}`,
  (a, b) => `what's the free space between ${a} and ${b}?`,
  (a, b) => `the clearance between ${a} and ${b}`,
  (a, b) => `how big is the gap between ${a} and ${b}`,
  (a, b) => `what is the closest distance between ${a} and ${b}`,
  (a, b) => `what is the surface to surface distance between ${a} and ${b}`,
  (a, b) => `minimum distance separating ${a} and ${b}`,
  (a, b) => `how much space is there between ${a} and ${b}`,
  (a, b) => `how much room remains between ${a} and ${b}`,
  (a, b) => `what is the horizontal distance between ${a} and ${b}`,
  (a, b) => `horizontal offset from ${a} to ${b}`,
  (a, b) => `how far horizontally is ${a} from ${b}`,
  (a, b) => `how far apart horizontally are ${a} and ${b}`,
  (a, b) => `how far apart are ${a} and ${b} horizontally`,
  (a, b) => `what is the vertical distance between ${a} and ${b}`,
  (a, b) => `the vertical separation from ${a} to ${b}`,
  (a, b) => `how far vertically is ${a} from ${b}`,
  (a, b) => `how far apart are ${a} and ${b} vertically`,
  (a, b) => `how much higher is ${a} than ${b}`,
  (a, b) => `how much lower is ${a} than ${b}`,
  (a, b) => `what is the distance between ${a} and ${b}`,
  (a, b) => `what is the straight line distance from ${a} to ${b}`,
  (a, b) => `the euclidean distance between ${a} and ${b}`,
  (a, b) => `what is the centre to centre distance between ${a} and ${b}`,
  (a, b) => `distance from ${a} to ${b}`,
  (a, b) => `how far apart are ${a} and ${b}`,
  (a, b) => `how far are ${a} and ${b} apart`,
  (a, b) => `how far is it from ${a} to ${b}`,
  (a, b) => `how far is ${a} from ${b}`,
  (a, b) => `how far away is ${a} from ${b}?`,
  (a, b) => `how far is ${a} located from ${b}`,
  (a, b) => `how far ${a} is from ${b}`,
  (a, b) => `how close is ${a} to ${b}`,
  (a, b) => `how close are ${a} and ${b}`,
  (a, b) => `where is ${a} relative to ${b}`,
  (a, b) => `where is ${a} with respect to ${b}`,
  (a, b) => `where is ${a} as seen from ${b}`,
  (a, b) => `in which direction is ${a} from ${b}`,
  (a, b) => `which way is ${a} relative to ${b}`,
  (a, b) => `at what o'clock is ${a} from ${b}`,
  (a, b) => `what clock position is ${a} from ${b}`,
  (a, b) => `what is the direction of ${a} relative to ${b}`,
  (a, b) => `what is the clock direction from ${a} to ${b}`,
  (a, b) => `can a 8 cm gripper fit between ${a} and ${b}`,
  (a, b) => `could a 3 inch box still fit through the gap between ${a} and ${b}?`,
  (a, b) => `would an object 50 mm wide fit between ${a} and ${b}`,
  (a, b) => `is there enough room for a 0.2 m tray between ${a} and ${b}`,
  (a, b) => `is there space for a 5cm block to fit between ${a} and ${b}`,
  (a, b) => `can the can fit between ${a} and ${b}`,
  (a, b) => `is ${a} to the left of ${b}, please`,
]

const SINGLE_FORMS: Array<(a: string) => string> = [
  (a) => `how tall is ${a}`,
  (a) => `how high is ${a}`,
  (a) => `how wide is ${a}`,
  (a) => `how deep is ${a}`,
  (a) => `how big is ${a}`,
  (a) => `how large is ${a}?`,
  (a) => `how tall ${a} is`,
  (a) => `what is the height of ${a}`,
  (a) => `the width of ${a}`,
  (a) => `depth of ${a}`,
  (a) => `what is the volume of ${a}`,
  (a) => `what's the size of ${a}`,
  (a) => `what is ${a}'s height`,
  (a) => `${a}'s width`,
]

const SINGLES = ['the mug', 'the laptop', 'the bottle', 'the box_tall', 'the can']

/** Every phrasing, de-duplicated, in a stable order. */
export function templatePhrasings(): string[] {
  const out: string[] = []
  for (const [a, b] of PAIRS) {
    for (const p of PREDICATES) out.push(`is ${a} ${p} ${b}`)
    for (const c of CHOICES) {
      out.push(`which is ${c}, ${a} or ${b}`)
      out.push(`which of ${a} and ${b} is ${c}`)
    }
    for (const f of PAIR_FORMS) out.push(f(a, b))
  }
  const [a, b] = PAIRS[0]
  for (const c of CHOICES.slice(0, 8)) {
    out.push(`between ${a} and ${b}, which is ${c}?`)
    out.push(`which one is ${c}: ${a} or ${b}?`)
    out.push(`which of the two is ${c}, ${a} or ${b}`)
  }
  for (const w of ['the camera', 'me', 'the robot', 'the bottle', 'the can']) {
    out.push(`which is closer to ${w}, ${a} or ${b}`)
    out.push(`which is farther from ${w}, ${a} or ${b}`)
    out.push(`which of ${a} and ${b} is nearer to ${w}`)
  }
  out.push('is the mug left of the box', 'which is bigger, the box or the mug')
  out.push('how far is the box from the mug', 'how tall is the box')
  for (const s of SINGLES) for (const f of SINGLE_FORMS) out.push(f(s))
  return [...new Set(out)]
}
