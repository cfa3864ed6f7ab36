import { contextBridge, ipcRenderer } from 'electron'
import { channels, type Channel } from '../main/contract/channels'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial.invoke`,
 * limited to the contract's channels (built by iterating it, so no channel name is written twice).
 * The main process validates every input; raw ipcRenderer is never exposed.
 */
const api = {
  channels: [...channels],
  invoke(channel: Channel, input: unknown): Promise<unknown> {
    if (!channels.includes(channel)) return Promise.reject(new Error(`unknown channel "${String(channel)}"`))
    return ipcRenderer.invoke(channel, input)
  },
}

contextBridge.exposeInMainWorld('spatial', api)
