import type { RegionPrompt } from '../types'
import type { Detection } from '../perception/types'
import type { Box } from '../perception/nms'
import { boxArea, boxIou, intersectionArea } from '../perception/nms'

/** How detections become region prompts. */
export interface DetectionRegionOptions {
  /** Drop detections scoring below this, 0–1. Default 0.35. */
  minScore?: number
  /** A detection overlapping a user box or mask by IoU > this is the user's object: dropped. Default 0.5. */
  userOverlapIou?: number
  /** Two detections of one class with IoU > this are one object. Default 0.5. */
  sameClassIou?: number
  /**
   * Two detections of one class where this fraction of the smaller lies inside the larger are one
   * object (a part detected on its own). Default 0.85.
   */
  sameClassContainment?: number
  /** Detections of different classes with IoU > this are one object seen as two classes. Default 0.8. */
  crossClassIou?: number
  /** Smallest box side kept, pixels. Default 4. */
  minSidePx?: number
  /** At most this many detection regions (best first), to bound scene time. Default 32. */
  maxRegions?: number
}

const DEFAULTS: Required<DetectionRegionOptions> = {
  minScore: 0.35,
  userOverlapIou: 0.5,
  sameClassIou: 0.5,
  sameClassContainment: 0.85,
  crossClassIou: 0.8,
  minSidePx: 4,
  maxRegions: 32,
}

/**
 * Detections → region prompts for `buildScene`: the user's regions first (they always win), then
 * one box prompt per detected object, labelled with its class name. Rules, in order:
 * low scores and tiny boxes are dropped; a detection that is a user region's object is dropped
 * (box/mask IoU > `userOverlapIou`, or for a point prompt the smallest detection containing the
 * point); duplicates of one object keep the best-scoring detection's box, label and score. Boxes are in
 * the image's pixels (the detector's original image = the frame's colour image). Pure.
 */
export function detectionsToRegions(
  detections: readonly Detection[],
  userRegions: readonly RegionPrompt[],
  options: DetectionRegionOptions = {},
): RegionPrompt[] {
  const settings = { ...DEFAULTS, ...options }
  const candidates = detections
    .filter((d) => d.score >= settings.minScore)
    .filter(
      (d) => d.box[2] - d.box[0] >= settings.minSidePx && d.box[3] - d.box[1] >= settings.minSidePx,
    )
    .sort((a, b) => b.score - a.score)
  const claimed = claimedByUser(candidates, userRegions, settings.userOverlapIou)
  const kept: Detection[] = []
  for (let i = 0; i < candidates.length && kept.length < settings.maxRegions; i++) {
    if (claimed.has(i)) continue
    if (kept.some((other) => isSameObject(other, candidates[i], settings))) continue
    kept.push(candidates[i])
  }
  return [
    ...userRegions,
    ...kept.map((d): RegionPrompt => ({
      label: d.label,
      box: [d.box[0], d.box[1], d.box[2], d.box[3]],
      source: 'detector',
      score: d.score,
    })),
  ]
}

/**
 * Whether two detections are one object: same class and overlapping (IoU, or the smaller mostly
 * inside the larger), or different classes with a near-identical box.
 */
export function isSameObject(
  a: Detection,
  b: Detection,
  options: Pick<
    Required<DetectionRegionOptions>,
    'sameClassIou' | 'sameClassContainment' | 'crossClassIou'
  >,
): boolean {
  const iou = boxIou(a.box, b.box)
  if (a.label !== b.label) return iou > options.crossClassIou
  if (iou > options.sameClassIou) return true
  const smaller = Math.min(boxArea(a.box), boxArea(b.box))
  return smaller > 0 && intersectionArea(a.box, b.box) / smaller >= options.sameClassContainment
}

/** Indices of detections that are user regions' objects. */
function claimedByUser(
  detections: readonly Detection[],
  regions: readonly RegionPrompt[],
  minIou: number,
): Set<number> {
  const claimed = new Set<number>()
  for (const region of regions) {
    if ('point' in region) {
      const index = smallestContaining(detections, region.point)
      if (index >= 0) claimed.add(index)
      continue
    }
    detections.forEach((detection, index) => {
      const iou =
        'box' in region ? boxIou(region.box, detection.box) : maskBoxIou(region, detection.box)
      if (iou > minIou) claimed.add(index)
    })
  }
  return claimed
}

function smallestContaining(detections: readonly Detection[], [u, v]: [number, number]): number {
  let best = -1
  let bestArea = Infinity
  detections.forEach((detection, index) => {
    const [x0, y0, x1, y1] = detection.box
    const area = boxArea(detection.box)
    if (u >= x0 && u < x1 && v >= y0 && v < y1 && area < bestArea) {
      best = index
      bestArea = area
    }
  })
  return best
}

/** IoU of a mask (pixel set) and a box (pixels whose centres lie inside it). */
export function maskBoxIou(
  region: { mask: Uint8Array; maskWidth: number; maskHeight: number },
  box: Box,
): number {
  const { mask, maskWidth, maskHeight } = region
  // Pixel (u, v) is inside when its centre u + 0.5 lies in [x0, x1).
  const u0 = Math.max(0, Math.ceil(box[0] - 0.5))
  const u1 = Math.min(maskWidth, Math.ceil(box[2] - 0.5))
  const v0 = Math.max(0, Math.ceil(box[1] - 0.5))
  const v1 = Math.min(maskHeight, Math.ceil(box[3] - 0.5))
  let maskCount = 0
  for (let i = 0; i < mask.length; i++) if (mask[i]) maskCount++
  let inside = 0
  for (let v = v0; v < v1; v++) for (let u = u0; u < u1; u++) if (mask[v * maskWidth + u]) inside++
  const boxCount = Math.max(0, u1 - u0) * Math.max(0, v1 - v0)
  const union = maskCount + boxCount - inside
  return union > 0 ? inside / union : 0
}
