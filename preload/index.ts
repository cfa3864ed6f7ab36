import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildSpatialBridge } from './spatialBridge'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial`, one
 * function per contract channel plus `on` for the contract's server events. The main process
 * validates every input, the renderer every event; raw ipcRenderer is never exposed. Sandboxed
 * preloads may require only `electron`: everything else is bundled in.
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
