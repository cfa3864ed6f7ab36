import type { DepthImage, RgbImage, Scene, Vec3 } from '../engine/types'
import { pixelOfWorldPoint } from '../engine/reasoning/pointQuery'
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
import type { CalibrationFitRequest } from '../workers/contract/taskSchemas'
import { UserError } from '../app/userError'

/** What a calibration needs of a kept scene. */
export interface CalibrationScene {
  scene: Scene
  depth: DepthImage
  image: RgbImage
  frameName: string
  provider?: ExecutionProviderName
}

/**
 * `calibration:list`, `calibration:run` and `calibration:remove`: depth calibrations from the app.
 * The depth model runs in the scene executor (a worker in the hosts); the fit is saved here, so
 * every write to the calibration files goes through this thread's store and its locks.
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
    kept: CalibrationScene,
    input: { modelId: string; method: CalibrationMethodInput; note?: string },
  ): Promise<CalibrationRunResult> {
    const { scene } = kept
    const fit = await this.executor.fitCalibration(fitRequest(kept, input.modelId, input.method))
    const note = input.note?.trim() || defaultNote(kept.frameName, input.method)
    const saved = await this.store.save({
      cameraId: scene.cameraId,
      modelId: input.modelId,
      calibration: fit.fitted,
      note,
    })
    return {
      calibration: toCalibrationJson(saved.calibration),
      path: saved.path,
      warnings: savedWarnings({ cameraId: scene.cameraId }, saved, fit.warnings),
      modelRun: fit.modelRun,
    }
  }

  async remove(input: { cameraId: string; modelId: string }): Promise<{ isRemoved: boolean }> {
    return { isRemoved: await this.store.remove(input.cameraId, input.modelId) }
  }
}

/** The worker's request for one kept scene; a scene that cannot calibrate is a user error saying why. */
function fitRequest(
  kept: CalibrationScene,
  modelId: string,
  method: CalibrationMethodInput,
): CalibrationFitRequest {
  const { scene, image, depth } = kept
  const { intrinsics } = scene
  if (image.width !== intrinsics.width || image.height !== intrinsics.height) {
    throw new UserError(
      `this frame is ${intrinsics.width}×${intrinsics.height}, larger than the app keeps for calibrating; ` +
        "use `npx spatial-lens calibrate` with the frame's files",
    )
  }
  const base = { modelId, provider: kept.provider, image, intrinsics }
  if (method.kind === 'rgbd-frame') {
    const modelDepth = scene.provenance.depthProvenance
    if (modelDepth) {
      throw new UserError(
        `this frame's depth came from ${modelDepth.modelId}, not a sensor, so it cannot calibrate a model: ` +
          'open an RGB-D frame from this camera, or use a known distance',
      )
    }
    return { ...base, depth, method: { kind: 'rgbd-frame' } }
  }
  const pixelOf = (point: Vec3, end: string): [number, number] => {
    const pixel = pixelOfWorldPoint(intrinsics, scene.worldFromCamera, point)
    if (!pixel)
      throw new UserError(
        `the measured ${end} point is not in this frame's image; measure two points of this frame`,
      )
    return pixel
  }
  const a = pixelOf(method.fromInWorld, 'first')
  const b = pixelOf(method.toInWorld, 'second')
  return {
    ...base,
    method: { kind: 'known-distance', distances: [{ a, b, distanceM: method.distanceM }] },
  }
}

function defaultNote(frameName: string, method: CalibrationMethodInput): string {
  if (method.kind === 'rgbd-frame') return `sensor depth of ${frameName} (app)`
  return `known distance ${method.distanceM} m in ${frameName} (app)`
}

function toCalibrationJson(c: StoredCalibration): CalibrationJson {
  return { cameraId: c.cameraId, ...toJson(c) }
}
