import { describe, expect, it } from 'vitest'
import { layoutImageLabels, LABEL_HEIGHT_PX } from '../../../renderer/src/imageView/imageLabels'
import type { Point2 } from '../../../renderer/src/imageView/viewport'

const VIEW = { width: 800, height: 600 }
/** The image at scale 2, shifted 10 px right and 20 px down. */
const toView = (point: Point2): [number, number] => [point[0] * 2 + 10, point[1] * 2 + 20]
/** 6 px a character (bold: 7), as a stand-in for the canvas's text metrics. */
const textWidth = (text: string, isBold: boolean) => text.length * (isBold ? 7 : 6)

describe('layoutImageLabels', () => {
  it("puts a name on its box's top-left corner, in view pixels, with padding around the text", () => {
    const [label] = layoutImageLabels(
      [{ name: 'mug', boxInImagePx: [100, 100, 150, 160], emphasis: 'normal' }],
      toView,
      VIEW,
      textWidth,
    )
    // Corner (100, 100) → view (210, 220); box 3 × 6 + 2 × 4 = 26 wide, bottom 2 px above it.
    expect(label).toMatchObject({
      name: 'mug',
      placement: 'home',
      xPx: 210,
      yPx: 220 - 2 - LABEL_HEIGHT_PX,
      widthPx: 26,
      textX: 214,
    })
  })

  it('moves the name of the smaller of two boxes with one corner; a hovered or selected one wins', () => {
    const objects = [
      { name: 'big box', boxInImagePx: [100, 100, 300, 300] as const, emphasis: 'normal' as const },
      { name: 'cup', boxInImagePx: [100, 100, 120, 130] as const, emphasis: 'normal' as const },
    ]
    const plain = layoutImageLabels(objects, toView, VIEW, textWidth)
    expect(plain.map((label) => label.placement)).toEqual(['home', 'moved'])
    const hovered = layoutImageLabels(
      [objects[0], { ...objects[1], emphasis: 'hover' }],
      toView,
      VIEW,
      textWidth,
    )
    expect(hovered.map((label) => label.placement)).toEqual(['moved', 'home'])
    expect(hovered[1].widthPx).toBe(3 * 7 + 8) // measured bold
    // Selected in the panel (while nothing or something else is hovered): placed first too.
    const selected = layoutImageLabels(
      [objects[0], { ...objects[1], isSelected: true }],
      toView,
      VIEW,
      textWidth,
    )
    expect(selected.map((label) => label.placement)).toEqual(['moved', 'home'])
  })

  it('keeps names below the controls at the top, and leaves out boxes off the view or missing', () => {
    const labels = layoutImageLabels(
      [
        { name: 'top', boxInImagePx: [50, 0, 90, 40], emphasis: 'normal' },
        { name: 'gone', boxInImagePx: [500, 400, 520, 420], emphasis: 'normal' },
        { name: 'no pixels', boxInImagePx: null, emphasis: 'normal' },
      ],
      toView,
      VIEW,
      textWidth,
    )
    expect(labels.map((label) => label.name)).toEqual(['top', 'gone'])
    expect(labels[0].yPx).toBeGreaterThanOrEqual(40)
    // (500, 400) → view (1010, 820): past the 800 × 600 view.
    expect(labels[1].placement).toBe('off-view')
  })
})
