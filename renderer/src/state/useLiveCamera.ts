import { useCallback } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SpatialClient } from '../client/SpatialClient'
import type { CameraDevice, LiveSession } from '../sources/LiveSession'
import type { LiveSettings } from '../sources/liveSettingsStorage'
import { useCameraSession, type CameraStatus } from './useCameraSession'
import { useLatest } from './useLatest'
import { useLiveFrameHandler } from './useLiveFrameHandler'
import { useLiveProgress, type LiveDetections, type LiveMode } from './useLiveProgress'
import { useLiveSettings } from './useLiveSettings'
import type { SceneLoader } from './useSceneLoader'
import type { UiError } from './uiError'

export type { LiveDetections, LiveMode } from './useLiveProgress'

export interface LiveCamera {
  session: LiveSession
  status: CameraStatus
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
  const { settings, changeSettings } = useLiveSettings()
  const progress = useLiveProgress()
  // The capture loop runs outside React: it reads the latest values through refs.
  const latest = useLatest({ client, loader, perception, settings, reportError })
  const camera = useCameraSession(latest, changeSettings)
  const newFrameHandler = useLiveFrameHandler(latest, camera.cameraName, progress, camera.stop)

  const { reset } = progress
  const { start: startCamera } = camera
  const start = useCallback(
    (deviceId?: string | null) => {
      reset()
      return startCamera(deviceId, newFrameHandler())
    },
    [reset, startCamera, newFrameHandler],
  )

  return {
    session: camera.session,
    status: camera.status,
    mode: progress.mode,
    notice: progress.notice,
    dismissNotice: progress.dismissNotice,
    framesAnalysed: progress.framesAnalysed,
    detections: progress.detections,
    cameras: camera.cameras,
    settings,
    changeSettings,
    start,
    stop: camera.stop,
  }
}
