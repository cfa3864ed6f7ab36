import { IpcClient } from './IpcClient'
import type { SpatialClient } from './SpatialClient'
import { WebSocketClient } from './WebSocketClient'

/** The WebSocket endpoint of `spatial-lens serve`, on the host that served this page. */
export function serviceSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/** Electron IPC when the preload bridge is present, else the WebSocket of the serving host. */
export function createSpatialClient(target: Window = window): SpatialClient {
  if (target.spatial) return new IpcClient(target.spatial)
  return new WebSocketClient(serviceSocketUrl(target.location))
}
