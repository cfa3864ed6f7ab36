import { describe, expect, it } from 'vitest'
import { CAMERA_FRAME_NOTE, answerQuestion, type AnswerKind } from '../../../main/engine/answers'
import { normalizeQuestion } from '../../../main/engine/questions/normalize'
import { parseQuery } from '../../../main/engine/questions/parse'
import { parseWidthM } from '../../../main/engine/questions/units'
import type { Scene } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth, sceneWithBoxes } from './sceneFromGroundTruth'

const gt = loadGroundTruth()
const scene = sceneFromGroundTruth(gt)
const pd = (a: string, b: string): number =>
  gt.pairwise_centre_distances_m[`${a}|${b}`] ?? gt.pairwise_centre_distances_m[`${b}|${a}`]

type Case = [
  question: string,
  kind: AnswerKind,
  objects: string[],
  value: number | boolean | string | null,
]

// Expected values from the GT json (distances from the pairwise table, sizes from size_m, positions by hand).
const mugBottleHoriz = Math.hypot(0.13, 0.35)
const bottleLaptopHoriz = Math.hypot(0.3, 0.12)
const CASES: Case[] = [
  // distance
  ['how far is the mug from the laptop', 'distance', ['mug', 'laptop'], pd('mug', 'laptop')],
  ['How far is the mug from the laptop?', 'distance', ['mug', 'laptop'], pd('mug', 'laptop')],
  ['HOW FAR IS MUG FROM LAPTOP???', 'distance', ['mug', 'laptop'], pd('mug', 'laptop')],
  [
    'what is the distance between the bottle and the can',
    'distance',
    ['bottle', 'can'],
    pd('bottle', 'can'),
  ],
  [
    "What's the distance between box_small and box_tall?",
    'distance',
    ['box_small', 'box_tall'],
    pd('box_small', 'box_tall'),
  ],
  ['what is the distance from the mug to the can', 'distance', ['mug', 'can'], pd('mug', 'can')],
  ['how far apart are the laptop and the can', 'distance', ['laptop', 'can'], pd('laptop', 'can')],
  ['How far are the laptop and the can apart?', 'distance', ['laptop', 'can'], pd('laptop', 'can')],
  [
    'how far away is the bottle from box small',
    'distance',
    ['bottle', 'box_small'],
    pd('bottle', 'box_small'),
  ],
  [
    'tell me how far the bottle is from the mug',
    'distance',
    ['bottle', 'mug'],
    pd('bottle', 'mug'),
  ],
  ['how close is the can to box-tall', 'distance', ['can', 'box_tall'], pd('can', 'box_tall')],
  // horizontal / vertical
  [
    'what is the horizontal distance between the bottle and the laptop',
    'horizontal_distance',
    ['bottle', 'laptop'],
    bottleLaptopHoriz,
  ],
  [
    'How far apart horizontally are the mug and the bottle?',
    'horizontal_distance',
    ['mug', 'bottle'],
    mugBottleHoriz,
  ],
  [
    'what is the vertical distance between the bottle and the laptop?',
    'vertical_distance',
    ['bottle', 'laptop'],
    0.105,
  ],
  ['how much higher is the bottle than the mug', 'vertical_distance', ['bottle', 'mug'], 0.075],
  // left / right
  ['is the laptop left of the mug', 'left', ['laptop', 'mug'], true],
  ['Is the laptop to the left of the mug?', 'left', ['laptop', 'mug'], true],
  ['is the can to the left of the mug', 'left', ['can', 'mug'], false],
  ['is the can on the left side of the mug', 'left', ['can', 'mug'], false],
  ['is the can right of the mug', 'right', ['can', 'mug'], true],
  ['is the mug more to the left than the can', 'left', ['mug', 'can'], true],
  ['is the can to the right of the bottle?', 'right', ['can', 'bottle'], true],
  ['is the mug located to the right of the bottle', 'right', ['mug', 'bottle'], false],
  // above / below / front / behind
  ['is the bottle above the mug', 'above', ['bottle', 'mug'], true],
  ['is the laptop higher than the can', 'above', ['laptop', 'can'], false],
  ['is the laptop below the can', 'below', ['laptop', 'can'], true],
  ['is the can under the laptop', 'below', ['can', 'laptop'], false],
  ['is the mug in front of the laptop', 'front', ['mug', 'laptop'], true],
  ['is the can in front of the bottle', 'front', ['can', 'bottle'], false],
  ['is the laptop behind the mug', 'behind', ['laptop', 'mug'], true],
  ['is box_small behind the mug', 'behind', ['box_small', 'mug'], true],
  // sizes
  ['is the laptop wider than the bottle', 'wider', ['laptop', 'bottle'], true],
  ['is the laptop thinner than the bottle', 'thinner', ['laptop', 'bottle'], false],
  ['is the can narrower than the mug', 'thinner', ['can', 'mug'], true],
  ['is the laptop bigger than box_tall', 'bigger', ['laptop', 'box_tall'], true],
  ['is the can larger than the mug', 'bigger', ['can', 'mug'], false],
  ['is the can smaller than the mug', 'smaller', ['can', 'mug'], true],
  ['is the bottle taller than box_tall', 'taller', ['bottle', 'box_tall'], true],
  ['is the bottle shorter than box_tall', 'shorter', ['bottle', 'box_tall'], false],
  // choices
  ['which is bigger, the laptop or box_tall?', 'big_choice', ['laptop', 'box_tall'], 'laptop'],
  ['Which is larger: the mug or the can?', 'big_choice', ['mug', 'can'], 'mug'],
  ['which is smaller, the mug or the can', 'small_choice', ['mug', 'can'], 'can'],
  ['which one is taller, the bottle or box_tall', 'tall_choice', ['bottle', 'box_tall'], 'bottle'],
  ['which is shorter, the laptop or the can', 'short_choice', ['laptop', 'can'], 'laptop'],
  ['which is wider, the can or the mug', 'wide_choice', ['can', 'mug'], 'mug'],
  ['which is thinner, the can or the mug', 'thin_choice', ['can', 'mug'], 'can'],
  ['which is more to the left, the mug or the can', 'left_choice', ['mug', 'can'], 'mug'],
  ['which is further right, the mug or the can', 'right_choice', ['mug', 'can'], 'can'],
  ['which of the mug and the can is on the left', 'left_choice', ['mug', 'can'], 'mug'],
  ['which is higher, the laptop or the can', 'above_choice', ['laptop', 'can'], 'can'],
  ['which is lower, the laptop or the can', 'below_choice', ['laptop', 'can'], 'laptop'],
  ['which is closer, the laptop or the mug', 'close_choice', ['laptop', 'mug'], 'mug'],
  [
    'which is closer to the camera, the laptop or the mug',
    'close_choice',
    ['laptop', 'mug'],
    'mug',
  ],
  ['which is farther away, the laptop or the mug', 'far_choice', ['laptop', 'mug'], 'laptop'],
  [
    'which is closer to the laptop, the mug or the bottle',
    'close_choice',
    ['mug', 'bottle', 'laptop'],
    'bottle',
  ],
  [
    'which is closer to the laptop the mug or the bottle',
    'close_choice',
    ['mug', 'bottle', 'laptop'],
    'bottle',
  ],
  [
    'which is farther from the laptop, the mug or the bottle',
    'far_choice',
    ['mug', 'bottle', 'laptop'],
    'mug',
  ],
  [
    'which of the mug and the bottle is closer to the laptop',
    'close_choice',
    ['mug', 'bottle', 'laptop'],
    'bottle',
  ],
  ['between the mug and the can, which is bigger', 'big_choice', ['mug', 'can'], 'mug'],
  ['which is in front, the laptop or the mug', 'front_choice', ['laptop', 'mug'], 'mug'],
  ['which is further back, the laptop or the mug', 'behind_choice', ['laptop', 'mug'], 'laptop'],
  // single-object sizes
  ['how tall is the bottle', 'height', ['bottle'], 0.25],
  ['How high is box_tall?', 'height', ['box_tall'], 0.22],
  ['how wide is the laptop', 'width', ['laptop'], 0.3],
  ['how deep is the laptop', 'depth', ['laptop'], 0.2],
  ['what is the height of the can', 'height', ['can'], 0.12],
  ["what is the mug's width", 'width', ['mug'], 0.09],
  ['how big is the mug', 'volume', ['mug'], 0.09 * 0.09 * 0.1],
  // direction
  ['where is the bottle relative to the mug', 'direction', ['mug', 'bottle'], 1],
  ['in which direction is the bottle from the mug', 'direction', ['mug', 'bottle'], 1],
  ['what direction is box_small from the can', 'direction', ['can', 'box_small'], 8],
  ['where is the mug with respect to box_small?', 'direction', ['box_small', 'mug'], 3],
  ['where is the laptop relative to the bottle', 'direction', ['bottle', 'laptop'], 10],
  ["at what o'clock is the bottle from the mug", 'direction', ['mug', 'bottle'], 1],
  ['what is the direction from the mug to the bottle', 'direction', ['mug', 'bottle'], 1],
  // fits between (free centre-line gap mug ↔ box_tall = 18.88 cm, worked by hand in boxGeometry.test.ts)
  [
    'can a 8 cm gripper fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  [
    'can an object 5 cm wide fit between the mug and box_tall?',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  [
    'can a 18.5cm gripper fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  [
    'can a 19.5 cm gripper fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    false,
  ],
  [
    'can a 180 mm gripper fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  ['will a 190mm box fit between the mug and box_tall', 'fits_between', ['mug', 'box_tall'], false],
  [
    'can a 7 inch object fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  [
    'can an 8 inch wide tray fit between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    false,
  ],
  ['can a 0.2 m box fit between the mug and box_tall', 'fits_between', ['mug', 'box_tall'], false],
  [
    'is there enough room for a 10 cm object between the mug and box_tall',
    'fits_between',
    ['mug', 'box_tall'],
    true,
  ],
  ['can the can fit between the mug and box_tall', 'fits_between', ['mug', 'box_tall'], true],
]

describe('answerQuestion: every phrasing on the ground-truth scene', () => {
  for (const [q, kind, names, value] of CASES) {
    it(q, () => {
      const a = answerQuestion(scene, q)
      expect(a.kind, a.text).toBe(kind)
      expect(a.question).toBe(q)
      expect(a.objects.map((o) => o.name)).toEqual(names)
      if (typeof value === 'number' && !Number.isInteger(value))
        expect(a.value as number).toBeCloseTo(value, 4)
      else expect(a.value).toBe(value)
    })
  }
})

describe('gaps via questions', () => {
  const s = sceneWithBoxes([
    { name: 'a', c: [0, 1, 0.05], s: [0.1, 0.1, 0.1] },
    { name: 'b', c: [0.3, 1, 0.05], s: [0.2, 0.1, 0.1] },
    { name: 'r', c: [0, 2, 0.1], s: [0.2, 0.2, 0.2], yawDeg: 45 },
    { name: 'q', c: [0.5, 2, 0.1], s: [0.2, 0.2, 0.2] },
  ])
  for (const q of [
    'what is the gap between a and b',
    'how much space is between a and b?',
    'how much room is there between the a and the b',
    'what is the clearance between a and b',
  ]) {
    it(q, () => {
      const ans = answerQuestion(s, q)
      expect(ans.kind).toBe('gap')
      expect(ans.value as number).toBeCloseTo(0.15, 12)
      expect(ans.text).toContain('15 cm')
    })
  }
  it('rotated case', () => {
    expect(answerQuestion(s, 'what is the gap between r and q').value as number).toBeCloseTo(
      0.4 - 0.1 * Math.SQRT2,
      10,
    )
  })
  it('fits text reports the free gap, both sides', () => {
    const yes = answerQuestion(s, 'can a 14 cm gripper fit between a and b')
    const no = answerQuestion(s, 'can a 16 cm gripper fit between a and b')
    expect(yes.value).toBe(true)
    expect(no.value).toBe(false)
    expect(yes.text).toContain('15 cm')
    expect(no.text).toContain('15 cm')
    expect(no.detail?.gapM).toBeCloseTo(0.15, 12)
    expect(no.detail?.requiredWidthM).toBeCloseTo(0.16, 12)
  })
})

describe('object name matching', () => {
  const s = sceneWithBoxes([
    { name: 'left mug', label: 'mug', c: [-0.2, 1, 0.05], s: [0.08, 0.08, 0.1] },
    { name: 'right mug', label: 'mug', c: [0.2, 1, 0.06], s: [0.08, 0.08, 0.12] },
    { name: 'red object', label: 'object', c: [0, 1.3, 0.03], s: [0.12, 0.05, 0.06] },
    { name: 'bowl', label: 'bowl', c: [0, 0.8, 0.03], s: [0.15, 0.15, 0.06] },
  ])
  it('multi-word names, with and without "the"', () => {
    expect(answerQuestion(s, 'how tall is the left mug').value).toBe(0.1)
    expect(answerQuestion(s, 'how tall is right mug?').value).toBe(0.12)
    expect(answerQuestion(s, 'how wide is the red object').value).toBe(0.12)
    const l = answerQuestion(s, 'is the left mug left of the right mug')
    expect(l.kind).toBe('left')
    expect(l.value).toBe(true)
    expect(answerQuestion(s, 'which is taller, the left mug or the right mug').value).toBe(
      'right mug',
    )
  })
  it('a label shared by two objects is ambiguous', () => {
    const a = answerQuestion(s, 'how tall is the mug')
    expect(a.kind).toBe('ambiguous_object')
    expect(a.value).toBeNull()
    expect(a.unit).toBeNull()
    expect(a.text).toContain('left mug')
    expect(a.text).toContain('right mug')
    expect(a.detail?.candidates).toEqual(['left mug', 'right mug'])
    expect(answerQuestion(s, 'is the mug left of the bowl').kind).toBe('ambiguous_object')
  })
  it('a unique label resolves', () => {
    expect(answerQuestion(s, 'how wide is the object').value).toBe(0.12)
  })
  it('"box" is ambiguous on the tabletop (box_small, box_tall)', () => {
    const a = answerQuestion(scene, 'is the bottle left of the box')
    expect(a.kind).toBe('ambiguous_object')
    expect(a.detail?.candidates).toEqual(['box_small', 'box_tall'])
  })
  it('unknown object names the missing phrase and lists the known objects', () => {
    const a = answerQuestion(scene, 'how far is the spoon from the mug?')
    expect(a.kind).toBe('unknown_object')
    expect(a.value).toBeNull()
    expect(a.text).toContain('"spoon"')
    for (const o of gt.objects) expect(a.text).toContain(o.name)
    expect(a.detail?.unknownName).toBe('spoon')
    const b = answerQuestion(scene, 'is the mug left of the fork')
    expect(b.kind).toBe('unknown_object')
    expect(b.detail?.unknownName).toBe('fork')
  })
})

describe('unsupported questions', () => {
  for (const q of [
    'what colour is the mug',
    'hello',
    '',
    'paint the mug red',
    'can a gripper fit between the mug and the can',
  ]) {
    it(JSON.stringify(q), () => {
      const a = answerQuestion(scene, q)
      expect(a.kind).toBe('unsupported')
      expect(a.value).toBeNull()
      expect(a.text).toContain('How far is the mug from the laptop?')
      expect(a.detail?.examples?.length).toBeGreaterThan(5)
    })
  }
})

describe('camera-fallback via questions', () => {
  const fb: Scene = {
    ...scene,
    plane: null,
    provenance: { ...scene.provenance, frameKind: 'camera-fallback' },
  }
  it('height / above / vertical carry the note and still answer; distance does not', () => {
    const h = answerQuestion(fb, 'how tall is the bottle')
    expect(h.value).toBe(0.25)
    expect(h.text).toContain(CAMERA_FRAME_NOTE)
    expect(answerQuestion(fb, 'is the bottle above the mug').text).toContain(CAMERA_FRAME_NOTE)
    expect(answerQuestion(fb, 'which is taller, the bottle or the mug').text).toContain(
      CAMERA_FRAME_NOTE,
    )
    expect(
      answerQuestion(fb, 'what is the vertical distance between the bottle and the mug').text,
    ).toContain(CAMERA_FRAME_NOTE)
    expect(answerQuestion(fb, 'how far is the bottle from the mug').text).not.toContain(
      CAMERA_FRAME_NOTE,
    )
  })
})

describe('parser internals', () => {
  it('normalizes case, contractions, punctuation', () => {
    expect(normalizeQuestion("  What's the GAP between A and B??  ")).toBe(
      'what is the gap between a and b',
    )
    expect(normalizeQuestion('Which is bigger: A or B?')).toBe('which is bigger, a or b')
  })
  it('direction puts the observer first', () => {
    expect(parseQuery('where is the bottle relative to the mug')).toMatchObject({
      op: 'direction',
      from: 'the mug',
      to: 'the bottle',
    })
    expect(parseQuery('in which direction is B from A')).toMatchObject({
      op: 'direction',
      from: 'a',
      to: 'b',
    })
  })
  it('uses the scorer to split names containing "and"', () => {
    const known = new Set(['salt and pepper', 'mug'])
    const score = (p: string): number => (known.has(p.replace(/^the /, '')) ? 2 : 0)
    expect(parseQuery('how far apart are the salt and pepper and the mug', score)).toMatchObject({
      a: 'the salt and pepper',
      b: 'the mug',
    })
  })
  it('reads widths in mm / cm / m / inches / feet', () => {
    expect(parseWidthM('a 8 cm gripper')).toBeCloseTo(0.08, 12)
    expect(parseWidthM('an object 5cm wide')).toBeCloseTo(0.05, 12)
    expect(parseWidthM('a 80 mm gripper')).toBeCloseTo(0.08, 12)
    expect(parseWidthM('a 0.5 m box')).toBeCloseTo(0.5, 12)
    expect(parseWidthM('a 3 inch box')).toBeCloseTo(0.0762, 12)
    expect(parseWidthM('a 2 inches wide box')).toBeCloseTo(0.0508, 12)
    expect(parseWidthM('a 3" box')).toBeCloseTo(0.0762, 12)
    expect(parseWidthM('a 1 ft tray')).toBeCloseTo(0.3048, 12)
    expect(parseWidthM('a 12 centimetres wide box')).toBeCloseTo(0.12, 12)
    expect(parseWidthM('a gripper')).toBeNull()
  })
})
