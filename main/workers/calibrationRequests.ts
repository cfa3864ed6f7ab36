import { perceptionFor } from '../perception/defaultPerception'
import { ModelStore } from '../models/ModelStore'
import {
  fitDepthCalibration,
  requireDepthModel,
  type FittedCalibration,
} from '../calibration/calibrateDepthModel'
import type { CalibrationFitRequest } from './contract/taskSchemas'

/**
 * Fitting a depth calibration where the perception sessions live (a scene worker in the hosts,
 * inline in tests): the depth model runs on the kept frame's image; the app's service saves the fit.
 * The request and reply schemas are in the worker contract (contract/taskSchemas).
 */

/** Checks the model is a depth model, runs it on the image and fits (see fitDepthCalibration). */
export async function fitCalibrationRequest(
  request: CalibrationFitRequest,
): Promise<FittedCalibration> {
  requireDepthModel(new ModelStore(), request.modelId)
  const model = await perceptionFor(request.provider).depthModel(request.modelId)
  const frame = { rgb: request.image, intrinsics: request.intrinsics, depth: request.depth }
  return fitDepthCalibration({ modelId: request.modelId, frame, method: request.method }, model)
}
