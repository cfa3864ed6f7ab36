/**
 * SAM prompts → the prompt encoder's inputs, in the layout of the Hugging Face `SamModel` ONNX
 * exports (optimum `SamOnnxConfig`, variant "split"): `input_points` float32
 * [batch, point_batch, points, 2] and `input_labels` int64 [batch, point_batch, points], one prompt
 * per decoder run (batch = point_batch = 1). Optional `input_boxes` float32 [batch, boxes, 4] for
 * exports that declare it. Pure.
 */

import type { SamImageTransform } from './samPreprocess'
import { samBoxToInput, samPointToInput } from './samPreprocess'

/** A click in original-image pixels (0-based, the pixel's index). */
export interface SamPoint {
  u: number
  v: number
  /** true: on the object (label 1); false: not on it (label 0). */
  isPositive: boolean
}

/** One object to segment: a box, clicks, or both; pixels of the original image. */
export interface SamPrompt {
  /** [x0, y0, x1, y1], x1/y1 exclusive. */
  box?: [number, number, number, number]
  points?: SamPoint[]
}

/** Label values of HF's SAM prompt encoder: 1 on the object, 0 not on it, −10 padding (ignored). */
export const SAM_LABEL_POSITIVE = 1
export const SAM_LABEL_NEGATIVE = 0
export const SAM_LABEL_PADDING = -10

/** What the prompt-encoder/mask-decoder model accepts (from its signature). */
export interface SamDecoderCapabilities {
  /** The model declares an `input_boxes` input (the optimum export does not). */
  acceptsBoxes: boolean
  /** A fixed `nb_points_per_image` dim, when the export has one; prompts are padded to it. */
  fixedPointCount?: number
}

/** Decoder inputs for one prompt, in SAM input pixels. */
export interface SamDecoderPrompt {
  /** [1, 1, N, 2], (x, y) pairs. */
  points: Float32Array
  /** [1, 1, N]: 1, 0 or −10. */
  labels: BigInt64Array
  pointCount: number
  /** [1, 1, 4] when the decoder takes boxes and the prompt has one. */
  box?: Float32Array
  /**
   * Set when the decoder cannot take boxes: the prompt's box (original pixels) was replaced by a
   * positive click at its centre, and the mask must be chosen by fit to this box and clipped to it.
   */
  fallbackBox?: [number, number, number, number]
}

/**
 * Builds one prompt's decoder inputs. A box goes to `input_boxes` when the decoder has it; otherwise
 * (HF exports: labels 2/3 for box corners are not embedded there) it becomes a positive click at the
 * box centre plus `fallbackBox`. A box-only prompt on a box-taking decoder gets one padding point
 * (label −10), as HF's processor pads. Throws on an empty prompt, on a point-only prompt for a
 * decoder that requires boxes, and on more points than a fixed-size export takes.
 */
export function samDecoderPrompt(
  prompt: SamPrompt,
  transform: SamImageTransform,
  capabilities: SamDecoderCapabilities,
): SamDecoderPrompt {
  const points = prompt.points ?? []
  if (points.length === 0 && !prompt.box)
    throw new RangeError('SAM prompt needs a box or at least one point')
  if (capabilities.acceptsBoxes && !prompt.box) {
    throw new RangeError(
      'this SAM decoder takes a box with every prompt (it declares input_boxes): add a box',
    )
  }
  const coords: number[] = []
  const labels: number[] = []
  for (const p of points) {
    coords.push(...samPointToInput(p.u, p.v, transform))
    labels.push(p.isPositive ? SAM_LABEL_POSITIVE : SAM_LABEL_NEGATIVE)
  }
  let box: Float32Array | undefined
  let fallbackBox: SamDecoderPrompt['fallbackBox']
  if (prompt.box && capabilities.acceptsBoxes) {
    box = Float32Array.from(samBoxToInput(prompt.box, transform))
  } else if (prompt.box) {
    const [x0, y0, x1, y1] = prompt.box
    coords.push(...samPointToInput((x0 + x1) / 2, (y0 + y1) / 2, transform))
    labels.push(SAM_LABEL_POSITIVE)
    fallbackBox = [x0, y0, x1, y1]
  }
  const target = capabilities.fixedPointCount ?? Math.max(1, labels.length)
  if (labels.length > target) {
    throw new RangeError(
      `this SAM decoder takes at most ${target} point(s) per prompt, got ${labels.length}`,
    )
  }
  while (labels.length < target) {
    coords.push(0, 0)
    labels.push(SAM_LABEL_PADDING)
  }
  return {
    points: Float32Array.from(coords),
    labels: BigInt64Array.from(labels, (l) => BigInt(l)),
    pointCount: labels.length,
    box,
    fallbackBox,
  }
}
