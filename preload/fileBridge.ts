import type { FileBridge } from '../main/contract/fileBridge'

/**
 * `window.spatialFiles`: the path of a file picked in a file input, through Electron's
 * `webUtils.getPathForFile` (passed in, so tests need no Electron). Anything but a File, or an
 * answer that is not a string, gives '' (no path) rather than an exception in the page.
 */
export function buildFileBridge(getPathForFile: (file: File) => string): FileBridge {
  return Object.freeze({
    pathForFile(file: Blob): string {
      if (typeof File === 'undefined' || !(file instanceof File)) return ''
      const path: unknown = getPathForFile(file)
      return typeof path === 'string' ? path : ''
    },
  })
}
