import { describe, expect, it } from 'vitest'
import { describeArgs, describeToolResult } from '../../renderer/src/reasoningText'
import {
  formatAnswerValue,
  formatLength,
  formatSize,
  formatVolume,
} from '../../renderer/src/format'

describe('display units (conversion in display only)', () => {
  it('writes lengths in metric or imperial', () => {
    expect(formatLength(0.4237)).toBe('42.37 cm')
    expect(formatLength(1.5)).toBe('1.5 m')
    expect(formatLength(0.254, 'imperial')).toBe('10 in')
    expect(formatLength(0.9144, 'imperial')).toBe('3 ft')
    expect(formatSize({ width: 0.3, depth: 0.2, height: 0.0254 }, 'imperial')).toBe(
      '11.8 × 7.9 × 1.0 in',
    )
    expect(formatSize({ width: 0.3, depth: 0.2, height: 0.0254 })).toBe('30 × 20 × 3 cm')
    expect(formatVolume(0.001)).toBe('1.00 L (0.00100 m³)')
    expect(formatVolume(0.0283168, 'imperial')).toBe('1.00 ft³ (7.48 gal)')
  })

  it('converts an answer’s metres, leaving other units alone', () => {
    const answer = { value: 0.127, unit: 'm' } as Parameters<typeof formatAnswerValue>[0]
    expect(formatAnswerValue(answer, 'imperial')).toBe('5 in')
    expect(formatAnswerValue({ ...answer, value: 3, unit: 'clock' }, 'imperial')).toBe("3 o'clock")
  })
})

describe('tool calls and results in the answer card', () => {
  const measure = {
    quantity: 'distance',
    a: 'mug',
    b: 'laptop',
    value_m: 0.4123,
    text: 'The mug is 41 cm from the laptop.',
  }

  it('shows a measurement with its unit, in the chosen units, without the metric sentence', () => {
    expect(describeToolResult(measure, 'metric')).toEqual([
      { label: 'quantity', value: 'distance' },
      { label: 'a', value: 'mug' },
      { label: 'b', value: 'laptop' },
      { label: 'value', value: '41.23 cm' },
    ])
    expect(describeToolResult(measure, 'imperial')).toContainEqual({
      label: 'value',
      value: '1.35 ft',
    })
  })

  it('lists objects by name, groups sizes and vectors, keeps texts without numbers', () => {
    const listed = describeToolResult(
      { frame: 'world', objects: [{ name: 'mug', center_m: [0, 0, 0] }, { name: 'laptop' }] },
      'metric',
    )
    expect(listed).toContainEqual({ label: 'objects', value: '2: mug, laptop' })
    const size = describeToolResult(
      { object: 'mug', size_m: { width: 0.08, height: 1.2 }, volume_m3: 0.0005 },
      'metric',
    )
    expect(size).toEqual([
      { label: 'object', value: 'mug' },
      { label: 'size width', value: '8 cm' },
      { label: 'size height', value: '1.2 m' },
      { label: 'volume', value: '0.50 L (0.000500 m³)' },
    ])
    expect(describeToolResult({ new_center_m: [0.1, 0.2, 0] }, 'metric')).toEqual([
      { label: 'new center', value: '(10 cm, 20 cm, 0 cm)' },
    ])
    expect(
      describeToolResult({ relation: 'left', holds: true, text: 'Yes.' }, 'metric'),
    ).toContainEqual({ label: 'text', value: 'Yes.' })
    expect(describeToolResult('Error: unknown object "cup"', 'metric')).toBe(
      'Error: unknown object "cup"',
    )
  })

  it('writes arguments with lengths converted', () => {
    expect(describeArgs({ object: 'mug', toward: 'laptop', distance_m: 0.2 }, 'metric')).toBe(
      'object: mug, toward: laptop, distance: 20 cm',
    )
    expect(describeArgs({}, 'metric')).toBe('')
  })
})
