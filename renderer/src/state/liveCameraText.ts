import { describeCameraProblem, type CameraAccess } from '../sources/cameraErrors'
import type { UiError } from './uiError'

const INSTALL_COMMAND = /`((?:npx )?spatial-lens models download [^`]+)`/

/** The notice of 2D-only mode, naming the install command the service's error gave (else a generic one). */
export function twoDimensionalNotice(error: unknown): string {
  const command = INSTALL_COMMAND.exec(error instanceof Error ? error.message : '')?.[1]
  return `No depth model installed: showing 2D only. Install one with ${command ? `\`${command}\`` : 'npx spatial-lens models download <depth model>'}, then start the webcam again.`
}

/** The banner's error for a camera that could not be opened: what happened and what to do. */
export function cameraStartError(error: unknown, access: CameraAccess): UiError {
  const problem = describeCameraProblem(error, access)
  return {
    title: problem.title,
    message: (error as Error)?.message || String(error),
    hint: problem.hint,
    offersSample: false,
  }
}
