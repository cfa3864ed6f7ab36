/**
 * Label placement without overlaps, pure maths, no DOM: the 3D view (anchors projected every frame)
 * and the image view (anchors on the 2D boxes) both use it. Screen pixels, x right, y down.
 *
 * Greedy by priority: the most important label takes its preferred spot (just above its anchor);
 * each next one takes the nearest free spot on a grid of label-sized steps around its own, or is
 * hidden when none within `maxRings` steps is free. A label that moved gets a leader line back to
 * its anchor. The same input always gives the same output; equal priorities go in input order.
 */

/** One label to place. */
export interface LabelRequest {
  /** The point the label names (screen px); a non-finite value or one outside the view hides it. */
  readonly anchorPx: readonly [number, number]
  readonly widthPx: number
  readonly heightPx: number
  /** Higher is placed first (see {@link labelPriority}). */
  readonly priority: number
}

export interface LabelLayoutOptions {
  /** The view the labels must stay inside (px). */
  readonly viewport: { readonly width: number; readonly height: number }
  /** Fraction of a label's width left of its anchor at the preferred spot: 0.5 centred, 0 starting there. */
  readonly alignX?: number
  /** Space between the anchor and the bottom edge of the label at its preferred spot (px). */
  readonly gapPx?: number
  /** Space kept free between two labels (px). */
  readonly marginPx?: number
  /** How many grid steps away from the preferred spot a label may move before it is hidden. */
  readonly maxRings?: number
  /** Areas no label may cover (px): controls drawn over the view. */
  readonly obstacles?: readonly ScreenRect[]
}

/** A rectangle on screen: top-left corner and size (px). */
export interface ScreenRect {
  readonly xPx: number
  readonly yPx: number
  readonly widthPx: number
  readonly heightPx: number
}

/**
 * Where a label ended up: at its preferred spot ('home'), moved with a leader line ('moved'), left
 * out for want of room ('crowded'), or not shown because its anchor is off the view ('off-view').
 */
export type LabelPlacement = 'home' | 'moved' | 'crowded' | 'off-view'

/** A label's place: its box (top-left corner and size, px) when shown, and its leader line. */
export interface PlacedLabel {
  readonly placement: LabelPlacement
  readonly isVisible: boolean
  readonly xPx: number
  readonly yPx: number
  readonly widthPx: number
  readonly heightPx: number
  /** Anchor → nearest point of the moved label's box; null at the preferred spot or when hidden. */
  readonly leader: { readonly from: [number, number]; readonly to: [number, number] } | null
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const DEFAULTS = { alignX: 0.5, gapPx: 3, marginPx: 2, maxRings: 4 }
/** Beyond this many rings the grid (2 · rings + 1)² gets large and labels land far from anchors. */
const MAX_RINGS = 20

/**
 * A label's priority: emphasised (hovered or selected) above referenced (by the answer, or picked
 * in Measure mode) above the rest; within a tier, bigger objects first. `size` is any non-negative
 * measure of the object's size (volume, area); only its order matters.
 */
export function labelPriority(emphasis: 'hover' | 'answer' | 'normal', size: number): number {
  const tier = emphasis === 'hover' ? 2 : emphasis === 'answer' ? 1 : 0
  const positiveSize = Number.isFinite(size) && size > 0 ? size : 0
  // size / (1 + size) keeps the order of sizes inside [0, 1), so no size outranks a tier.
  return tier + positiveSize / (1 + positiveSize)
}

/**
 * Places `labels` (output in input order) so that no two shown labels overlap (boxes grown by
 * `marginPx`), none covers an obstacle, and each lies inside the viewport, preferring higher
 * priorities and short moves.
 */
export function declutterLabels(
  labels: readonly LabelRequest[],
  options: LabelLayoutOptions,
): PlacedLabel[] {
  const settings = {
    ...options,
    alignX: options.alignX ?? DEFAULTS.alignX,
    gapPx: options.gapPx ?? DEFAULTS.gapPx,
    marginPx: options.marginPx ?? DEFAULTS.marginPx,
    maxRings: options.maxRings ?? DEFAULTS.maxRings,
  }
  checkInput(labels, settings)
  const order = labels
    .map((label, index) => ({ label, index }))
    .sort((a, b) => b.label.priority - a.label.priority || a.index - b.index)
  const placedBoxes: Box[] = (options.obstacles ?? []).map((rect) => ({
    x: rect.xPx,
    y: rect.yPx,
    width: rect.widthPx,
    height: rect.heightPx,
  }))
  const result: PlacedLabel[] = new Array<PlacedLabel>(labels.length)
  for (const { label, index } of order) {
    const isInView = isAnchorInView(label.anchorPx, settings.viewport)
    const box = isInView ? firstFreeSpot(label, placedBoxes, settings) : null
    result[index] = box ? shown(label, box, settings) : hidden(label, isInView)
    if (box) placedBoxes.push(box)
  }
  return result
}

/** Sizes must be real: a NaN width would place a label nowhere and let others overlap it. */
function checkInput(
  labels: readonly LabelRequest[],
  settings: typeof DEFAULTS & LabelLayoutOptions,
) {
  const { width, height } = settings.viewport
  if (!(width >= 0 && height >= 0 && Number.isFinite(width) && Number.isFinite(height)))
    throw new RangeError(
      `declutterLabels: the viewport must be finite and ≥ 0, got ${width} × ${height}`,
    )
  if (
    !Number.isInteger(settings.maxRings) ||
    settings.maxRings < 0 ||
    settings.maxRings > MAX_RINGS
  )
    throw new RangeError(
      `declutterLabels: maxRings must be an integer 0…${MAX_RINGS}, got ${settings.maxRings}`,
    )
  labels.forEach((label, index) => {
    const isSized = [label.widthPx, label.heightPx].every((px) => Number.isFinite(px) && px >= 0)
    if (!isSized || !Number.isFinite(label.priority))
      throw new RangeError(
        `declutterLabels: label ${index} needs a finite size ≥ 0 and priority, got ${label.widthPx} × ${label.heightPx}, priority ${label.priority}`,
      )
  })
}

function isAnchorInView(anchor: readonly [number, number], view: LabelLayoutOptions['viewport']) {
  const [x, y] = anchor
  return x >= 0 && y >= 0 && x <= view.width && y <= view.height
}

/** Where the label goes when nothing is in the way, kept inside the viewport. */
function preferredSpot(label: LabelRequest, settings: typeof DEFAULTS & LabelLayoutOptions): Box {
  return clampToView(
    {
      x: label.anchorPx[0] - label.widthPx * settings.alignX,
      y: label.anchorPx[1] - settings.gapPx - label.heightPx,
      width: label.widthPx,
      height: label.heightPx,
    },
    settings.viewport,
  )
}

function firstFreeSpot(
  label: LabelRequest,
  placed: readonly Box[],
  settings: typeof DEFAULTS & LabelLayoutOptions,
): Box | null {
  const home = preferredSpot(label, settings)
  const { width, height } = home
  const { viewport, marginPx } = settings
  const stepX = width / 2 + marginPx
  const stepY = height + marginPx
  const steps = gridSteps(settings.maxRings, stepX / stepY)
  // Plain numbers in the loop: it runs for every label on every frame of the 3D view.
  for (let k = 0; k < steps.length; k += 2) {
    const x = Math.max(0, Math.min(viewport.width - width, home.x + steps[k] * stepX))
    const y = Math.max(0, Math.min(viewport.height - height, home.y + steps[k + 1] * stepY))
    let isFree = true
    for (const other of placed) {
      if (
        x < other.x + other.width + marginPx &&
        other.x < x + width + marginPx &&
        y < other.y + other.height + marginPx &&
        other.y < y + height + marginPx
      ) {
        isFree = false
        break
      }
    }
    if (isFree) return { x, y, width, height }
  }
  return null
}

/** Grid step orders by rings and aspect (step across / step down), flattened as i, j pairs. */
const stepOrders = new Map<string, Int8Array>()

/**
 * Grid steps (i across, j down) within `rings` of the origin, nearest in pixels first; ties go up
 * before down, then left before right, so the order never depends on the sort's stability.
 * Cached: labels of one size share an order (the aspect is rounded to 1/100 for the key).
 */
function gridSteps(rings: number, aspect: number): Int8Array {
  const key = `${rings}:${aspect.toFixed(2)}`
  const cached = stepOrders.get(key)
  if (cached) return cached
  const steps: Array<[number, number]> = []
  for (let j = -rings; j <= rings; j++) for (let i = -rings; i <= rings; i++) steps.push([i, j])
  const length = ([i, j]: [number, number]) => Math.hypot(i * aspect, j)
  steps.sort((a, b) => length(a) - length(b) || a[1] - b[1] || a[0] - b[0])
  const order = Int8Array.from(steps.flat())
  if (stepOrders.size > 512) stepOrders.clear()
  stepOrders.set(key, order)
  return order
}

function clampToView(box: Box, view: LabelLayoutOptions['viewport']): Box {
  const x = Math.max(0, Math.min(view.width - box.width, box.x))
  const y = Math.max(0, Math.min(view.height - box.height, box.y))
  return { ...box, x, y }
}

function shown(
  label: LabelRequest,
  box: Box,
  settings: typeof DEFAULTS & LabelLayoutOptions,
): PlacedLabel {
  const home = preferredSpot(label, settings)
  const isHome = Math.abs(box.x - home.x) < 0.5 && Math.abs(box.y - home.y) < 0.5
  const [ax, ay] = label.anchorPx
  const to: [number, number] = [
    Math.max(box.x, Math.min(box.x + box.width, ax)),
    Math.max(box.y, Math.min(box.y + box.height, ay)),
  ]
  // Inside its own box (a clamped label over its anchor) the anchor needs no line.
  const hasLeader = !isHome && Math.hypot(to[0] - ax, to[1] - ay) >= 1
  return {
    placement: hasLeader ? 'moved' : 'home',
    isVisible: true,
    xPx: box.x,
    yPx: box.y,
    widthPx: box.width,
    heightPx: box.height,
    leader: hasLeader ? { from: [ax, ay], to } : null,
  }
}

function hidden(label: LabelRequest, isAnchorInView: boolean): PlacedLabel {
  return {
    placement: isAnchorInView ? 'crowded' : 'off-view',
    isVisible: false,
    xPx: Number.NaN,
    yPx: Number.NaN,
    widthPx: label.widthPx,
    heightPx: label.heightPx,
    leader: null,
  }
}
