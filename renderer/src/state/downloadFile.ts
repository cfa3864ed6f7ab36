import type { ExportFile } from '../../../main/contract/measurementSchema'

/** How long the object URL outlives the click: the download must have started reading it by then. */
const REVOKE_AFTER_MS = 60_000

/**
 * Saves bytes as a file through the browser's download (a Blob URL on a temporary anchor): works in
 * any browser on `serve`, and in Electron, which turns it into its save flow.
 */
export function downloadFile(file: ExportFile, target: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }))
  const anchor = target.createElement('a')
  anchor.href = url
  anchor.download = file.fileName
  anchor.hidden = true
  target.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
