import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { parseQuery } from '../../../main/engine/questions/parse'
import { resolveReference } from '../../../main/engine/questions/references'
import { parseWidthM, readWidth, takeAskedUnit } from '../../../main/engine/questions/units'
import { colourName } from '../../../main/engine/questions/descriptors'
import { textInUnit } from '../../../main/engine/questions/finish'
import {
  loadGroundTruth,
  sceneFromGroundTruth,
  sceneWithBoxes,
} from '../answers/sceneFromGroundTruth'

const scene = sceneFromGroundTruth(loadGroundTruth())

describe('rule: asked unit', () => {
  it('takes "in inches" / ", in mm" / "how many cm" off and names the unit', () => {
    expect(takeAskedUnit('how far is a from b in inches')).toEqual({
      rest: 'how far is a from b',
      unit: 'in',
    })
    expect(takeAskedUnit('distance between a and b, in mm')).toEqual({
      rest: 'distance between a and b',
      unit: 'mm',
    })
    expect(takeAskedUnit('how many cm tall is the bottle')).toEqual({
      rest: 'how tall is the bottle',
      unit: 'cm',
    })
    expect(takeAskedUnit('how many cm is a from b')).toEqual({
      rest: 'how far is a from b',
      unit: 'cm',
    })
    expect(takeAskedUnit('is the mug in the box')).toEqual({
      rest: 'is the mug in the box',
      unit: null,
    })
  })
  it('rewrites lengths of a text in the unit, the value exactly (0.5 m = 19.69 in by hand)', () => {
    expect(textInUnit('The mug is 50 cm from the laptop; 1.2 m in all.', 'in', 0.5)).toBe(
      'The mug is 19.69 in from the laptop; 47.24 in in all.',
    )
  })
  it('value stays metres; text uses the asked unit', () => {
    const a = answerQuestion(scene, 'how tall is the bottle in inches')
    expect(a.value).toBe(0.25)
    expect(a.unit).toBe('m')
    expect(a.text).toContain('9.84 in')
    expect(a.text).not.toContain('25 cm')
  })
})

describe('rule: widths in fits questions (issue 12 item 8)', () => {
  it('reads sign and exponent whole', () => {
    expect(parseWidthM('a 1e308 cm gripper')).toBeCloseTo(1e306, -300)
    expect(parseWidthM('a -8 cm gripper')).toBeCloseTo(-0.08, 12)
    expect(parseWidthM('a 8 cm gripper')).toBeCloseTo(0.08, 12)
  })
  it('rejects non-finite, negative and absurd widths with a reason', () => {
    expect(readWidth('a 1e308 cm gripper')).toMatchObject({ ok: false })
    expect(readWidth('a 1e400 m gripper')).toMatchObject({
      ok: false,
      why: expect.stringContaining('finite'),
    })
    expect(readWidth('a -8 cm gripper')).toMatchObject({
      ok: false,
      why: expect.stringContaining('positive'),
    })
    expect(readWidth('a 0 cm gripper')).toMatchObject({ ok: false })
    for (const q of [
      'can a 1e308 cm gripper fit between the mug and the can',
      'can a -8 cm gripper fit between the mug and the can',
    ]) {
      const a = answerQuestion(scene, q)
      expect(a.kind).toBe('unsupported')
      expect(a.value).toBeNull()
      expect(a.text).toMatch(/width/)
    }
  })
})

describe('rule: elevation never answers the object height', () => {
  it('"how high is the laptop above the floor" is the bottom above the plane, not the 4 cm height', () => {
    const s = sceneWithBoxes([
      { name: 'laptop', c: [0, 1, 0.3], s: [0.3, 0.2, 0.23] },
      { name: 'mug', c: [0.3, 1, 0.05], s: [0.08, 0.08, 0.1] },
    ])
    const a = answerQuestion(s, 'how high is the laptop above the floor')
    expect(a.kind).toBe('elevation')
    expect(a.value as number).toBeCloseTo(0.3 - 0.115, 12)
    expect(a.text).toContain('bottom')
    expect(
      answerQuestion(s, 'how high is the top of the laptop above the table').value as number,
    ).toBeCloseTo(0.415, 12)
    expect(answerQuestion(s, 'is the laptop on the floor').value).toBe(false)
    expect(answerQuestion(s, 'is the mug on the floor').value).toBe(true)
    const above = answerQuestion(s, 'how high is the laptop above the mug')
    expect(above.value as number).toBeCloseTo(0.185 - 0.1, 12)
  })
  it('refuses without a support plane', () => {
    const fb = {
      ...scene,
      plane: null,
      provenance: { ...scene.provenance, frameKind: 'camera-fallback' as const },
    }
    const a = answerQuestion(fb, 'how high is the laptop above the floor')
    expect(a.value).toBeNull()
    expect(a.text).toContain('support plane')
  })
})

describe('rule: references', () => {
  const s = sceneWithBoxes([
    { name: 'left cup', label: 'cup', c: [-0.2, 1, 0.05], s: [0.08, 0.08, 0.1] },
    { name: 'right cup', label: 'cup', c: [0.2, 1, 0.06], s: [0.08, 0.08, 0.12] },
    { name: 'book', label: 'book', c: [0, 1.3, 0.04], s: [0.17, 0.25, 0.09] },
    { name: 'tv', label: 'tv', c: [0, 2, 0.3], s: [0.8, 0.1, 0.5] },
    {
      name: 'teal tall object',
      label: 'teal tall object',
      c: [0.6, 0.9, 0.11],
      s: [0.06, 0.12, 0.23],
    },
  ])
  s.objects[0].colorRgb = [200, 30, 30]
  s.objects[1].colorRgb = [30, 30, 200]
  const name = (p: string): string | null => {
    const r = resolveReference(s, p)
    return r.kind === 'object' ? r.object.name : null
  }
  it('synonyms, families and the camera / surface', () => {
    expect(name('the mug')).toBeNull() // two cups: ambiguous
    expect(resolveReference(s, 'the mug').kind).toBe('ambiguous')
    expect(name('the monitor')).toBe('tv')
    expect(name('the screen')).toBe('tv')
    expect(name('the box')).toBe('book')
    expect(resolveReference(s, 'me').kind).toBe('camera')
    expect(resolveReference(s, 'the robot').kind).toBe('camera')
    expect(resolveReference(s, 'the floor').kind).toBe('surface')
    expect(resolveReference(s, 'everything')).toMatchObject({ kind: 'group' })
    expect(resolveReference(s, 'the cups')).toMatchObject({ kind: 'group' })
  })
  it('descriptors: colour, position, size, words of the name', () => {
    expect(name('the red mug')).toBe('left cup')
    expect(name('the blue one')).toBe('right cup')
    expect(name('the left mug')).toBe('left cup')
    expect(name('the tall mug')).toBe('right cup')
    expect(name('the left one')).toBe('left cup')
    expect(name('the biggest one')).toBe('tv')
    expect(name('the tall one')).toBe('tv') // after "one", size and position words pick by geometry
    expect(name('the teal one')).toBe('teal tall object')
    expect(name('the mug on the left')).toBe('left cup')
    expect(name('the one on the right side')).toBe('teal tall object')
  })
  it('unknown names get "did you mean" with the closest objects; extra words are never dropped', () => {
    const a = answerQuestion(s, 'how tall is the bok')
    expect(a.kind).toBe('unknown_object')
    expect(a.text).toContain('Did you mean the book')
    const b = resolveReference(s, 'the book above the floor')
    expect(b).toMatchObject({ kind: 'unknown', unusedWords: ['above', 'floor'] })
  })
  it('colour names', () => {
    expect(colourName([200, 30, 30])).toBe('red')
    expect(colourName([30, 30, 200])).toBe('blue')
    expect(colourName([240, 240, 240])).toBe('white')
    expect(colourName([20, 20, 20])).toBe('black')
  })
})

describe('rule: the embedded sample (labels and boxes copied from `spatial-lens scene` on samples/pcl-kinect-laptop)', () => {
  const sample = sceneWithBoxes([
    { name: 'book', c: [0.241, 0.646, 0.0434], s: [0.166, 0.246, 0.0867] },
    { name: 'laptop', c: [-0.0488, 0.586, 0.1152], s: [0.372, 0.122, 0.2304] },
    { name: 'olive object', c: [0.458, 1.275, 0.154], s: [0.192, 0.613, 0.309] },
  ])
  it('"how far is the laptop from the box" measures laptop to book', () => {
    const a = answerQuestion(sample, 'how far is the laptop from the box')
    expect(a.kind).toBe('distance')
    expect(a.objects.map((o) => o.name)).toEqual(['laptop', 'book'])
    expect(a.value as number).toBeCloseTo(
      Math.hypot(0.241 + 0.0488, 0.646 - 0.586, 0.0434 - 0.1152),
      9,
    )
  })
  it('"how high is the laptop above the floor" is not its 23 cm height', () => {
    const a = answerQuestion(sample, 'how high is the laptop above the floor')
    expect(a.kind).toBe('elevation')
    expect(a.value as number).toBeCloseTo(0.1152 - 0.1152, 9)
  })
})

describe('rule: trailing phrases are answered around or refused, never dropped', () => {
  it('a trailing comma clause is reported as ignored', () => {
    const a = answerQuestion(scene, 'how far is the mug from the laptop, measured from the handle')
    expect(a.kind).toBe('distance')
    expect(a.detail?.ignored).toEqual(['measured from the handle'])
    expect(a.text).toContain('I ignored "measured from the handle"')
  })
  it('unknown words inside a reference refuse and say what was understood', () => {
    const a = answerQuestion(scene, 'how tall is the laptop compared to the mug')
    expect(a.value).toBeNull()
    expect(a.text).toContain('I understood the question as')
  })
})

describe('rule: distance modifiers', () => {
  it('"closest surfaces" asks for the gap; "centre to centre" is kept when it contradicts a gap question', () => {
    const g = answerQuestion(scene, 'how far is the mug from the laptop, closest surfaces')
    expect(g.kind).toBe('gap')
    const c = answerQuestion(scene, 'how far is the mug from the laptop (centre to centre)')
    expect(c.kind).toBe('distance')
    expect(
      answerQuestion(scene, 'what is the gap between the mug and the laptop (centre to centre)')
        .value,
    ).toBeNull()
  })
  it('closest surface from the camera: the camera at (0, 0, 0.65) m, the mug box x ∈ [−0.125, −0.035], y ≥ 0.905, z ≤ 0.1', () => {
    const a = answerQuestion(scene, 'how far is the mug from the camera, closest surfaces')
    expect(a.kind).toBe('camera_distance')
    // Nearest box point to the camera: (−0.035, 0.905, 0.1) (the mug is a 9 cm cylinder → box, by hand).
    expect(a.value as number).toBeCloseTo(Math.hypot(0.035, 0.905, 0.55), 9)
  })
})

describe('rule: a slot holding a clause is no parse', () => {
  it('multi-step questions stay unsupported (the LLM path takes them), not "unknown object"', () => {
    for (const q of [
      'How many times taller is the bottle than the laptop?',
      'How many bottles the size of the bottle fit side by side in one row along the longer side of the laptop?',
      'If the mug moves 20 cm horizontally toward the laptop, how far apart are their centres then?',
    ]) {
      expect(answerQuestion(scene, q).kind).toBe('unsupported')
    }
  })
})

describe('rule: parse shapes', () => {
  const p = (q: string): unknown => parseQuery(q)
  it('each rule fills its slots', () => {
    expect(p('how many objects are on the table')).toMatchObject({
      op: 'count',
      what: 'objects',
      relation: 'on',
      reference: 'the table',
    })
    expect(p('what is left of the mug')).toMatchObject({
      op: 'list',
      relation: 'left',
      reference: 'the mug',
    })
    expect(p('which is closest to the camera')).toMatchObject({
      op: 'superlative',
      quantity: 'distance',
      extreme: 'min',
      reference: 'the camera',
    })
    expect(p('how much taller is a than b')).toMatchObject({
      op: 'difference',
      quantity: 'height',
      a: 'a',
      b: 'b',
    })
    expect(p('is a closer to b than to c')).toMatchObject({
      op: 'closer_than',
      a: 'a',
      b: 'b',
      c: 'c',
      compareFrom: 'a',
    })
    expect(p('is a on b')).toMatchObject({ op: 'support', a: 'a', b: 'b' })
    expect(p('is a on the left of b')).toMatchObject({ op: 'predicate', kind: 'left' })
    expect(p('how far away is a')).toMatchObject({
      op: 'pair',
      quantity: 'distance',
      a: 'a',
      b: 'camera',
    })
    expect(p('how long is a in feet')).toMatchObject({ op: 'size', quantity: 'length', unit: 'ft' })
    expect(p('which is closer, a or b')).toMatchObject({ op: 'choice', kind: 'close_choice' })
    expect(p('hello')).toMatchObject({ op: 'unsupported' })
  })
})

describe('rule: qualifiers and alternatives are never dropped silently', () => {
  it('refuses a qualifier it cannot apply, saying what it understood', () => {
    for (const q of [
      'how far is the mug from the laptop excluding the handle',
      'how far is the mug from the laptop if you ignore the handle',
      'how tall is the bottle without the cap',
      'how far is the mug from the laptop, excluding the handle',
      'how far is the mug from the laptop, if you ignore the handle?',
    ]) {
      const a = answerQuestion(scene, q)
      expect(a.kind, q).toBe('unsupported')
      expect(a.value).toBeNull()
      expect(a.text).toMatch(/^I understood: /)
      expect(a.detail?.ignored?.length).toBe(1)
    }
  })

  it('"is A left of B or right" asks one side; "left or above" asks two things and is not read as one', () => {
    expect(parseQuery('is the mug left of the laptop or right')).toMatchObject({
      op: 'predicate',
      kind: 'left',
      a: 'the mug',
      b: 'the laptop',
    })
    const two = answerQuestion(scene, 'is the mug left of the laptop or above')
    expect(two.value).toBeNull()
  })
})
