import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import type { EventPayload, ServerEvent } from '../../../main/contract/events'
import { EventListeners } from './EventListeners'
import { parseReply } from './parseReply'
import type { SpatialClient } from './SpatialClient'

/** What preload/index.ts exposes as `window.spatial` in Electron. */
export interface SpatialBridge {
  channels: readonly string[]
  invoke(channel: Channel, input: unknown): Promise<unknown>
  /** Payloads arrive unvalidated: the client checks them. Returns the unsubscribe function. */
  on(event: ServerEvent, listener: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
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
    return parseReply(channel, await this.bridge.invoke(channel, input))
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
