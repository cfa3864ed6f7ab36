import { toJson } from '../contract/calibrationSchema'
import {
  calibrateCliResultSchema,
  type CalibrateCliResult,
} from '../contract/calibrationChannelSchema'
import type { CalibrationOutcome } from '../calibration/calibrateDepthModel'

/**
 * `calibrate --json`'s output, checked against the contract: the stored calibration in its JSON form
 * (residuals null when not measurable), the file it went to, and the model run.
 */
export function calibrateJson(outcome: CalibrationOutcome): CalibrateCliResult {
  const { calibration, path, movedAsidePath, modelRun, warnings } = outcome
  const json = toJson(calibration)
  return calibrateCliResultSchema.parse({
    cameraId: calibration.cameraId,
    ...json,
    residualCm: json.residualRmsM === null ? null : json.residualRmsM * 100,
    path,
    ...(movedAsidePath !== undefined ? { movedAsidePath } : {}),
    model: modelRun,
    warnings,
  })
}
