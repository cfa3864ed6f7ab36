import { contextBridge, ipcRenderer } from 'electron'
import { buildSpatialBridge } from './spatialBridge'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial`, one
 * function per contract channel. The main process validates every input; raw ipcRenderer is never
 * exposed. Sandboxed preloads may require only `electron`: everything else is bundled in.
 */
contextBridge.exposeInMainWorld(
  'spatial',
  buildSpatialBridge((channel, input) => ipcRenderer.invoke(channel, input)),
)
