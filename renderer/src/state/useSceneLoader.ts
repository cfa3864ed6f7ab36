import { useCallback, useRef, useState } from 'react'
import type { RegionInput, SceneResult } from '../../../main/contract/channels'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SpatialClient } from '../client/SpatialClient'
import type { FrameInput } from './frameFiles'
import { toUiError, type UiError } from './uiError'

/** A scene on screen, where it came from, and what it was analysed from (to analyse it again). */
export interface LoadedScene {
  result: SceneResult
  sourceName: string
  /** The frame as sent (file bytes, or `{kind: 'sample'}`): re-analysis sends it again; null for a frame analysed on the service's side (robot sources). */
  frame: FrameInput | null
  /** The perception settings it was analysed with. */
  perception: PerceptionSettings
  /** The user's regions it was analysed with (pixels of the intrinsics' image). */
  regions: RegionInput[]
}

/** How a load ended: its scene is on screen, it failed, or a newer load replaced it. */
export type LoadOutcome = 'shown' | 'failed' | 'superseded'

export interface LoadOptions {
  /**
   * Sees a failure first: return true when the caller handles it (e.g. live video switching to 2D
   * for a missing depth model), and the banner stays quiet.
   */
  onError?(error: unknown): boolean
}

export interface SceneLoader {
  scene: LoadedScene | null
  /** Name of the frame being analysed, or null when idle. */
  loadingName: string | null
  /** Analyses a frame; `makeFrame` may read files and throw (shown in the banner like service errors). */
  load(
    sourceName: string,
    makeFrame: () => Promise<FrameInput>,
    perception: PerceptionSettings,
    options?: LoadOptions,
  ): Promise<LoadOutcome>
  loadSample(perception: PerceptionSettings): Promise<LoadOutcome>
  /**
   * Shows a scene the service analysed on its own (a robot source's frame): it replaces any load in
   * flight, and settings or region changes do not re-analyse it (the source's next frame comes anyway).
   */
  show(sourceName: string, result: SceneResult, perception: PerceptionSettings): void
  /**
   * Analyses the current frame again with new settings: the one being analysed, else the one on
   * screen (a frame that failed while another is on screen is not retried).
   */
  reanalyze(perception: PerceptionSettings): Promise<void>
  /**
   * Analyses the current frame again with the user's regions changed by `update` (applied to the
   * latest regions, also those still being analysed). Regions stay with the frame through later
   * re-analyses; opening another frame starts without any.
   */
  changeRegions(
    update: (regions: RegionInput[]) => RegionInput[],
    perception: PerceptionSettings,
  ): Promise<void>
}

export const SAMPLE_SOURCE_NAME = 'Sample: PCL Kinect frame'

const SAMPLE_HINT =
  'Check that `npx spatial-lens serve` is still running and was built (`npm run build`), then press Load sample.'
const UPLOAD_HINT =
  'Use a PNG or JPEG colour image, a 16-bit depth PNG of the same size (set the depth scale if it is not millimetres) and an intrinsics JSON with width, height, fx, fy, cx, cy — or press Load sample to see a working scene. A colour-only frame (no depth file) needs a depth model: see Settings.'
const REGIONS_HINT =
  'Remove the region the message names or draw it again inside the image. The scene on screen is from your previous regions.'
const SETTINGS_HINT =
  'Install the model the message names, or choose another detector, depth or provider in Settings. The scene on screen is from the previous settings.'

interface FrameSource {
  sourceName: string
  frame: Promise<FrameInput>
  regions: RegionInput[]
}
type LoadReason = 'open' | 'reanalyze' | 'regions'

/**
 * Loads scenes through `scene:analyze`. The latest request wins: a slow earlier reply never replaces
 * a newer scene. Failures go to `reportError` (the banner) and leave the current scene in place.
 */
export function useSceneLoader(
  client: SpatialClient,
  reportError: (error: UiError | null) => void,
): SceneLoader {
  const state = useAnalysis(client, reportError)
  const { analyze, latestRequest, currentSource, shownSource, setLoadingName, setScene } = state

  const load = useCallback(
    (
      sourceName: string,
      makeFrame: () => Promise<FrameInput>,
      perception: PerceptionSettings,
      options?: LoadOptions,
    ) => {
      const frame = Promise.resolve().then(makeFrame)
      frame.catch(() => undefined) // reported by analyze(); a re-analysis may reuse the promise
      return analyze({ sourceName, frame, regions: [] }, perception, 'open', options)
    },
    [analyze],
  )

  const loadSample = useCallback(
    (perception: PerceptionSettings) =>
      load(SAMPLE_SOURCE_NAME, async () => ({ kind: 'sample' }), perception),
    [load],
  )

  const reanalyze = useCallback(
    async (perception: PerceptionSettings) => {
      const source = currentSource.current
      if (source) await analyze(source, perception, 'reanalyze')
    },
    [analyze, currentSource],
  )

  const changeRegions = useCallback(
    async (update: (regions: RegionInput[]) => RegionInput[], perception: PerceptionSettings) => {
      const source = currentSource.current
      if (source)
        await analyze({ ...source, regions: update(source.regions) }, perception, 'regions')
    },
    [analyze, currentSource],
  )

  const show = useCallback(
    (sourceName: string, result: SceneResult, perception: PerceptionSettings) => {
      latestRequest.current++
      currentSource.current = null
      shownSource.current = null
      setLoadingName(null)
      setScene({ result, sourceName, frame: null, perception, regions: [] })
    },
    [latestRequest, currentSource, shownSource, setLoadingName, setScene],
  )

  const { scene, loadingName } = state
  return { scene, loadingName, load, loadSample, reanalyze, changeRegions, show }
}

/**
 * The scene on screen and the analysis in flight: `analyze` sends a frame; the latest request wins
 * (a slow earlier reply never replaces a newer scene) and failures go to `reportError`.
 */
function useAnalysis(client: SpatialClient, reportError: (error: UiError | null) => void) {
  const [scene, setScene] = useState<LoadedScene | null>(null)
  const [loadingName, setLoadingName] = useState<string | null>(null)
  const latestRequest = useRef(0)
  /** The frame of the scene on screen. */
  const shownSource = useRef<FrameSource | null>(null)
  /** What a settings change re-analyses: the frame in flight, else the one on screen. */
  const currentSource = useRef<FrameSource | null>(null)

  const analyze = useCallback(
    async (
      source: FrameSource,
      perception: PerceptionSettings,
      reason: LoadReason,
      options: LoadOptions = {},
    ): Promise<LoadOutcome> => {
      const request = ++latestRequest.current
      const { sourceName } = source
      currentSource.current = source
      setLoadingName(sourceName)
      reportError(null)
      try {
        const frame = await source.frame
        const { regions } = source
        const result = await client.invoke('scene:analyze', { frame, regions, perception })
        if (request !== latestRequest.current) return 'superseded'
        shownSource.current = source
        setScene({ result, sourceName, frame, perception, regions })
        return 'shown'
      } catch (error) {
        if (request !== latestRequest.current) return 'superseded'
        // Keep re-analysing what is on screen; before any scene, the frame that failed (the
        // settings may be what failed it, e.g. a detector model that is not installed).
        currentSource.current = shownSource.current ?? source
        if (!options.onError?.(error))
          reportError(toUiError(error, errorContext(sourceName, reason)))
        return 'failed'
      } finally {
        if (request === latestRequest.current) setLoadingName(null)
      }
    },
    [client, reportError],
  )
  return {
    scene,
    setScene,
    loadingName,
    setLoadingName,
    latestRequest,
    shownSource,
    currentSource,
    analyze,
  }
}

function errorContext(sourceName: string, reason: LoadReason): Omit<UiError, 'message'> {
  if (reason === 'regions')
    return {
      title: `Could not analyze ${sourceName} with your regions`,
      hint: REGIONS_HINT,
      offersSample: false,
    }
  if (reason === 'reanalyze')
    return {
      title: `Could not analyze ${sourceName} with the new settings`,
      hint: SETTINGS_HINT,
      offersSample: false,
    }
  const isSample = sourceName === SAMPLE_SOURCE_NAME
  return {
    title: isSample ? 'Could not load the sample scene' : `Could not analyze ${sourceName}`,
    hint: isSample ? SAMPLE_HINT : UPLOAD_HINT,
    offersSample: !isSample,
  }
}
