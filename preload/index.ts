import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { buildSpatialBridge } from './spatialBridge'
import { buildFileBridge } from './fileBridge'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial`, one
 * function per contract channel plus `on` for the contract's server events. The main process
 * validates every input, the renderer every event; raw ipcRenderer is never exposed. Sandboxed
 * preloads may require only `electron`: everything else is bundled in. `window.spatialFiles` gives
 * the path of a file picked in a file input (a recording to open), nothing else of the file system.
 */
contextBridge.exposeInMainWorld(
  'spatial',
  buildSpatialBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    listen: (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(event, forward)
      return () => {
        ipcRenderer.removeListener(event, forward)
      }
    },
  }),
)

contextBridge.exposeInMainWorld(
  'spatialFiles',
  buildFileBridge((file) => webUtils.getPathForFile(file)),
)
