/**
 * Perception results as engine types (pure data): what detectors, segmenters and depth models
 * produce after post-processing, in the original image's pixel coordinates.
 */

/** One detection; box in pixels of the original image, 0-based, [x0, y0, x1, y1] (x1, y1 exclusive). */
export interface Detection {
  label: string
  classId: number
  /** Confidence 0–1. */
  score: number
  box: [number, number, number, number]
}

/** A float tensor ready for a model: data row-major with its dims (e.g. [1, 3, H, W]). */
export interface FloatTensor {
  data: Float32Array
  dims: number[]
}

/**
 * How an image was resized into a model's input, so outputs map back to original pixels:
 * original = (model − pad) / scale, per axis.
 */
export interface ResizeTransform {
  scaleX: number
  scaleY: number
  padX: number
  padY: number
  /** Model input size. */
  inputWidth: number
  inputHeight: number
  /** Original image size. */
  originalWidth: number
  originalHeight: number
}
