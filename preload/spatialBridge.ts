import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  type ChannelName,
  type EventName,
  type SpatialBridge,
} from '../main/contract/channelNames'

/** How the bridge reaches the main process (ipcRenderer in the preload, fakes in tests). */
export interface BridgeTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>
  /** Delivers each payload of `event` (payload only: the IPC event object stays in the preload). */
  listen(event: EventName, listener: (payload: unknown) => void): () => void
}

/**
 * One function per contract channel, built by iterating the channel list (no name written twice),
 * and `on` for the contract's server events. The renderer can reach no other channel or event:
 * there is no generic send and no raw ipcRenderer.
 */
export function buildSpatialBridge(transport: BridgeTransport): SpatialBridge {
  const bridge: Partial<Record<ChannelName, (input: unknown) => Promise<unknown>>> & {
    on?: SpatialBridge['on']
  } = {}
  for (const channel of CHANNEL_NAMES) bridge[channel] = (input) => transport.invoke(channel, input)
  bridge.on = (event, listener) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`unknown event "${String(event)}"`)
    return transport.listen(event, listener)
  }
  return Object.freeze(bridge as SpatialBridge)
}
