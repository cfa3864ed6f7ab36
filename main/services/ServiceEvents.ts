import type { z } from 'zod'
import { describeValidationError } from '../contract/channels'
import { events, type EventPayload, type Events, type ServerEvent } from '../contract/events'

/** Receives every event the services emit (hosts forward them to the UIs). */
export type ServiceEventListener = <E extends ServerEvent>(
  event: E,
  payload: EventPayload<E>,
) => void

/**
 * Server → UI events: validated against the contract before they leave (a malformed one is a bug,
 * logged and dropped), then handed to every subscribed host. A failing host never stops the work
 * that emitted the event.
 */
export class ServiceEvents {
  private readonly listeners = new Set<ServiceEventListener>()

  subscribe(listener: ServiceEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends ServerEvent>(event: E, payload: z.input<Events[E]>): void {
    const parsed = events[event].safeParse(payload)
    if (!parsed.success) {
      console.error(
        `[spatial-lens] dropped a malformed event: ${describeValidationError(event, parsed.error).message}`,
      )
      return
    }
    for (const listener of this.listeners) {
      try {
        listener(event, parsed.data as EventPayload<E>)
      } catch (error) {
        console.error(`[spatial-lens] a ${event} listener failed:`, error)
      }
    }
  }
}
