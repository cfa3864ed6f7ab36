import type { SpatialBridge } from '../../../main/contract/channelNames'
import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import { parseReply } from './parseReply'
import type { SpatialClient } from './SpatialClient'

declare global {
  interface Window {
    /** Exposed by preload/index.ts in Electron: one function per contract channel. */
    spatial?: SpatialBridge
  }
}

/** Transport over Electron IPC (`window.spatial`, built by the preload from the contract). */
export class IpcClient implements SpatialClient {
  readonly transport = 'ipc' as const

  constructor(private readonly bridge: SpatialBridge) {}

  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const send = this.bridge[channel] as SpatialBridge[C] | undefined
    if (typeof send !== 'function')
      throw new Error(
        `The desktop app's bridge has no "${channel}" channel: the window and the app are different versions. Restart Spatial Lens (reinstall it if that does not help).`,
      )
    return parseReply(channel, await send(input))
  }

  dispose(): void {
    // IPC has no connection of its own to close.
  }
}
