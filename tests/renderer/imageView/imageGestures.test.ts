import { describe, expect, it } from 'vitest'
import {
  gestureOfPress,
  isPastClickSlop,
  outcomeOfRelease,
} from '../../../renderer/src/imageView/imageGestures'

// Image shown at 2× with its origin at view (10, 20): image = (view − offset) / 2.
const transform = { scale: 2, offsetX: 10, offsetY: 20 }
const imageSize = { width: 100, height: 50 }
const press = (startInImage: [number, number], isDrag: boolean) => ({
  kind: 'press' as const,
  startInView: [0, 0] as [number, number],
  startInImage,
  isDrag,
})

describe('gestureOfPress', () => {
  it('presses with the main button, at the image point under it', () => {
    expect(gestureOfPress(0, false, [30, 40], transform)).toEqual({
      kind: 'press',
      startInView: [30, 40],
      startInImage: [10, 10],
      isDrag: false,
    })
  })

  it('pans with the middle button or Shift and the main one; ignores others', () => {
    expect(gestureOfPress(1, false, [5, 6], transform)).toEqual({ kind: 'pan', lastInView: [5, 6] })
    expect(gestureOfPress(0, true, [5, 6], transform)?.kind).toBe('pan')
    expect(gestureOfPress(2, false, [5, 6], transform)).toBeNull()
    expect(gestureOfPress(2, true, [5, 6], transform)).toBeNull()
  })
})

describe('isPastClickSlop', () => {
  it('turns a press into a drag only beyond 4 view pixels', () => {
    expect(isPastClickSlop([0, 0], [3, 0])).toBe(false)
    expect(isPastClickSlop([0, 0], [0, 4])).toBe(false) // exactly 4: still a click
    expect(isPastClickSlop([0, 0], [3, 3])).toBe(true) // 4.24
  })
})

describe('outcomeOfRelease', () => {
  it('draws a box from a drag, grown to whole pixels', () => {
    expect(outcomeOfRelease(press([10.5, 5.5], true), [20.2, 15], imageSize, false)).toEqual({
      kind: 'region',
      region: { kind: 'box', box: [10, 5, 21, 15] },
    })
  })

  it('draws nothing from a drag thinner than 2 pixels', () => {
    expect(outcomeOfRelease(press([10, 5], true), [11, 30], imageSize, false)).toEqual({
      kind: 'none',
    })
  })

  it('names the clicked pixel, or picks it in Measure mode', () => {
    expect(outcomeOfRelease(press([3, 4], false), [7.9, 2.1], imageSize, false)).toEqual({
      kind: 'region',
      region: { kind: 'point', pixel: [7, 2] },
    })
    expect(outcomeOfRelease(press([3, 4], false), [7.9, 2.1], imageSize, true)).toEqual({
      kind: 'measure',
    })
  })

  it('ignores a click released outside the image', () => {
    expect(outcomeOfRelease(press([3, 4], false), [100, 2], imageSize, true)).toEqual({
      kind: 'none',
    })
  })
})
