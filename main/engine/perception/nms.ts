/** A box [x0, y0, x1, y1] in pixels (any frame, both boxes the same); x1, y1 exclusive. */
export type Box = readonly [number, number, number, number]

/** Area of a box, pixels²; 0 for an empty or inverted box. */
export function boxArea(box: Box): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1])
}

/** Area of the intersection of two boxes, pixels². */
export function intersectionArea(a: Box, b: Box): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  return width > 0 && height > 0 ? width * height : 0
}

/** Intersection over union of two boxes, 0–1 (0 when both are empty). */
export function boxIou(a: Box, b: Box): number {
  const intersection = intersectionArea(a, b)
  const union = boxArea(a) + boxArea(b) - intersection
  return union > 0 ? intersection / union : 0
}

/**
 * Class-wise non-maximum suppression (upstream NanoDet `multiclass_nms` → mmcv `batched_nms`):
 * in descending score order, a box is dropped when it overlaps a kept box of the same class by
 * IoU > `iouThreshold`. Returns at most `maxDetections` survivors, best first. Input is not mutated.
 */
export function classwiseNms<T extends { box: Box; classId: number; score: number }>(
  candidates: readonly T[],
  iouThreshold: number,
  maxDetections: number,
): T[] {
  const order = [...candidates].sort((a, b) => b.score - a.score)
  const keptByClass = new Map<number, T[]>()
  const kept: T[] = []
  for (const candidate of order) {
    if (kept.length >= maxDetections) break
    const sameClass = keptByClass.get(candidate.classId) ?? []
    if (sameClass.some((other) => boxIou(other.box, candidate.box) > iouThreshold)) continue
    sameClass.push(candidate)
    keptByClass.set(candidate.classId, sameClass)
    kept.push(candidate)
  }
  return kept
}
