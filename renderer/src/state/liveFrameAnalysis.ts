import { ERROR_CODES } from '../../../main/contract/channels'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { serviceErrorCode } from '../client/ServiceError'
import type { CapturedFrame } from '../sources/captureFrame'
import { intrinsicsFromHorizontalFov } from '../sources/intrinsicsFromFov'
import type { SceneLoader } from './useSceneLoader'

/** A failure the loader already showed in the banner: the camera just stops. */
export class ShownFailure extends Error {}

/** How a webcam frame becomes a colour-only scene: the camera's name and field of view. */
export interface LiveSceneInput {
  cameraName: string
  /** Horizontal field of view, degrees (the intrinsics come from it). */
  fovDeg: number
  perception: PerceptionSettings
}

/**
 * Analyses a frame as a colour-only scene through the loader; returns the service's error when no
 * depth model is installed (not shown: the caller switches to 2D), null when the scene is shown,
 * and throws ShownFailure when the loader failed and showed why.
 */
export async function analyzeFrameAsScene(
  loader: SceneLoader,
  frame: CapturedFrame,
  { cameraName, fovDeg, perception }: LiveSceneInput,
): Promise<Error | null> {
  let depthMissing: Error | null = null
  const outcome = await loader.load(
    cameraName,
    async () => ({
      kind: 'rgbd',
      name: cameraName,
      colorFile: frame.bytes,
      intrinsics: intrinsicsFromHorizontalFov(frame.widthPx, frame.heightPx, fovDeg),
    }),
    perception,
    {
      onError: (error) => {
        if (serviceErrorCode(error) !== ERROR_CODES.depthModelMissing) return false
        depthMissing = error as Error
        return true
      },
    },
  )
  if (depthMissing) return depthMissing
  if (outcome === 'failed') throw new ShownFailure()
  return null
}
