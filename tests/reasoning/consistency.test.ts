import { describe, expect, it } from 'vitest'
import {
  checkQuotedNumbers,
  mirrorAgrees,
  mirrorArgs,
  quotedNumbers,
} from '../../main/reasoning/consistency'
import { parseLenientJson, parseReactTurn } from '../../main/reasoning/react'

const gap = JSON.stringify({
  quantity: 'gap',
  a: 'mug',
  b: 'laptop',
  value_m: 0.3127,
  text: 'The gap is 31.27 cm.',
})

describe('quoted-number check', () => {
  it('reads numbers with units and clock hours', () => {
    const q = quotedNumbers("It is 31.3 cm (0.31 m, 12 in) away at 2 o'clock, 3 more steps")
    expect(q.map((x) => [x.value, x.unit, x.clock])).toEqual([
      [31.3, 'cm', false],
      [0.31, 'm', false],
      [12, 'in', false],
      [2, null, true],
      [3, null, false],
    ])
  })

  it('accepts tool numbers within rounding in any unit, and the question’s own numbers', () => {
    const ok = checkQuotedNumbers(
      'About 31 cm, i.e. 0.313 m or 313 mm, after the 20 cm push.',
      [gap],
      'push it 20 cm',
    )
    expect(ok).toEqual({ ok: true, unsupported: [], checked: 4 })
    const inches = JSON.stringify({
      input_value: 0.3127,
      input_unit: 'm',
      value: 12.311,
      unit: 'in',
    })
    expect(checkQuotedNumbers('12.3 in', [gap, inches], '').ok).toBe(true)
  })

  it('flags numbers no tool returned, ignoring tool errors', () => {
    const r = checkQuotedNumbers('The gap is 42 cm, or 0.5 m.', [gap, 'Error: 42 cm'], '')
    expect(r).toEqual({ ok: false, unsupported: ['42 cm', '0.5 m'], checked: 2 })
    expect(
      checkQuotedNumbers("It is at 4 o'clock.", [JSON.stringify({ clock_hour: 2 })], '').ok,
    ).toBe(false)
  })
})

describe('mirrored questions', () => {
  it('mirrors pairwise calls', () => {
    expect(mirrorArgs('relation', { relation: 'above', a: 'x', b: 'y' })).toEqual({
      relation: 'below',
      a: 'y',
      b: 'x',
    })
    expect(mirrorArgs('measure', { quantity: 'gap', a: 'x', b: 'y' })).toEqual({
      quantity: 'gap',
      a: 'y',
      b: 'x',
    })
    expect(mirrorArgs('list_objects', {})).toBeNull()
  })
  it('compares results', () => {
    const m = (a: string, v: number): string =>
      JSON.stringify({ quantity: 'gap', a, b: 'z', value_m: v })
    expect(mirrorAgrees('measure', m('a', 0.3), m('b', 0.3)).ok).toBe(true)
    expect(mirrorAgrees('measure', m('a', 0.3), m('b', 0.4)).ok).toBe(false)
    expect(mirrorAgrees('measure', m('a', 0.3), 'Error: x').ok).toBe(false)
    const d = (deg: number): string => JSON.stringify({ from: 'a', to: 'b', angle_deg: deg })
    expect(mirrorAgrees('direction', d(350), d(170)).ok).toBe(true)
    expect(mirrorAgrees('direction', d(10), d(100)).ok).toBe(false)
  })
})

describe('ReAct parser', () => {
  it('parses actions, finals and broken input without throwing', () => {
    expect(parseReactTurn('Thought: t\nAction: measure\nAction Input: {"a": 1}')).toMatchObject({
      type: 'action',
      thought: 't',
      tool: 'measure',
      input: { a: 1 },
    })
    expect(parseReactTurn('**Action:** `list_objects`\n**Action Input:** none')).toMatchObject({
      type: 'action',
      tool: 'list_objects',
      input: {},
    })
    expect(parseReactTurn('Thought: done\nFinal Answer: 3 cm')).toEqual({
      type: 'final',
      thought: 'done',
      answer: '3 cm',
    })
    expect(parseReactTurn('Action: measure\nAction Input: {"a": ')).toMatchObject({
      type: 'bad_input',
      tool: 'measure',
    })
    expect(parseReactTurn('hello')).toEqual({ type: 'none', thought: 'hello' })
    expect(parseLenientJson("{a: 'mug', 'b': \"x\", n: 2,}")).toEqual({
      value: { a: 'mug', b: 'x', n: 2 },
    })
    expect(parseLenientJson('[1, 2]')).toHaveProperty('error')
  })
})
