import type { z } from 'zod'
import type { EventName } from './channelNames'
import { modelProgressEventSchema } from './modelsSchema'
import { qaStepEventSchema } from './reasoningSchema'
import { sourceFrameEventSchema, sourceStatusEventSchema } from './sourceSchema'

/**
 * Server → UI events: name → payload schema. Hosts push them to every connected UI (WebSocket
 * frames, Electron webContents.send); the UI validates each payload on arrival and drops a
 * malformed one with a warning. Names are `domain:noun`.
 */
export const events = {
  'models:progress': modelProgressEventSchema,
  'qa:step': qaStepEventSchema,
  /** One processed frame of a robot source session (the UI keeps those of the session it opened). */
  'source:frame': sourceFrameEventSchema,
  'source:status': sourceStatusEventSchema,
} as const

export type Events = typeof events
export type ServerEvent = keyof Events
export type EventPayload<E extends ServerEvent> = z.output<Events[E]>
export const eventNames = Object.keys(events) as ServerEvent[]

export function isEventName(name: unknown): name is ServerEvent {
  return typeof name === 'string' && Object.hasOwn(events, name)
}

// Compile-time check: the preload's plain list of event names is exactly the contract's events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatchEvents: Same<EventName, ServerEvent> = true
void namesMatchEvents
