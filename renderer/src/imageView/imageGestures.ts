import type { DraftRegion } from './draftRegion'
import { boxFromDrag, pixelAt } from './imageGeometry'
import { imageFromView, type Point2, type Size2, type ViewTransform } from './viewport'

/** Pointer travel (view pixels) below which a press is a click, not a drag. */
export const CLICK_SLOP_PX = 4

/** A pointer gesture on the image: a press (a click, or a drag once it moved) or a pan. */
export type Gesture =
  | { kind: 'press'; startInView: Point2; startInImage: Point2; isDrag: boolean }
  | { kind: 'pan'; lastInView: Point2 }

/** What a released press asks for: a region drawn or clicked, a Measure pick, or nothing. */
export type PressOutcome =
  { kind: 'region'; region: DraftRegion } | { kind: 'measure' } | { kind: 'none' }

/**
 * The gesture a button press starts at `inView` (view pixels): the middle button or Shift with the
 * main one pans, the main one presses; null for other buttons.
 */
export function gestureOfPress(
  button: number,
  isShift: boolean,
  inView: Point2,
  transform: ViewTransform,
): Gesture | null {
  const isPan = button === 1 || (button === 0 && isShift)
  if (!isPan && button !== 0) return null
  return isPan
    ? { kind: 'pan', lastInView: inView }
    : {
        kind: 'press',
        startInView: inView,
        startInImage: imageFromView(transform, inView),
        isDrag: false,
      }
}

/** Whether the pointer travelled past the click slop since the press. */
export function isPastClickSlop(startInView: Point2, inView: Point2): boolean {
  return Math.hypot(inView[0] - startInView[0], inView[1] - startInView[1]) > CLICK_SLOP_PX
}

/**
 * What releasing a press at `inImage` does: a drag draws a box region (none when too small); a
 * click inside the image picks for Measure mode, else names a point region.
 */
export function outcomeOfRelease(
  press: Extract<Gesture, { kind: 'press' }>,
  inImage: Point2,
  imageSize: Size2,
  isMeasuring: boolean,
): PressOutcome {
  if (press.isDrag) {
    const box = boxFromDrag(press.startInImage, inImage, imageSize)
    return box ? { kind: 'region', region: { kind: 'box', box } } : { kind: 'none' }
  }
  const pixel = pixelAt(inImage, imageSize)
  if (!pixel) return { kind: 'none' }
  return isMeasuring ? { kind: 'measure' } : { kind: 'region', region: { kind: 'point', pixel } }
}
