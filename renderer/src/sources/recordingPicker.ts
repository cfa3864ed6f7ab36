import type { FileBridge } from '../../../main/contract/fileBridge'

declare global {
  interface Window {
    /** Exposed by preload/index.ts in the desktop app only: the path of a picked file. */
    spatialFiles?: FileBridge
  }
}

/** Recording files the service opens (MCAP, and rosbag2 SQLite through the same reader). */
export const RECORDING_ACCEPT = '.mcap,.db3'

/** The desktop app's file bridge, or null in a browser (serve lists its --recordings instead). */
export function desktopFileBridge(): FileBridge | null {
  return (globalThis as { spatialFiles?: FileBridge }).spatialFiles ?? null
}

/** What a pick in the recording file input gives: a path to open, a reason it cannot, or nothing. */
export type PickedRecording = { path: string } | { error: string } | null

/**
 * The path of the recording picked in a file input (`files` of its change event). Nothing picked
 * (the dialog was cancelled) gives null; a file without a path on this computer gives an error line
 * that says what to do instead.
 */
export function pickedRecording(
  files: ArrayLike<File> | null | undefined,
  bridge: FileBridge,
): PickedRecording {
  const file = files && files.length > 0 ? files[0] : undefined
  if (!file) return null
  const path = bridge.pathForFile(file).trim()
  if (!path)
    return {
      error: `${file.name || 'This file'} has no path on this computer (pick it from a folder, or type its path)`,
    }
  return { path }
}
