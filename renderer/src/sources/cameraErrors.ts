/** What the page knows about camera access (window.isSecureContext, navigator.mediaDevices). */
export interface CameraAccess {
  isSecureContext: boolean
  hasMediaDevices: boolean
}

/** A camera failure as the banner shows it: what happened and what to do. */
export interface CameraProblem {
  title: string
  hint: string
}

const START_AGAIN = 'then press Start in the webcam bar.'

/**
 * Turns a getUserMedia failure (a DOMException name) into words and a way out. Browsers expose the
 * camera only to secure pages: `serve` reached over plain http from another machine has none.
 */
export function describeCameraProblem(error: unknown, access: CameraAccess): CameraProblem {
  if (!access.hasMediaDevices) {
    return access.isSecureContext
      ? {
          title: 'This browser gives no camera access',
          hint: 'Use a current Chromium, Chrome, Edge or Firefox, or the desktop app.',
        }
      : {
          title: 'The browser allows the camera only on secure pages',
          hint: 'Open Spatial Lens at http://localhost (on a remote robot: forward the port with ssh -L 8787:localhost:8787 and open http://localhost:8787), serve it over https, or use the desktop app.',
        }
  }
  const name = (error as { name?: unknown } | null)?.name
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        title: 'Camera permission was denied',
        hint: `Allow the camera for this page (the camera icon in the address bar, or the system's privacy settings), ${START_AGAIN}`,
      }
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return { title: 'No camera found', hint: `Connect a camera, ${START_AGAIN}` }
    case 'OverconstrainedError':
      return {
        title: 'The chosen camera is not available',
        hint: `Pick another camera in the webcam bar, ${START_AGAIN}`,
      }
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        title: 'The camera is busy or failed to start',
        hint: `Close other apps that use the camera, ${START_AGAIN}`,
      }
    default:
      return { title: 'Could not start the camera', hint: `Check the camera, ${START_AGAIN}` }
  }
}
