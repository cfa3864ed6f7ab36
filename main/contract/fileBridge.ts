/**
 * What the desktop app's preload exposes as `window.spatialFiles` beside `window.spatial`: the path
 * on disk of a file the user picked in an `<input type="file">` (Electron's
 * `webUtils.getPathForFile`). A sandboxed page cannot read a File's path itself; the browser served
 * by `serve` has no such object, and opens recordings from the server's --recordings list instead.
 */
export interface FileBridge {
  /**
   * Absolute path of a picked file on this computer; '' when the file has none (made in the page,
   * or dropped from another application without a path).
   */
  pathForFile(file: Blob): string
}
