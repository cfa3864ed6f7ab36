import type { DepthImage, RgbImage, Scene, Vec3 } from '../engine/types'
import { pixelOfWorldPoint } from '../engine/reasoning/pointQuery'
import type { ExecutionProviderName } from '../inference/types'
import type { CalibrationMethodInput } from '../contract/calibrationChannelSchema'
import type { RawFrameInput } from '../contract/rawFrameSchema'
import type { CalibrationFitRequest } from '../workers/contract/taskSchemas'
import { assertPixelLimit } from '../sources/pixelLimit'
import { UserError } from '../app/userError'

/**
 * Turns a `calibration:run` request into the scene worker's fit request: which image, intrinsics
 * and sensor depth the depth model is fitted on, and the method in pixels. Every request that
 * cannot calibrate is a UserError saying what to do instead.
 */

/** What a calibration needs of a kept scene. */
export interface CalibrationScene {
  scene: Scene
  depth: DepthImage
  image: RgbImage
  frameName: string
  provider?: ExecutionProviderName
}

/** What a calibration is fitted on: a kept scene (the app) or a decoded frame sent with the request (the CLI). */
export type CalibrationSubject =
  { kind: 'scene'; kept: CalibrationScene } | { kind: 'frame'; frame: RawFrameInput }

/** The fit request, and the camera the fit is saved for and the frame's name (for the default note). */
export interface PlannedFit {
  request: CalibrationFitRequest
  cameraId: string
  frameName: string
}

/** See the file comment; `provider` overrides the kept scene's. */
export function planFit(
  subject: CalibrationSubject,
  input: { modelId: string; method: CalibrationMethodInput; provider?: ExecutionProviderName },
): PlannedFit {
  return subject.kind === 'scene'
    ? planSceneFit(subject.kept, input)
    : planFrameFit(subject.frame, input)
}

function planSceneFit(
  kept: CalibrationScene,
  input: { modelId: string; method: CalibrationMethodInput; provider?: ExecutionProviderName },
): PlannedFit {
  const { scene, image, depth } = kept
  const { intrinsics } = scene
  if (image.width !== intrinsics.width || image.height !== intrinsics.height) {
    throw new UserError(
      `this frame is ${intrinsics.width}×${intrinsics.height}, larger than the app keeps for calibrating; ` +
        "use `npx spatial-lens calibrate` with the frame's files",
    )
  }
  const base = {
    modelId: input.modelId,
    provider: input.provider ?? kept.provider,
    image,
    intrinsics,
  }
  const planned = { cameraId: scene.cameraId, frameName: kept.frameName }
  const { method } = input
  if (method.kind === 'rgbd-frame') {
    const modelDepth = scene.provenance.depthProvenance
    if (modelDepth) {
      throw new UserError(
        `this frame's depth came from ${modelDepth.modelId}, not a sensor, so it cannot calibrate a model: ` +
          'open an RGB-D frame from this camera, or use a known distance',
      )
    }
    return { ...planned, request: { ...base, depth, method: { kind: 'rgbd-frame' } } }
  }
  if (method.kind !== 'known-distance') {
    return { ...planned, request: { ...base, method: pixelMethod(method) } }
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
    ...planned,
    request: {
      ...base,
      method: { kind: 'known-distance', distances: [{ a, b, distanceM: method.distanceM }] },
    },
  }
}

function planFrameFit(
  frame: RawFrameInput,
  input: { modelId: string; method: CalibrationMethodInput; provider?: ExecutionProviderName },
): PlannedFit {
  // The contract checked the sizes agree; the pixel limit is the machine's, as for analysed frames.
  assertPixelLimit(frame.rgb.width, frame.rgb.height, frame.name)
  const base = {
    modelId: input.modelId,
    provider: input.provider,
    image: frame.rgb,
    intrinsics: frame.intrinsics,
  }
  const planned = { cameraId: frame.cameraId, frameName: frame.name }
  const { method } = input
  if (method.kind === 'rgbd-frame') {
    if (!frame.depth) {
      throw new UserError(
        `${frame.name} has no depth image, so it cannot calibrate from sensor depth: ` +
          'send its registered depth (metres) with it, or use known distances or a known size',
      )
    }
    return { ...planned, request: { ...base, depth: frame.depth, method: { kind: 'rgbd-frame' } } }
  }
  if (method.kind === 'known-distance') {
    throw new UserError(
      'a known distance between world points needs a kept scene (sceneId): ' +
        'for a frame sent with the request, give the two pixels (known-pixel-distances)',
    )
  }
  return { ...planned, request: { ...base, method: pixelMethod(method) } }
}

/** The pixel methods as the fit takes them (main/calibration/calibrateDepthModel's CalibrationMethod). */
function pixelMethod(
  method: Extract<CalibrationMethodInput, { kind: 'known-pixel-distances' | 'known-size' }>,
): CalibrationFitRequest['method'] {
  if (method.kind === 'known-pixel-distances')
    return { kind: 'known-distance', distances: method.distances }
  return {
    kind: 'known-size',
    size: { region: { box: method.box }, axis: method.axis, sizeM: method.sizeM },
  }
}
