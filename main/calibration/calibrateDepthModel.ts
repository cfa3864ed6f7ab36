import type { DepthImage, Frame } from '../engine/types'
import type { CalibrationSpace, DepthCalibration } from '../engine/depth/types'
import { calibrateFromRgbd } from '../engine/depth/calibrateFromRgbd'
import {
  calibrateFromKnownDistance,
  calibrateFromKnownSize,
  type KnownDistance,
  type KnownSize,
} from '../engine/depth/calibrateFromMeasurements'
import { calibrationSpaceFor } from '../engine/depth/postprocess'
import type { ExecutionProviderName } from '../inference/types'
import type { ModelStore } from '../models/ModelStore'
import { DEPTH_TASKS } from '../contract/manifestSchema'
import type { MonocularDepthModel } from '../inference/models/depthModel'
import { UserError } from '../app/userError'
import type { SaveResult } from './CalibrationStore'

/**
 * Calibrating a depth model for one camera, as every host does it through `calibration:run`
 * (main/services/CalibrationService): run the model on the colour image, fit its output to metres
 * by the chosen method, refuse unusable fits, warn about weak ones; the service saves the fit for
 * (camera, model).
 */

/** How the metres are known: the frame's sensor depth, or lengths the user measured. */
export type CalibrationMethod =
  | { kind: 'rgbd-frame' }
  | { kind: 'known-distance'; distances: KnownDistance[] }
  | { kind: 'known-size'; size: KnownSize }

export interface CalibrationJob {
  cameraId: string
  modelId: string
  /** The colour image and intrinsics; `depth` (metres, registered) for the rgbd-frame method. */
  frame: Pick<Frame, 'rgb' | 'intrinsics' | 'depth'>
  method: CalibrationMethod
}

/** What a fit needs (the camera only matters for saving). */
type FitJob = Omit<CalibrationJob, 'cameraId'>

/** A fit, checked, not yet saved (what the scene worker sends back to the app's service). */
export interface FittedCalibration {
  fitted: DepthCalibration
  warnings: string[]
  modelRun: { output: string; provider: ExecutionProviderName; inferenceMs: number }
}

/** Throws a UserError naming the depth models when `modelId` is not one. */
export function requireDepthModel(models: ModelStore, modelId: string): void {
  const entry = models.entry(modelId)
  if (DEPTH_TASKS.has(entry.task)) return
  const depthIds = models.manifest.models.filter((m) => DEPTH_TASKS.has(m.task)).map((m) => m.id)
  throw new UserError(
    `"${entry.id}" is a ${entry.task} model, not a depth model; depth models: ${depthIds.join(', ')}`,
  )
}

/** Runs the model on the frame's colour image and fits its output to metres; every refusal is a UserError. */
export async function fitDepthCalibration(
  job: FitJob,
  model: MonocularDepthModel,
): Promise<FittedCalibration> {
  const raw = await model.predictRaw(job.frame.rgb, job.frame.intrinsics)
  const space = calibrationSpaceFor(raw.output)
  const fitted = fitCalibration(job, raw.model, space)
  const warnings = checkCalibration(job, fitted, raw.model, raw.output)
  return {
    fitted,
    warnings,
    modelRun: { output: raw.output, provider: raw.provider, inferenceMs: raw.inferenceMs },
  }
}

/** Adds the warning for a camera file that was unreadable and moved aside by the save. */
export function savedWarnings(
  job: Pick<CalibrationJob, 'cameraId'>,
  saved: SaveResult,
  warnings: string[],
): string[] {
  if (!saved.movedAsidePath) return warnings
  return [
    `the calibration file of camera "${job.cameraId}" could not be read; moved it aside to ${saved.movedAsidePath} ` +
      "(its other models' calibrations are in there: recalibrate them too)",
    ...warnings,
  ]
}

function fitCalibration(
  request: FitJob,
  model: DepthImage,
  space: CalibrationSpace,
): DepthCalibration {
  const { frame } = request
  try {
    const method = request.method
    if (method.kind === 'rgbd-frame') {
      if (!frame.depth)
        throw new UserError(
          "calibrating from an RGB-D frame needs the frame's sensor depth, and this frame has none",
        )
      return calibrateFromRgbd(model, frame.depth, { space })
    }
    const input = { model, space, intrinsics: frame.intrinsics }
    if (method.kind === 'known-distance') return calibrateFromKnownDistance(input, method.distances)
    return calibrateFromKnownSize(input, method.size)
  } catch (error) {
    // The robust fit's RangeErrors are about the data (e.g. a constant prediction): the user's to fix.
    if (!(error instanceof RangeError)) throw error
    const reason = error.message.replace(/^robust fit: /, '')
    const isConstant = /do not vary/.test(reason)
    throw new UserError(
      `cannot calibrate ${request.modelId} on this frame: ${reason}` +
        (isConstant ? ' (the model predicts the same value wherever the sensor has depth)' : '') +
        '; calibrate on a frame with varied depth, e.g. a table with objects on it',
    )
  }
}

/** Refuses unusable fits; returns warnings about poor or under-determined ones. */
function checkCalibration(
  request: FitJob,
  c: DepthCalibration,
  model: DepthImage,
  output: string,
): string[] {
  if (!(c.scale > 0 && c.scale < Infinity) || !Number.isFinite(c.shift)) {
    throw new UserError(
      `the fit gave scale ${c.scale} and shift ${c.shift}: the model's output does not follow this ${request.method.kind === 'rgbd-frame' ? 'depth frame' : 'measurement'} ` +
        '(is the depth registered to the colour image? are its depth scale and the intrinsics right?); nothing was saved',
    )
  }
  const warnings: string[] = []
  if (c.residualRel > 0.1) {
    warnings.push(
      `the fit is poor: median error ${(c.residualRel * 100).toFixed(1)} % after calibration; depths from this calibration will be off by about as much`,
    )
  }
  const method = request.method
  if (
    method.kind === 'known-size' ||
    (method.kind === 'known-distance' && method.distances.length === 1)
  ) {
    warnings.push(
      'one measurement fixes the scale exactly, so the residual is 0 by construction: check the result against a second known length',
    )
  }
  if (output === 'relative-inverse' && method.kind !== 'rgbd-frame') {
    warnings.push(
      'a relative model also has an inverse-depth shift that known lengths cannot measure (assumed 0); an RGB-D frame calibrates both',
    )
  }
  let valid = 0
  let total = 0
  for (const m of model.data) {
    if (!(m > 0 && m < Infinity)) continue
    total++
    const mapped = c.scale * m + c.shift
    if (mapped > 0 && mapped < Infinity) valid++
  }
  if (total > 0 && valid < 0.9 * total) {
    warnings.push(
      `only ${((100 * valid) / total).toFixed(0)} % of this image has a positive depth after calibration: the fit extrapolates badly`,
    )
  }
  return warnings
}
