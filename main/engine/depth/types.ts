/**
 * Types of monocular depth: what a model's output means, how a per-camera calibration maps it to
 * metres, and the provenance an answer reports. Pure data (engine).
 */

/**
 * What a depth model's output means once it is back at the image's resolution:
 * - `metric`: metres along the optical axis (Depth Anything V2 metric: sigmoid × max depth).
 * - `relative-inverse`: affine-invariant inverse depth (Depth Anything V2 relative); metres need a
 *   scale and a shift in inverse-depth space, i.e. a calibration.
 */
export type DepthOutputKind = 'metric' | 'relative-inverse'

/**
 * Where a calibration's affine map acts:
 * - `depth`: `zM = scale · model + shift` (metric models; model in metres).
 * - `inverse-depth`: `1 / zM = scale · model + shift` (relative models; model is inverse depth).
 */
export type CalibrationSpace = 'depth' | 'inverse-depth'

/** How a calibration was measured. */
export type CalibrationMethod = 'rgbd-frame' | 'known-distance' | 'known-size'

/** A fitted map from a model's output to metres, with how well it fitted. */
export interface DepthCalibration {
  space: CalibrationSpace
  /** Multiplies the model output (depth space: unitless; inverse-depth space: 1/m per model unit). */
  scale: number
  /** Added after scaling: metres (depth space) or 1/m (inverse-depth space). */
  shift: number
  method: CalibrationMethod
  /**
   * RMS error after calibration, metres: of per-pixel depths over the inliers (RGB-D frame), or of
   * the known distances / sizes (0 when one measurement fixes the scale exactly).
   */
  residualRmsM: number
  /** Median relative error after calibration (|fit − reference| / reference), unitless. */
  residualRel: number
  /** Depth samples behind the fit (pixel pairs for an RGB-D frame, window samples otherwise). */
  pointCount: number
  /** Samples the robust fit kept (equals pointCount for the measurement methods). */
  inlierCount: number
}

/** Which depth a monocular frame carries and how it became metric; answers quote it. */
export interface DepthProvenance {
  /** Model id from models/manifest.json, e.g. "depth-anything-v2-small". */
  modelId: string
  output: DepthOutputKind
  /** Execution provider that ran the model ("cuda", "webgpu", "cpu"). */
  provider?: string
  /** session.run wall time, milliseconds. */
  inferenceMs?: number
  /** The calibration applied, when one was (always for relative models). */
  calibration?: DepthCalibration
  /** ISO 8601 time the calibration was measured, when known. */
  calibratedAt?: string
}
