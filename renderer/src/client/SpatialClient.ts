import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import type { EventPayload, ServerEvent } from '../../../main/contract/events'

/**
 * The renderer's only door to the services. It hides whether the transport is Electron IPC or the
 * `serve` WebSocket; replies are validated against the contract's output schema on arrival, and a
 * failed call rejects with `Error(message)` where the message is the service's user-facing line.
 */
export interface SpatialClient {
  /** Which transport carries the calls (shown in the status bar, useful in bug reports). */
  readonly transport: 'ipc' | 'websocket'
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /**
   * Listens to a server event (download progress, reasoning steps). Payloads are validated on
   * arrival; malformed ones are dropped with a warning. Returns the function that stops listening.
   */
  subscribe<E extends ServerEvent>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void
  /** Closes the connection and rejects calls still in flight. */
  dispose(): void
}
