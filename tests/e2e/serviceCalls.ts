import type { Page } from 'playwright-core'
import { decodeMessage } from '../../main/contract/binaryCodec'

/** What the page asked the service over the `serve` WebSocket, in order. */
export interface ServiceCallLog {
  /** Requests sent on a channel so far. */
  count(channel: string): number
  /** The most requests on these channels that were awaiting their replies at the same time. */
  maxInFlight(channels: string[]): number
}

interface CallEvent {
  kind: 'request' | 'reply'
  id: number
  channel: string
}

/**
 * Watches the page's WebSocket frames (request `{id, channel}`, reply `{id}`, binary-framed by
 * main/contract/binaryCodec). Attach before the page opens its socket.
 */
export function recordServiceCalls(page: Page): ServiceCallLog {
  const events: CallEvent[] = []
  page.on('websocket', (socket) => {
    // Ids restart with each socket (a reload).
    const channelOf = new Map<number, string>()
    socket.on('framesent', ({ payload }) => {
      const message = decode(payload) as { id?: number; channel?: string } | null
      if (typeof message?.id !== 'number' || typeof message.channel !== 'string') return
      channelOf.set(message.id, message.channel)
      events.push({ kind: 'request', id: message.id, channel: message.channel })
    })
    socket.on('framereceived', ({ payload }) => {
      const message = decode(payload) as { id?: number } | null
      if (typeof message?.id !== 'number') return
      events.push({ kind: 'reply', id: message.id, channel: channelOf.get(message.id) ?? '' })
    })
  })
  return {
    count: (channel) => events.filter((e) => e.kind === 'request' && e.channel === channel).length,
    maxInFlight: (channels) => {
      let inFlight = 0
      let most = 0
      for (const event of events) {
        if (!channels.includes(event.channel)) continue
        inFlight += event.kind === 'request' ? 1 : -1
        most = Math.max(most, inFlight)
      }
      return most
    },
  }
}

function decode(payload: string | Buffer): unknown {
  if (typeof payload === 'string') return null
  try {
    return decodeMessage(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength))
  } catch {
    return null
  }
}
