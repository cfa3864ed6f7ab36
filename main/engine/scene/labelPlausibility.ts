import type { LabelCheck, SceneObject } from '../types'
import { describe, describeCluster, formatLength } from './naming'
import { betterShapeLabel } from './shapePriors'
import { sizePriorFor, type SizePrior } from './sizePriors'

/**
 * A visible largest extent above max × this is too big for the class. Above 1, because the visible box of a real
 * instance can take in a little of what touches it (a pillow on a bed, the floor's noisy edge).
 */
export const TOO_BIG_FACTOR = 1.25
/**
 * A largest extent below min × this is too small. Well below 1, because occlusion hides part of real instances
 * (a chair behind a table shows its back only): only an object far smaller than the smallest instance fails.
 */
export const TOO_SMALL_FACTOR = 0.5
/** Fewer points than this are too few to trust any label's size. */
export const MIN_POINTS_FOR_LABEL = 100
/**
 * Fewer points than this fraction of the pixels the smallest plausible instance would cover at the object's
 * distance (its largest extent squared, a quarter of that square filled) are too few for the label.
 */
export const MIN_COVERAGE_FRACTION = 0.1

/** What the check needs to know about the view. */
export interface LabelView {
  /** Focal length, pixels (how many pixels a metre covers at 1 m). */
  fx: number
  /**
   * The object's pixels touch the image border: it is cut off by the frame, so "too small" is not evidence (a bed
   * seen from up close); "too big" still is.
   */
  isTruncated: boolean
}

type Checked = Pick<SceneObject, 'label' | 'sizeM' | 'amodal' | 'pointCount' | 'centerInCamera'>

const percent = (score: number) => `${Math.round(score * 100)} %`
const range = (prior: SizePrior) =>
  `${formatLength(prior.minLargestM)}–${formatLength(prior.maxLargestM)}`

/**
 * Checks a detector label against the class's size prior (see sizePriors.ts) and the object's point count.
 * The largest visible extent decides "too big"; for "too small" the amodal estimate's upper bound is used when there
 * is one (the object may be larger than what is seen). Labels without a prior are plausible by default. Pure.
 * @param score the detector's score for the label, 0–1.
 */
export function checkLabel(object: Checked, score: number, view: LabelView): LabelCheck {
  const detectorLabel = object.label
  const prior = sizePriorFor(detectorLabel)
  const said = `detector said "${detectorLabel}" (${percent(score)})`
  if (!prior) return { detectorLabel, confidence: score, isPlausible: true, hasFewPoints: false }
  const { width, depth, height } = object.sizeM
  const visibleLargest = Math.max(width, depth, height)
  const high = object.amodal?.sizeIntervalM
  const possibleLargest = high
    ? Math.max(visibleLargest, high.width[1], high.depth[1], high.height[1])
    : visibleLargest
  const notes: string[] = []
  let isPlausible = true
  if (visibleLargest > prior.maxLargestM * TOO_BIG_FACTOR) {
    isPlausible = false
    notes.push(
      `${said}, but at ${formatLength(visibleLargest)} it is too big for one (usually ${range(prior)})`,
    )
  } else if (!view.isTruncated && possibleLargest < prior.minLargestM * TOO_SMALL_FACTOR) {
    isPlausible = false
    notes.push(
      `${said}, but at ${formatLength(possibleLargest)} it is too small for one (usually ${range(prior)})`,
    )
  }
  const better = isPlausible
    ? betterShapeLabel(detectorLabel, object.sizeM, view.isTruncated)
    : null
  if (better) notes.push(`${said}, but ${shapeNote(object.sizeM, better)}`)
  const hasFewPoints = isFewPoints(object, prior, view)
  if (hasFewPoints) {
    const prefix = notes.length > 0 ? 'and' : `${said}, but`
    notes.push(
      `${prefix} only ${object.pointCount} points are behind it: too few to trust the label`,
    )
  }
  const note = notes.length > 0 ? notes.join('; ') : undefined
  return {
    detectorLabel,
    confidence: score,
    isPlausible,
    hasFewPoints,
    ...(note ? { note } : {}),
    ...(better ? { betterLabel: better.label } : {}),
  }
}

const span = ([lo, hi]: [number, number]) => `${formatLength(lo)}–${formatLength(hi)}`

/** "its shape (1.49 × 1.13 m, 41 cm high) matches a bed better (beds: …; couches: …)". */
function shapeNote(
  size: SceneObject['sizeM'],
  b: NonNullable<ReturnType<typeof betterShapeLabel>>,
): string {
  const long = Math.max(size.width, size.depth)
  const short = Math.min(size.width, size.depth)
  const dims = (p: typeof b.prior) =>
    `${span(p.heightM)} high, ${span(p.shortSideM)} across, ${span(p.longSideM)} long`
  return `its shape (${formatLength(long)} × ${formatLength(short)}, ${formatLength(size.height)} high) matches a ${b.label} better (${b.other} of 3 dimensions typical for a ${b.label}: ${dims(b.prior)}; ${b.own} of 3 for its label: ${dims(b.ownPrior)})`
}

function isFewPoints(object: Checked, prior: SizePrior, view: LabelView): boolean {
  if (object.pointCount < MIN_POINTS_FOR_LABEL) return true
  const distanceM = object.centerInCamera[2]
  if (!(distanceM > 0) || !(view.fx > 0)) return false
  const sidePx = (view.fx * prior.minLargestM) / distanceM
  return object.pointCount < MIN_COVERAGE_FRACTION * 0.25 * sidePx * sidePx
}

/**
 * Demotes an implausible detector label in place: the object takes the descriptive name a geometry cluster would
 * get ("white object"), its description follows, and the detector's guess stays in `labelCheck`.
 * Names must be assigned after this (assignUniqueNames) so demoted objects stay unique.
 */
export function demoteLabel(object: SceneObject): void {
  object.label = describeCluster(object)
  object.description = describe({ ...object, origin: 'cluster' })
}

/** True when any pixel (row-major index) lies on the image's outermost `marginPx` rows or columns. */
export function touchesImageBorder(
  pixels: Uint32Array,
  width: number,
  height: number,
  marginPx = 2,
): boolean {
  for (let k = 0; k < pixels.length; k++) {
    const u = pixels[k] % width
    const v = (pixels[k] - u) / width
    if (u < marginPx || v < marginPx || u >= width - marginPx || v >= height - marginPx) return true
  }
  return false
}

/**
 * Label checks for a scene's detector objects (those whose region carried a score): fills `labelCheck` and demotes
 * implausible labels. `scores[i]` is object i's detector score (undefined for user regions and clusters).
 */
export function checkDetectorLabels(
  objects: SceneObject[],
  scores: readonly (number | undefined)[],
  image: { width: number; height: number; fx: number },
): void {
  objects.forEach((object, index) => {
    const score = scores[index]
    if (object.regionSource !== 'detector' || score === undefined) return
    const isTruncated = touchesImageBorder(object.pixelIndices, image.width, image.height)
    const check = checkLabel(object, score, { fx: image.fx, isTruncated })
    object.labelCheck = check
    if (!check.isPlausible) demoteLabel(object)
  })
}
