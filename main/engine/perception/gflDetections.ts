import type { Detection, ResizeTransform } from './types'
import type { BoxCandidate, GflLevel } from './gflDecode'
import { decodeGflLevel } from './gflDecode'
import { classwiseNms } from './nms'
import { boxToOriginal } from './resizeTransform'

/** Thresholds of detection post-processing. */
export interface DetectionThresholds {
  /** Keep (box, class) pairs with score ≥ this, 0–1. Default 0.35 (NanoDet's demo display threshold). */
  scoreThreshold?: number
  /** Class-wise NMS: drop a box overlapping a better one of its class by IoU > this. Default 0.6 (upstream). */
  iouThreshold?: number
  /** At most this many detections, best first. Default 100 (upstream `max_num`). */
  maxDetections?: number
}

export const DEFAULT_DETECTION_THRESHOLDS: Required<DetectionThresholds> = {
  scoreThreshold: 0.35,
  iouThreshold: 0.6,
  maxDetections: 100,
}

/** What GFL post-processing needs besides the levels. */
export interface GflDetectionSpec {
  /** Class names by class id; a missing name becomes `class <id>`. */
  labels: readonly string[]
  classCount: number
  /** Bins per box side (8 for NanoDet). */
  binCount: number
  /** How the image was resized into the model input. */
  transform: ResizeTransform
}

/**
 * GFL head outputs → detections in original-image pixels: decode every level (score threshold,
 * expected distances from cell centres), class-wise NMS in model pixels, map the survivors back
 * through the resize transform, attach labels. Best first.
 */
export function gflDetections(
  levels: readonly GflLevel[],
  spec: GflDetectionSpec,
  thresholds: DetectionThresholds = {},
): Detection[] {
  const { scoreThreshold, iouThreshold, maxDetections } = {
    ...DEFAULT_DETECTION_THRESHOLDS,
    ...thresholds,
  }
  const candidates: BoxCandidate[] = []
  for (const level of levels) {
    const decoded = decodeGflLevel(level, {
      classCount: spec.classCount,
      binCount: spec.binCount,
      scoreThreshold,
      inputWidth: spec.transform.inputWidth,
      inputHeight: spec.transform.inputHeight,
    })
    for (const candidate of decoded) candidates.push(candidate)
  }
  return classwiseNms(candidates, iouThreshold, maxDetections)
    .map((candidate) => ({
      label: spec.labels[candidate.classId] ?? `class ${candidate.classId}`,
      classId: candidate.classId,
      score: candidate.score,
      box: boxToOriginal(candidate.box, spec.transform),
    }))
    .filter(
      (detection) => detection.box[2] > detection.box[0] && detection.box[3] > detection.box[1],
    )
}
