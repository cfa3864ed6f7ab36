import type { ExecutionProviderName } from '../inference/types'
import { CalibrationStore } from '../calibration/CalibrationStore'
import { savedWarnings } from '../calibration/calibrateDepthModel'
import { toJson, type StoredCalibration } from '../contract/calibrationSchema'
import type {
  CalibrationJson,
  CalibrationMethodInput,
  CalibrationRunResult,
} from '../contract/calibrationChannelSchema'
import type { SceneExecutor } from '../workers/sceneExecutor'
import { planFit, type CalibrationSubject } from './calibrationFitRequest'

export type { CalibrationScene, CalibrationSubject } from './calibrationFitRequest'

/**
 * `calibration:list`, `calibration:run` and `calibration:remove`: depth calibrations for every host
 * (the app on a kept scene, the CLI on a frame it read). The depth model runs in the scene executor
 * (a worker in the app and `serve`, inline in the CLI); the fit is saved here, so every write to the
 * calibration files goes through this thread's store and its locks.
 */
export class CalibrationService {
  constructor(
    private readonly executor: SceneExecutor,
    private readonly store: CalibrationStore = new CalibrationStore(),
  ) {}

  async list(): Promise<{
    calibrations: CalibrationJson[]
    problems: { path: string; message: string }[]
  }> {
    const listing = await this.store.list()
    return { calibrations: listing.calibrations.map(toCalibrationJson), problems: listing.problems }
  }

  async run(
    subject: CalibrationSubject,
    input: {
      modelId: string
      method: CalibrationMethodInput
      note?: string
      provider?: ExecutionProviderName
    },
  ): Promise<CalibrationRunResult> {
    const { request, cameraId, frameName } = planFit(subject, input)
    const fit = await this.executor.fitCalibration(request)
    const note =
      input.note?.trim() ||
      defaultNote(frameName, input.method) + (subject.kind === 'scene' ? ' (app)' : '')
    const saved = await this.store.save({
      cameraId,
      modelId: input.modelId,
      calibration: fit.fitted,
      note,
    })
    return {
      calibration: toCalibrationJson(saved.calibration),
      path: saved.path,
      ...(saved.movedAsidePath !== undefined ? { movedAsidePath: saved.movedAsidePath } : {}),
      warnings: savedWarnings({ cameraId }, saved, fit.warnings),
      modelRun: fit.modelRun,
    }
  }

  async remove(input: { cameraId: string; modelId: string }): Promise<{ isRemoved: boolean }> {
    return { isRemoved: await this.store.remove(input.cameraId, input.modelId) }
  }
}

function defaultNote(frameName: string, method: CalibrationMethodInput): string {
  switch (method.kind) {
    case 'rgbd-frame':
      return `sensor depth of ${frameName}`
    case 'known-distance':
      return `known distance ${method.distanceM} m in ${frameName}`
    case 'known-pixel-distances':
      return `known distance(s) ${method.distances.map((d) => `${d.distanceM} m`).join(', ')} in ${frameName}`
    case 'known-size':
      return `known ${method.axis} ${method.sizeM} m in ${frameName}`
  }
}

function toCalibrationJson(c: StoredCalibration): CalibrationJson {
  return { cameraId: c.cameraId, ...toJson(c) }
}
