import type { Point2 } from './viewport'

const KEY_ZOOM = 1.25
const KEY_PAN_PX = 60

/** What a key does to the image viewport. */
export type ViewportKeyAction =
  { kind: 'zoom'; factor: number } | { kind: 'fit' } | { kind: 'pan'; byInView: Point2 }

const PANS: Record<string, Point2> = {
  ArrowLeft: [KEY_PAN_PX, 0],
  ArrowRight: [-KEY_PAN_PX, 0],
  ArrowUp: [0, KEY_PAN_PX],
  ArrowDown: [0, -KEY_PAN_PX],
}

/**
 * The viewport action of a key on the focused view: + (or =) and − zoom by 1.25, 0 fits, the
 * arrows move the image 60 view pixels the other way (the view looks that way); null for any other
 * key or with Ctrl, Meta or Alt held (those stay the browser's).
 */
export function viewportKeyAction(
  key: string,
  modifiers: { ctrlKey: boolean; metaKey: boolean; altKey: boolean },
): ViewportKeyAction | null {
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return null
  if (key === '+' || key === '=') return { kind: 'zoom', factor: KEY_ZOOM }
  if (key === '-') return { kind: 'zoom', factor: 1 / KEY_ZOOM }
  if (key === '0') return { kind: 'fit' }
  return Object.hasOwn(PANS, key) ? { kind: 'pan', byInView: PANS[key] } : null
}
