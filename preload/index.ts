import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES, type ChannelName } from '../main/contract/channelNames'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial.invoke`,
 * limited to the contract's channels (built by iterating it, so no channel name is written twice).
 * The main process validates every input; raw ipcRenderer is never exposed.
 */
const api = {
  channels: [...CHANNEL_NAMES],
  invoke(channel: ChannelName, input: unknown): Promise<unknown> {
    if (!(CHANNEL_NAMES as readonly string[]).includes(channel)) return Promise.reject(new Error(`unknown channel "${String(channel)}"`))
    return ipcRenderer.invoke(channel, input)
  },
}

contextBridge.exposeInMainWorld('spatial', api)
