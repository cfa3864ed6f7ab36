import type { DepthImage } from '../types'
import { median } from '../geometry/stats'
import type { CalibrationSpace, DepthCalibration } from './types'
import { CalibrationInputError } from './calibrationError'
import { robustAffineFit } from './robustFit'

export interface RgbdCalibrationOptions {
  /** 'depth' for metric models (fit in metres), 'inverse-depth' for relative ones (fit in 1/m). */
  space: CalibrationSpace
  /** Fit a shift as well as a scale; default true. */
  fitShift?: boolean
  /** Pixel pairs used at most (an even stride over the valid ones); default 60 000. */
  maxSamples?: number
  /** Sensor depths outside this range (metres) are not used; default 0.05–50. */
  minDepthM?: number
  maxDepthM?: number
  /** Fewer valid pairs than this is an error; default 500. */
  minPoints?: number
}

interface Pairs {
  model: Float64Array
  reference: Float64Array
  validCount: number
}

/** Valid (model, sensor) pairs on an even stride, both finite and positive, sensor in range. */
function collectPairs(
  model: DepthImage,
  sensor: DepthImage,
  options: RgbdCalibrationOptions,
): Pairs {
  const minZ = options.minDepthM ?? 0.05
  const maxZ = options.maxDepthM ?? 50
  const isValid = (i: number) => {
    const m = model.data[i]
    const z = sensor.data[i]
    return m > 0 && m < Infinity && z >= minZ && z <= maxZ
  }
  let validCount = 0
  for (let i = 0; i < model.data.length; i++) if (isValid(i)) validCount++
  const stride = Math.max(1, Math.ceil(validCount / (options.maxSamples ?? 60_000)))
  const take = Math.ceil(validCount / stride)
  const modelValues = new Float64Array(take)
  const referenceValues = new Float64Array(take)
  let seen = 0
  let kept = 0
  for (let i = 0; i < model.data.length && kept < take; i++) {
    if (!isValid(i)) continue
    if (seen++ % stride !== 0) continue
    modelValues[kept] = model.data[i]
    referenceValues[kept++] = sensor.data[i]
  }
  return {
    model: modelValues.subarray(0, kept),
    reference: referenceValues.subarray(0, kept),
    validCount,
  }
}

/**
 * Fits a per-camera calibration of a model's output against one registered RGB-D frame: robust
 * (Huber → Tukey IRLS) least squares over the pixels where both have depth, in depth space
 * (`z = s·m + t`, metric models) or inverse-depth space (`1/z = s·m + t`, relative models).
 * `model` is the model's output at the sensor's resolution, in model units; `sensor` is metres.
 * Residuals are reported in metres over the inliers. Throws CalibrationInputError when too few
 * pixels have both depths.
 */
export function calibrateFromRgbd(
  model: DepthImage,
  sensor: DepthImage,
  options: RgbdCalibrationOptions,
): DepthCalibration {
  if (model.width !== sensor.width || model.height !== sensor.height) {
    throw new CalibrationInputError(
      `the model depth is ${model.width}×${model.height} but the sensor depth is ${sensor.width}×${sensor.height}; ` +
        'run the model on the colour image registered to this depth frame',
    )
  }
  const pairs = collectPairs(model, sensor, options)
  const minPoints = options.minPoints ?? 500
  if (pairs.validCount < minPoints) {
    throw new CalibrationInputError(
      `only ${pairs.validCount} pixels have both model and sensor depth (need ${minPoints}); ` +
        'calibrate on a frame where the sensor sees most of the scene',
    )
  }
  const isInverse = options.space === 'inverse-depth'
  const target = isInverse ? pairs.reference.map((z) => 1 / z) : pairs.reference
  const fit = robustAffineFit(pairs.model, target, { fitShift: options.fitShift ?? true })
  const errors: number[] = []
  const relative: number[] = []
  for (let i = 0; i < pairs.model.length; i++) {
    if (fit.inlierMask[i] === 0) continue
    const mapped = fit.scale * pairs.model[i] + fit.shift
    const z = isInverse ? 1 / mapped : mapped
    if (!(z > 0 && z < Infinity)) continue
    const error = z - pairs.reference[i]
    errors.push(error * error)
    relative.push(Math.abs(error) / pairs.reference[i])
  }
  const sumSquares = errors.reduce((a, b) => a + b, 0)
  return {
    space: options.space,
    scale: fit.scale,
    shift: fit.shift,
    method: 'rgbd-frame',
    residualRmsM: errors.length > 0 ? Math.sqrt(sumSquares / errors.length) : Number.NaN,
    residualRel: relative.length > 0 ? median(relative) : Number.NaN,
    pointCount: pairs.model.length,
    inlierCount: fit.inlierCount,
  }
}
