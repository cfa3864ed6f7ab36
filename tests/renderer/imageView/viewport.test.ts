import { describe, expect, it } from 'vitest'
import {
  MAX_ZOOM,
  clampViewport,
  fittedViewport,
  imageFromView,
  panBy,
  transformFor,
  viewFromImage,
  zoomAt,
} from '../../../renderer/src/imageView/viewport'

const image = { width: 640, height: 480 }
const wideView = { width: 1000, height: 500 } // wider than 4:3: bars left and right
const tallView = { width: 400, height: 900 } // taller: bars above and below

describe('image view letterboxing', () => {
  it('fits a 4:3 image in a wide view with equal bars left and right', () => {
    const t = transformFor(fittedViewport(image), image, wideView)
    expect(t.scale).toBeCloseTo(500 / 480, 12)
    const [left, top] = viewFromImage(t, [0, 0])
    const [right, bottom] = viewFromImage(t, [640, 480])
    expect(top).toBeCloseTo(0, 9)
    expect(bottom).toBeCloseTo(500, 9)
    expect(left).toBeCloseTo(1000 - right, 9) // centred
    expect(right - left).toBeCloseTo((640 * 500) / 480, 9)
  })

  it('fits it in a tall view with equal bars above and below', () => {
    const t = transformFor(fittedViewport(image), image, tallView)
    const [left, top] = viewFromImage(t, [0, 0])
    const [right, bottom] = viewFromImage(t, [640, 480])
    expect([left, right]).toEqual([0, 400])
    expect(top).toBeCloseTo(900 - bottom, 9)
    expect(bottom - top).toBeCloseTo(300, 9)
  })

  it('maps view pixels back to the same image point (also in the bars, outside the image)', () => {
    const t = transformFor({ zoom: 3.7, centerInImage: [200, 150] }, image, wideView)
    for (const point of [
      [0, 0],
      [123.25, 456.5],
      [-40, 10],
    ] as const) {
      const back = imageFromView(t, viewFromImage(t, point))
      expect(back[0]).toBeCloseTo(point[0], 9)
      expect(back[1]).toBeCloseTo(point[1], 9)
    }
    // A click in the left bar at zoom 1 is left of the image.
    expect(
      imageFromView(transformFor(fittedViewport(image), image, wideView), [10, 250])[0],
    ).toBeLessThan(0)
  })
})

describe('image view zoom and pan', () => {
  it('keeps the image point under the pointer fixed while zooming in', () => {
    const anchor = [700, 120] as const
    const before = transformFor(fittedViewport(image), image, wideView)
    const under = imageFromView(before, anchor)
    const zoomed = zoomAt(fittedViewport(image), 4, anchor, image, wideView)
    expect(zoomed.zoom).toBe(4)
    const after = viewFromImage(transformFor(zoomed, image, wideView), under)
    expect(after[0]).toBeCloseTo(anchor[0], 9)
    expect(after[1]).toBeCloseTo(anchor[1], 9)
  })

  it('never zooms out past the fitted image nor beyond the maximum', () => {
    expect(zoomAt(fittedViewport(image), 0.25, [10, 10], image, wideView)).toEqual(
      fittedViewport(image),
    )
    expect(
      zoomAt({ zoom: 20, centerInImage: [320, 240] }, 10, [500, 250], image, wideView).zoom,
    ).toBe(MAX_ZOOM)
  })

  it('pans with the pointer, and stops where the image edge reaches the view edge', () => {
    const zoomed = { zoom: 2, centerInImage: [320, 240] as const }
    const moved = panBy(zoomed, 50, 0, image, wideView)
    const scale = transformFor(zoomed, image, wideView).scale
    expect(moved.centerInImage[0]).toBeCloseTo(320 - 50 / scale, 9)
    const far = panBy(zoomed, 1e6, 1e6, image, wideView)
    const t = transformFor(far, image, wideView)
    expect(viewFromImage(t, [0, 0])[0]).toBeCloseTo(0, 9) // left edge of the image at the view's left edge
    expect(viewFromImage(t, [0, 0])[1]).toBeCloseTo(0, 9)
  })

  it('re-centres an axis where the zoomed image is still smaller than the view', () => {
    // Zoom 1.5 in the tall view: the image is 600 px wide (> 400) but 450 px tall (< 900).
    const clamped = clampViewport({ zoom: 1.5, centerInImage: [10, 10] }, image, tallView)
    expect(clamped.centerInImage[1]).toBe(240)
    const t = transformFor(clamped, image, tallView)
    expect(viewFromImage(t, [0, 0])[0]).toBeCloseTo(0, 9)
  })
})
