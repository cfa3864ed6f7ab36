import { useCallback, useEffect, useRef, useState } from 'react'
import { ERROR_CODES, type Detect2dResult } from '../../../main/contract/channels'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SpatialClient } from '../client/SpatialClient'
import { serviceErrorCode } from '../client/ServiceError'
import { describeCameraProblem } from '../sources/cameraErrors'
import type { CapturedFrame } from '../sources/captureFrame'
import { intrinsicsFromHorizontalFov } from '../sources/intrinsicsFromFov'
import {
  CameraStoppedError,
  LiveSession,
  listCameras,
  type CameraDevice,
  type FrameHandler,
  type OpenedCamera,
} from '../sources/LiveSession'
import {
  loadLiveSettings,
  saveLiveSettings,
  type LiveSettings,
} from '../sources/liveSettingsStorage'
import { browserStorage } from './perceptionSettingsStorage'
import type { SceneLoader } from './useSceneLoader'
import { toUiError, type UiError } from './uiError'

/** 'scene': colour frames become 3D scenes (a depth model is installed); '2d': detections only. */
export type LiveMode = 'scene' | '2d'

/** 2D detections of one frame, numbered. */
export interface LiveDetections extends Detect2dResult {
  frameNumber: number
}

export interface LiveCamera {
  session: LiveSession
  status: 'off' | 'starting' | 'live'
  mode: LiveMode
  /** The one-time notice of 2D-only mode (which model to install), until dismissed. */
  notice: string | null
  dismissNotice(): void
  /** Frames analysed since Start (scenes or 2D detections). */
  framesAnalysed: number
  detections: LiveDetections | null
  cameras: CameraDevice[]
  settings: LiveSettings
  changeSettings(change: Partial<LiveSettings>): void
  /** Opens the camera (`deviceId`, else the one in the settings) and starts analysing frames. */
  start(deviceId?: string | null): Promise<void>
  stop(): void
}

const LIVE_HINT =
  'Check that `npx spatial-lens serve` is still running, then press Start in the webcam bar.'
const INSTALL_COMMAND = /`((?:npx )?spatial-lens models download [^`]+)`/

/**
 * The live webcam as a source: frames go to `scene:analyze` as colour-only frames (intrinsics from
 * the field of view) while a depth model is installed; when the service says none is, it says so
 * once and switches to `perception:detect2d`, drawn over the video. One frame is in flight at a
 * time (LiveSession); other failures stop the camera and show in the banner.
 */
export function useLiveCamera(
  client: SpatialClient,
  loader: SceneLoader,
  perception: PerceptionSettings,
  reportError: (error: UiError | null) => void,
): LiveCamera {
  const [session] = useState(() => new LiveSession())
  const [status, setStatus] = useState<LiveCamera['status']>('off')
  const [mode, setMode] = useState<LiveMode>('scene')
  const [notice, setNotice] = useState<string | null>(null)
  const [framesAnalysed, setFramesAnalysed] = useState(0)
  const [detections, setDetections] = useState<LiveDetections | null>(null)
  const [cameras, setCameras] = useState<CameraDevice[]>([])
  const [settings, setSettings] = useState(() => loadLiveSettings(browserStorage()))

  // The capture loop runs outside React: it reads the latest values through refs.
  const latest = useRef({ client, loader, perception, settings, reportError })
  useEffect(() => {
    latest.current = { client, loader, perception, settings, reportError }
  })
  const modeRef = useRef<LiveMode>('scene')
  const cameraName = useRef('Webcam')

  const stop = useCallback(() => {
    session.stop()
    setStatus('off')
  }, [session])

  const fail = useCallback(
    (error: unknown, title: string) => {
      stop()
      latest.current.reportError(toUiError(error, { title, hint: LIVE_HINT, offersSample: false }))
    },
    [stop],
  )

  const changeSettings = useCallback((change: Partial<LiveSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change }
      saveLiveSettings(browserStorage(), next)
      return next
    })
  }, [])

  /** Analyses a frame as a colour-only scene; returns the service's error when no depth model is installed. */
  const analyzeAsScene = useCallback(async (frame: CapturedFrame): Promise<Error | null> => {
    const { loader, perception, settings } = latest.current
    let depthMissing: Error | null = null
    const outcome = await loader.load(
      cameraName.current,
      async () => ({
        kind: 'rgbd',
        name: cameraName.current,
        colorFile: frame.bytes,
        intrinsics: intrinsicsFromHorizontalFov(frame.widthPx, frame.heightPx, settings.fovDeg),
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
  }, [])

  const detectIn2d = useCallback(async (frame: CapturedFrame, frameNumber: number) => {
    const { client, perception } = latest.current
    const result = await client.invoke('perception:detect2d', {
      image: frame.bytes,
      name: `${cameraName.current} frame`,
      perception,
    })
    setDetections({ ...result, frameNumber })
  }, [])

  const start = useCallback(
    async (deviceId?: string | null) => {
      const access = {
        isSecureContext: window.isSecureContext,
        hasMediaDevices: Boolean(navigator.mediaDevices?.getUserMedia),
      }
      setStatus('starting')
      setFramesAnalysed(0)
      setDetections(null)
      setNotice(null)
      modeRef.current = 'scene'
      setMode('scene')
      let frameNumber = 0
      const onFrame = async (frame: CapturedFrame) => {
        frameNumber++
        try {
          if (modeRef.current === 'scene') {
            const depthMissing = await analyzeAsScene(frame)
            if (depthMissing) {
              modeRef.current = '2d'
              setMode('2d')
              setNotice(twoDimensionalNotice(depthMissing))
            }
          }
          if (modeRef.current === '2d') await detectIn2d(frame, frameNumber)
          setFramesAnalysed((count) => count + 1)
        } catch (error) {
          if (error instanceof ShownFailure) stop()
          else fail(error, 'Live detection stopped')
        }
      }
      try {
        if (!access.hasMediaDevices) throw new Error('navigator.mediaDevices is unavailable')
        const opened = await openCamera(
          session,
          deviceId ?? latest.current.settings.deviceId,
          onFrame,
        )
        cameraName.current = opened.label
        setStatus('live')
        setCameras(await listCameras())
        if (opened.deviceId) changeSettings({ deviceId: opened.deviceId })
      } catch (error) {
        // Stopped while the permission prompt was open: nothing went wrong.
        if (error instanceof CameraStoppedError) return
        setStatus('off')
        const problem = describeCameraProblem(error, access)
        latest.current.reportError({
          title: problem.title,
          message: (error as Error)?.message || String(error),
          hint: problem.hint,
          offersSample: false,
        })
      }
    },
    [session, analyzeAsScene, detectIn2d, fail, stop, changeSettings],
  )

  // The camera goes off with the page (or the component), never left running.
  useEffect(() => () => session.stop(), [session])

  return {
    session,
    status,
    mode,
    notice,
    dismissNotice: () => setNotice(null),
    framesAnalysed,
    detections,
    cameras,
    settings,
    changeSettings,
    start,
    stop,
  }
}

/** Opens the chosen camera; one that is gone (unplugged since it was stored) gives way to the default. */
async function openCamera(
  session: LiveSession,
  deviceId: string | null,
  onFrame: FrameHandler,
): Promise<OpenedCamera> {
  try {
    return await session.start(deviceId, onFrame)
  } catch (error) {
    const name = (error as { name?: unknown })?.name
    if (!deviceId || (name !== 'OverconstrainedError' && name !== 'NotFoundError')) throw error
    return session.start(null, onFrame)
  }
}

/** A failure the loader already showed in the banner: the camera just stops. */
class ShownFailure extends Error {}

function twoDimensionalNotice(error: unknown): string {
  const command = INSTALL_COMMAND.exec(error instanceof Error ? error.message : '')?.[1]
  return `No depth model installed: showing 2D only. Install one with ${command ? `\`${command}\`` : 'npx spatial-lens models download <depth model>'}, then start the webcam again.`
}
