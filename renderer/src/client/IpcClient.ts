import type { SpatialBridge } from '../../../main/contract/channelNames'
import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import type { EventPayload, ServerEvent } from '../../../main/contract/events'
import { EventListeners } from './EventListeners'
import { parseReply } from './parseReply'
import type { SpatialClient } from './SpatialClient'

declare global {
  interface Window {
    /** Exposed by preload/index.ts in Electron: one function per contract channel, and `on`. */
    spatial?: SpatialBridge
  }
}

/** Transport over Electron IPC (`window.spatial`, built by the preload from the contract). */
export class IpcClient implements SpatialClient {
  readonly transport = 'ipc' as const
  private readonly listeners = new EventListeners()
  /** One bridge subscription per event name, made when the first listener arrives. */
  private readonly bridged = new Map<ServerEvent, () => void>()

  constructor(private readonly bridge: SpatialBridge) {}

  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const send = this.bridge[channel] as SpatialBridge[C] | undefined
    if (typeof send !== 'function')
      throw new Error(
        `The desktop app's bridge has no "${channel}" channel: the window and the app are different versions. Restart Spatial Lens (reinstall it if that does not help).`,
      )
    return parseReply(channel, await send(input))
  }

  subscribe<E extends ServerEvent>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void {
    if (!this.bridged.has(event))
      this.bridged.set(
        event,
        this.bridge.on(event, (payload) => this.listeners.dispatch(event, payload)),
      )
    return this.listeners.add(event, listener)
  }

  dispose(): void {
    for (const stop of this.bridged.values()) stop()
    this.bridged.clear()
  }
}
