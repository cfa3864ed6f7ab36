import type { DepthImage } from '../types'
import type { FloatTensor } from '../perception/types'
import type { DepthCalibration, DepthOutputKind } from './types'
import { DEPTH_ANYTHING_V2, METRIC3D_V2 } from './modelSpecs'
import { resizePlaneBilinear } from './resample'
import type { PaddedLayout } from './resizeRules'

/** One prediction plane, row-major. `data` is a view of the tensor's buffer. */
export interface PredictionPlane {
  width: number
  height: number
  data: Float32Array
}

/** A single-image prediction as one H×W plane: accepts dims [H, W], [1, H, W] or [1, 1, H, W]. */
export function predictionPlane(tensor: FloatTensor): PredictionPlane {
  const { dims, data } = tensor
  const leading = dims.slice(0, -2)
  const [height, width] = dims.slice(-2)
  if (
    dims.length < 2 ||
    dims.length > 4 ||
    leading.some((d) => d !== 1) ||
    data.length !== width * height
  ) {
    throw new RangeError(
      `depth prediction: expected one H×W map ([H, W], [1, H, W] or [1, 1, H, W]), got dims [${dims}] with ${data.length} values`,
    )
  }
  return { width, height, data }
}

/**
 * In place: every value that is not a positive finite depth (NaN, ±∞, ≤ 0) becomes 0, the
 * engine's "invalid". Returns the number of valid values.
 */
export function sanitizeDepth(data: Float32Array): number {
  let valid = 0
  for (let i = 0; i < data.length; i++) {
    const value = data[i]
    if (value > 0 && value < Infinity) valid++
    else data[i] = 0
  }
  return valid
}

/**
 * Depth Anything V2 output → the original resolution, in the model's own units (metres for the
 * metric variants, relative inverse depth otherwise): bilinear with align_corners=True, as
 * `infer_image` does; non-finite and non-positive values → 0. Returns a new image.
 */
export function depthAnythingToOriginal(
  prediction: FloatTensor,
  width: number,
  height: number,
): DepthImage {
  const plane = predictionPlane(prediction)
  const data = resizePlaneBilinear(plane.data, plane.width, plane.height, width, height, {
    alignCorners: DEPTH_ANYTHING_V2.outputAlignCorners,
  })
  sanitizeDepth(data)
  return { width, height, data }
}

/**
 * Metric3D v2 output (canonical-camera depth over the padded input) → metres at the original
 * resolution, as the `hubconf.py` demo: remove the padding, bilinear (align_corners=False) to the
 * original size, multiply by `fx · scale / 1000` (the resized image's focal over the canonical
 * focal), clamp to [0, 300] m; non-finite → 0. A prediction at another resolution than the input
 * has its padding scaled to match. `fxPx` is the original image's focal length, pixels.
 */
export function metric3dToMetres(
  prediction: FloatTensor,
  layout: PaddedLayout,
  width: number,
  height: number,
  fxPx: number,
): DepthImage {
  if (!(fxPx > 0 && fxPx < Infinity))
    throw new RangeError(`Metric3D needs a positive focal length fx, got ${fxPx}`)
  const plane = predictionPlane(prediction)
  const sx = plane.width / layout.inputWidth
  const sy = plane.height / layout.inputHeight
  const x0 = Math.round(layout.padLeft * sx)
  const y0 = Math.round(layout.padTop * sy)
  const window = {
    x: x0,
    y: y0,
    width: Math.round((layout.inputWidth - layout.padRight) * sx) - x0,
    height: Math.round((layout.inputHeight - layout.padBottom) * sy) - y0,
  }
  const data = resizePlaneBilinear(plane.data, plane.width, plane.height, width, height, {
    alignCorners: METRIC3D_V2.outputAlignCorners,
    window,
  })
  const canonicalToReal = (fxPx * layout.scale) / METRIC3D_V2.canonicalFocalPx
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.min(METRIC3D_V2.maxDepthM, Math.max(0, data[i] * canonicalToReal))
  }
  sanitizeDepth(data)
  return { width, height, data }
}

/**
 * Applies a calibration to a model-unit image: `z = scale·m + shift` (depth space) or
 * `z = 1 / (scale·m + shift)` (inverse-depth space). Invalid model values (0) stay invalid, and so
 * does any pixel the map sends to a non-positive or non-finite depth. Returns a new image.
 */
export function applyCalibration(model: DepthImage, calibration: DepthCalibration): DepthImage {
  const { scale, shift, space } = calibration
  const source = model.data
  const data = new Float32Array(source.length)
  for (let i = 0; i < source.length; i++) {
    const m = source[i]
    if (!(m > 0 && m < Infinity)) continue
    const mapped = scale * m + shift
    data[i] = space === 'depth' ? mapped : 1 / mapped
  }
  sanitizeDepth(data)
  return { width: model.width, height: model.height, data }
}

/** The calibration space a model's output needs: metric outputs are refined in depth space. */
export function calibrationSpaceFor(output: DepthOutputKind): DepthCalibration['space'] {
  return output === 'metric' ? 'depth' : 'inverse-depth'
}

/**
 * Model-unit image → metres. Metric outputs pass through (or through their calibration);
 * relative inverse depth requires a calibration in inverse-depth space. Throws RangeError with
 * the reason otherwise. Returns a new image (metric, uncalibrated: a sanitised copy).
 */
export function toMetricDepth(
  model: DepthImage,
  output: DepthOutputKind,
  calibration?: DepthCalibration,
): DepthImage {
  if (calibration && calibration.space !== calibrationSpaceFor(output)) {
    throw new RangeError(
      `a ${calibration.space}-space calibration cannot be applied to ${output} depth; recalibrate for this model`,
    )
  }
  if (calibration) return applyCalibration(model, calibration)
  if (output === 'relative-inverse') {
    throw new RangeError(
      'relative inverse depth needs a scale-and-shift calibration before it is metric',
    )
  }
  const data = Float32Array.from(model.data)
  sanitizeDepth(data)
  return { width: model.width, height: model.height, data }
}
