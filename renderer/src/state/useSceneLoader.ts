import { useCallback, useRef, useState } from 'react'
import type { SceneResult } from '../../../main/contract/channels'
import type { SpatialClient } from '../client/SpatialClient'
import type { FrameInput } from './frameFiles'
import { toUiError, type UiError } from './uiError'

/** A scene on screen and where it came from. */
export interface LoadedScene {
  result: SceneResult
  sourceName: string
}

export interface SceneLoader {
  scene: LoadedScene | null
  /** Name of the frame being analysed, or null when idle. */
  loadingName: string | null
  /** Analyses a frame; `makeFrame` may read files and throw (shown in the banner like service errors). */
  load(sourceName: string, makeFrame: () => Promise<FrameInput>): Promise<void>
  loadSample(): Promise<void>
}

export const SAMPLE_SOURCE_NAME = 'Sample: PCL Kinect frame'

const SAMPLE_HINT =
  'Check that `spatial-lens serve` is still running and was built (`npm run build`), then press Load sample.'
const UPLOAD_HINT =
  'Use a PNG or JPEG colour image, a 16-bit depth PNG of the same size (set the depth scale if it is not millimetres) and an intrinsics JSON with width, height, fx, fy, cx, cy — or press Load sample to see a working scene.'

/**
 * Loads scenes through `scene:analyze`. The latest request wins: a slow earlier reply never replaces
 * a newer scene. Failures go to `reportError` (the banner) and leave the current scene in place.
 */
export function useSceneLoader(
  client: SpatialClient,
  reportError: (error: UiError | null) => void,
): SceneLoader {
  const [scene, setScene] = useState<LoadedScene | null>(null)
  const [loadingName, setLoadingName] = useState<string | null>(null)
  const latestRequest = useRef(0)

  const load = useCallback(
    async (sourceName: string, makeFrame: () => Promise<FrameInput>) => {
      const request = ++latestRequest.current
      setLoadingName(sourceName)
      reportError(null)
      try {
        const result = await client.invoke('scene:analyze', {
          frame: await makeFrame(),
          regions: [],
        })
        if (request === latestRequest.current) setScene({ result, sourceName })
      } catch (error) {
        if (request !== latestRequest.current) return
        const isSample = sourceName === SAMPLE_SOURCE_NAME
        reportError(
          toUiError(error, {
            title: isSample ? 'Could not load the sample scene' : `Could not analyze ${sourceName}`,
            hint: isSample ? SAMPLE_HINT : UPLOAD_HINT,
            offersSample: !isSample,
          }),
        )
      } finally {
        if (request === latestRequest.current) setLoadingName(null)
      }
    },
    [client, reportError],
  )

  const loadSample = useCallback(
    () => load(SAMPLE_SOURCE_NAME, async () => ({ kind: 'sample' })),
    [load],
  )

  return { scene, loadingName, load, loadSample }
}
