import {
  calibrateCliResultSchema,
  type CalibrateCliResult,
  type CalibrationRunResult,
} from '../contract/calibrationChannelSchema'

/**
 * `calibrate --json`'s output from the service's `calibration:run` reply, checked against the
 * contract: the stored calibration in its JSON form (residuals null when not measurable) at the top
 * level, the residual in centimetres, the file it went to, and the model run.
 */
export function calibrateJson(result: CalibrationRunResult): CalibrateCliResult {
  const { calibration, path, movedAsidePath, modelRun, warnings } = result
  return calibrateCliResultSchema.parse({
    ...calibration,
    residualCm: calibration.residualRmsM === null ? null : calibration.residualRmsM * 100,
    path,
    ...(movedAsidePath !== undefined ? { movedAsidePath } : {}),
    model: modelRun,
    warnings,
  })
}
