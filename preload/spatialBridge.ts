import { CHANNEL_NAMES, type ChannelName, type SpatialBridge } from '../main/contract/channelNames'

/**
 * One function per contract channel, built by iterating the channel list (no name written twice).
 * The renderer can reach no other channel: there is no generic send or raw ipcRenderer.
 */
export function buildSpatialBridge(invoke: (channel: ChannelName, input: unknown) => Promise<unknown>): SpatialBridge {
  const bridge: Partial<Record<ChannelName, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) bridge[channel] = (input) => invoke(channel, input)
  return Object.freeze(bridge as SpatialBridge)
}
