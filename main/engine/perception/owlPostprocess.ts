/**
 * OWLv2 outputs → detections, as upstream `Owlv2ImageProcessor.post_process_object_detection`:
 * per predicted box the best-matching query (max logit), score = sigmoid(logit), boxes (cx, cy, w, h)
 * normalised to the padded square → corners × `paddedSize` (the image's longest side) in original
 * pixels; then a per-query score threshold (upstream keeps score > threshold), clipping to the image
 * and class-wise NMS (upstream leaves NMS to the caller; its image-guided variant uses IoU 0.3). Pure.
 */

import type { Detection } from './types'
import type { OwlImageTransform } from './owlPreprocess'
import { classwiseNms } from './nms'

export interface OwlDecodeOptions {
  /** The user's label of each query, in query order (the detection's label). */
  labels: readonly string[]
  transform: OwlImageTransform
  /** Keep scores above this, 0–1: one value, or one per query. Default 0.1 (upstream default). */
  scoreThreshold?: number | readonly number[]
  /** Same-label boxes overlapping a better one by IoU > this are dropped. Default 0.3. */
  iouThreshold?: number
  /** Default 100. */
  maxDetections?: number
}

/** Logistic sigmoid. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/**
 * A box (cx, cy, w, h) normalised to the padded square → [x0, y0, x1, y1] in original pixels,
 * clipped to `[0, width] × [0, height]` (the padding lies outside the image).
 */
export function owlBoxToOriginal(
  cx: number,
  cy: number,
  w: number,
  h: number,
  transform: OwlImageTransform,
): [number, number, number, number] {
  const s = transform.paddedSize
  const clip = (value: number, max: number) => Math.min(max, Math.max(0, value))
  return [
    clip((cx - w / 2) * s, transform.originalWidth),
    clip((cy - h / 2) * s, transform.originalHeight),
    clip((cx + w / 2) * s, transform.originalWidth),
    clip((cy + h / 2) * s, transform.originalHeight),
  ]
}

/**
 * Decodes one image's outputs: `logits` [boxes, queries] and `boxes` [boxes, 4] (row-major, batch
 * dim removed). Boxes left empty by clipping (entirely in the padding) are dropped. Best first;
 * `classId` is the query index.
 */
export function owlDetections(
  logits: Float32Array,
  boxes: Float32Array,
  boxCount: number,
  queryCount: number,
  options: OwlDecodeOptions,
): Detection[] {
  if (options.labels.length !== queryCount) {
    throw new RangeError(
      `owlDetections: ${queryCount} queries in the output but ${options.labels.length} labels`,
    )
  }
  if (logits.length < boxCount * queryCount || boxes.length < boxCount * 4) {
    throw new RangeError(
      `owlDetections: outputs too short for ${boxCount} boxes × ${queryCount} queries`,
    )
  }
  const thresholds = Array.from({ length: queryCount }, (_, q) => {
    const t = options.scoreThreshold ?? 0.1
    return typeof t === 'number' ? t : (t[q] ?? 0.1)
  })
  const candidates: Detection[] = []
  for (let b = 0; b < boxCount; b++) {
    let best = 0
    for (let q = 1; q < queryCount; q++)
      if (logits[b * queryCount + q] > logits[b * queryCount + best]) best = q
    const score = sigmoid(logits[b * queryCount + best])
    if (!(score > thresholds[best])) continue
    const box = owlBoxToOriginal(
      boxes[b * 4],
      boxes[b * 4 + 1],
      boxes[b * 4 + 2],
      boxes[b * 4 + 3],
      options.transform,
    )
    if (box[2] <= box[0] || box[3] <= box[1]) continue
    candidates.push({ label: options.labels[best], classId: best, score, box })
  }
  return classwiseNms(candidates, options.iouThreshold ?? 0.3, options.maxDetections ?? 100)
}
