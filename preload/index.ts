import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from '../main/contract/channelNames'

/**
 * The only bridge between the sandboxed renderer and the main process: `window.spatial.invoke`,
 * limited to the contract's channels, and `window.spatial.on`, limited to the contract's events
 * (both built from the contract's name lists, so no name is written twice). The main process
 * validates every input, the renderer every event; raw ipcRenderer is never exposed.
 */
const api = {
  channels: [...CHANNEL_NAMES],
  events: [...EVENT_NAMES],
  invoke(channel: ChannelName, input: unknown): Promise<unknown> {
    if (!(CHANNEL_NAMES as readonly string[]).includes(channel)) return Promise.reject(new Error(`unknown channel "${String(channel)}"`))
    return ipcRenderer.invoke(channel, input)
  },
  /** Calls `listener` with each payload of `event`; returns the function that stops it. */
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event "${String(event)}"`)
    // The IPC event object (sender, ports) stays here: the renderer gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  },
}

contextBridge.exposeInMainWorld('spatial', api)
