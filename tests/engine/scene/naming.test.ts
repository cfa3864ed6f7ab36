import { describe, expect, it } from 'vitest'
import { assignUniqueNames, describeCluster, formatLength } from '../../../main/engine/scene/naming'
import { colorName } from '../../../main/engine/scene/colorName'
import type { Vec3 } from '../../../main/engine/types'

const object = (label: string, centerInWorld: Vec3, colorRgb: Vec3 = [200, 30, 30]) => ({
  label,
  centerInWorld,
  colorRgb,
  origin: 'region' as const,
  sizeM: { width: 0.1, depth: 0.1, height: 0.1 },
})

describe('unique human names', () => {
  it('keeps unique labels as they are', () => {
    expect(assignUniqueNames([object('mug', [0, 1, 0]), object('laptop', [0.3, 1, 0])])).toEqual([
      'mug',
      'laptop',
    ])
  })

  it('tells two mugs apart by left and right', () => {
    expect(assignUniqueNames([object('mug', [0.2, 1, 0]), object('mug', [-0.1, 1.05, 0])])).toEqual(
      ['right mug', 'left mug'],
    )
  })

  it('uses front and back when one stands behind the other', () => {
    expect(assignUniqueNames([object('cup', [0, 1.4, 0]), object('cup', [0.02, 0.9, 0])])).toEqual([
      'back cup',
      'front cup',
    ])
  })

  it('uses left, middle and right for three, and counts beyond', () => {
    const three = [
      object('can', [0, 1, 0]),
      object('can', [-0.3, 1, 0]),
      object('can', [0.3, 1, 0]),
    ]
    expect(assignUniqueNames(three)).toEqual(['middle can', 'left can', 'right can'])
    const four = [...three, object('can', [0.6, 1, 0])]
    expect(assignUniqueNames(four)).toEqual([
      'can 2 from the left',
      'can 1 from the left',
      'can 3 from the left',
      'can 4 from the left',
    ])
  })
})

describe('descriptive names for geometry clusters', () => {
  it('names colours a person would use', () => {
    expect(colorName([220, 30, 30])).toBe('red')
    expect(colorName([240, 240, 240])).toBe('white')
    expect(colorName([20, 20, 20])).toBe('black')
    expect(colorName([30, 60, 200])).toBe('blue')
    expect(colorName([40, 160, 60])).toBe('green')
    expect(colorName([230, 210, 40])).toBe('yellow')
    expect(colorName([120, 70, 30])).toBe('brown')
  })

  it('adds a shape word from the box proportions', () => {
    expect(
      describeCluster({
        colorRgb: [220, 30, 30],
        sizeM: { width: 0.07, depth: 0.07, height: 0.25 },
      }),
    ).toBe('red tall object')
    expect(
      describeCluster({ colorRgb: [220, 30, 30], sizeM: { width: 0.3, depth: 0.2, height: 0.03 } }),
    ).toBe('red flat object')
    expect(
      describeCluster({ colorRgb: [220, 30, 30], sizeM: { width: 0.1, depth: 0.1, height: 0.1 } }),
    ).toBe('red object')
  })

  it('formats sizes in cm below a metre', () => {
    expect(formatLength(0.123)).toBe('12 cm')
    expect(formatLength(1.234)).toBe('1.23 m')
  })
})
