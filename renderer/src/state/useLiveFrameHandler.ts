import { useCallback, type RefObject } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SpatialClient } from '../client/SpatialClient'
import type { CapturedFrame } from '../sources/captureFrame'
import type { FrameHandler } from '../sources/LiveSession'
import type { LiveSettings } from '../sources/liveSettingsStorage'
import { twoDimensionalNotice } from './liveCameraText'
import { analyzeFrameAsScene, ShownFailure } from './liveFrameAnalysis'
import type { LiveProgress } from './useLiveProgress'
import type { SceneLoader } from './useSceneLoader'
import { toUiError, type UiError } from './uiError'

/** What the capture loop reads at each frame (it runs outside React, so through a ref). */
export interface LiveInputs {
  client: SpatialClient
  loader: SceneLoader
  perception: PerceptionSettings
  settings: LiveSettings
  reportError: (error: UiError | null) => void
}

const LIVE_HINT =
  'Check that `npx spatial-lens serve` is still running, then press Start in the webcam bar.'

/**
 * Makes the capture loop's frame handlers: each frame becomes a scene until the service says no
 * depth model is installed, then 2D detections. A failure the loader showed just stops the camera;
 * any other stops it and goes to the banner.
 */
export function useLiveFrameHandler(
  latest: RefObject<LiveInputs>,
  cameraName: RefObject<string>,
  progress: Pick<LiveProgress, 'modeRef' | 'switchTo2d' | 'countFrame' | 'setDetections'>,
  stop: () => void,
): () => FrameHandler {
  const { modeRef, switchTo2d, countFrame, setDetections } = progress

  const fail = useCallback(
    (error: unknown, title: string) => {
      stop()
      latest.current.reportError(toUiError(error, { title, hint: LIVE_HINT, offersSample: false }))
    },
    [latest, stop],
  )

  const detectIn2d = useCallback(
    async (frame: CapturedFrame, frameNumber: number) => {
      const { client, perception } = latest.current
      const result = await client.invoke('perception:detect2d', {
        image: frame.bytes,
        name: `${cameraName.current} frame`,
        perception,
      })
      setDetections({ ...result, frameNumber })
    },
    [latest, cameraName, setDetections],
  )

  return useCallback((): FrameHandler => {
    let frameNumber = 0
    return async (frame: CapturedFrame) => {
      frameNumber++
      try {
        if (modeRef.current === 'scene') {
          const { loader, perception, settings } = latest.current
          const input = { cameraName: cameraName.current, fovDeg: settings.fovDeg, perception }
          const depthMissing = await analyzeFrameAsScene(loader, frame, input)
          if (depthMissing) switchTo2d(twoDimensionalNotice(depthMissing))
        }
        if (modeRef.current === '2d') await detectIn2d(frame, frameNumber)
        countFrame()
      } catch (error) {
        if (error instanceof ShownFailure) stop()
        else fail(error, 'Live detection stopped')
      }
    }
  }, [latest, cameraName, modeRef, switchTo2d, detectIn2d, countFrame, stop, fail])
}
