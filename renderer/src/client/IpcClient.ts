import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import { parseReply } from './parseReply'
import type { SpatialClient } from './SpatialClient'

/** What preload/index.ts exposes as `window.spatial` in Electron. */
export interface SpatialBridge {
  channels: readonly string[]
  invoke(channel: Channel, input: unknown): Promise<unknown>
}

declare global {
  interface Window {
    spatial?: SpatialBridge
  }
}

/** Transport over Electron IPC (`window.spatial`, built by the preload from the contract). */
export class IpcClient implements SpatialClient {
  readonly transport = 'ipc' as const

  constructor(private readonly bridge: SpatialBridge) {}

  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    return parseReply(channel, await this.bridge.invoke(channel, input))
  }

  dispose(): void {
    // IPC has no connection of its own to close.
  }
}
