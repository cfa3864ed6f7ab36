import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import {
  CameraStoppedError,
  LiveSession,
  listCameras,
  type CameraDevice,
  type FrameHandler,
  type OpenedCamera,
} from '../sources/LiveSession'
import type { LiveSettings } from '../sources/liveSettingsStorage'
import { cameraStartError } from './liveCameraText'
import type { UiError } from './uiError'

export type CameraStatus = 'off' | 'starting' | 'live'

/** The webcam itself: its LiveSession, whether it is on, the cameras there are, and its name. */
export interface CameraSession {
  session: LiveSession
  status: CameraStatus
  cameras: CameraDevice[]
  /** The opened camera's label ('Webcam' before), for frame names; read by the capture loop. */
  cameraName: RefObject<string>
  /** Opens the camera (`deviceId`, else the stored one) with `onFrame`; problems go to the banner. */
  start(deviceId: string | null | undefined, onFrame: FrameHandler): Promise<void>
  stop(): void
}

/**
 * Opens and stops the webcam. `latest` holds the current settings and banner (read when starting);
 * the camera opened is stored through `changeSettings`; it goes off with the component.
 */
export function useCameraSession(
  latest: RefObject<{ settings: LiveSettings; reportError: (error: UiError | null) => void }>,
  changeSettings: (change: Partial<LiveSettings>) => void,
): CameraSession {
  const [session] = useState(() => new LiveSession())
  const [status, setStatus] = useState<CameraStatus>('off')
  const [cameras, setCameras] = useState<CameraDevice[]>([])
  const cameraName = useRef('Webcam')

  const stop = useCallback(() => {
    session.stop()
    setStatus('off')
  }, [session])

  const start = useCallback(
    async (deviceId: string | null | undefined, onFrame: FrameHandler) => {
      const access = {
        isSecureContext: window.isSecureContext,
        hasMediaDevices: Boolean(navigator.mediaDevices?.getUserMedia),
      }
      setStatus('starting')
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
        latest.current.reportError(cameraStartError(error, access))
      }
    },
    [session, latest, changeSettings],
  )

  // The camera goes off with the page (or the component), never left running.
  useEffect(() => () => session.stop(), [session])

  return { session, status, cameras, cameraName, start, stop }
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
