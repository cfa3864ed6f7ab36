import {
  events,
  isEventName,
  type EventPayload,
  type ServerEvent,
} from '../../../main/contract/events'
import { describeValidationError } from '../../../main/contract/channels'

type AnyListener = (payload: unknown) => void

/**
 * The UI's side of server events: listeners by event name, and the one place payloads are checked
 * against the contract on arrival. A malformed or unknown event is dropped with a console warning
 * (the app and the service may be different versions); it never reaches a listener or crashes.
 */
export class EventListeners {
  private readonly byEvent = new Map<ServerEvent, Set<AnyListener>>()

  /** Adds a listener; returns the function that removes it. */
  add<E extends ServerEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let listeners = this.byEvent.get(event)
    if (!listeners) this.byEvent.set(event, (listeners = new Set()))
    const wrapped = listener as AnyListener
    listeners.add(wrapped)
    return () => {
      listeners.delete(wrapped)
    }
  }

  /** Validates an event as it arrived from the transport and hands it to its listeners. */
  dispatch(event: unknown, payload: unknown): void {
    if (!isEventName(event)) {
      console.warn(`[spatial-lens] dropped an event with an unknown name: ${String(event)}`)
      return
    }
    const parsed = events[event].safeParse(payload)
    if (!parsed.success) {
      const { message } = describeValidationError(event, parsed.error)
      console.warn(`[spatial-lens] dropped a malformed event (${message})`)
      return
    }
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        listener(parsed.data)
      } catch (error) {
        console.warn(`[spatial-lens] a ${event} listener failed:`, error)
      }
    }
  }
}
