import { UserError } from '../app/userError'

/**
 * What `serve` accepts from its clients, in one place. Every limit has a default here, a CLI flag on
 * `spatial-lens serve`, and a line in README's "Security and limits".
 */
export interface ServerLimits {
  /**
   * Largest WebSocket message in bytes (`--max-message-mb`). Larger frames close the connection
   * with 1009 "Message Too Big" before they are buffered. The default holds a 1280×960 RGB-D pair
   * as PNG files, or an organized binary PCD of the same size, several times over.
   */
  maxMessageBytes: number
  /**
   * Bytes of requests one connection may have in flight (received, not yet answered and flushed)
   * (`--max-in-flight-mb`). Above it the server stops reading that connection (TCP back-pressure)
   * and refuses the messages already buffered with an error reply; it reads again as answers go out.
   */
  maxBytesInFlight: number
  /** Requests one connection may have in flight, whatever their size (`--max-requests-in-flight`). */
  maxRequestsInFlight: number
  /**
   * Open WebSocket connections (`--max-connections`); one more is closed at once with 1013 "Try
   * Again Later" and a reason naming the limit. Plain HTTP connections (page loads) get four times
   * as many.
   */
  maxConnections: number
  /** Scenes kept per connection for follow-up questions; the oldest goes first (`--scenes-per-client`). */
  maxScenesPerClient: number
}

const MB = 1024 * 1024

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxMessageBytes: 64 * MB,
  maxBytesInFlight: 128 * MB,
  maxRequestsInFlight: 32,
  maxConnections: 8,
  maxScenesPerClient: 16,
})

/** The CLI flag of each limit, and its unit (the flag's number is multiplied by `scale`). */
export const SERVER_LIMIT_FLAGS: Readonly<
  Record<keyof ServerLimits, { flag: string; scale: number }>
> = {
  maxMessageBytes: { flag: '--max-message-mb', scale: MB },
  maxBytesInFlight: { flag: '--max-in-flight-mb', scale: MB },
  maxRequestsInFlight: { flag: '--max-requests-in-flight', scale: 1 },
  maxConnections: { flag: '--max-connections', scale: 1 },
  maxScenesPerClient: { flag: '--scenes-per-client', scale: 1 },
}

/**
 * Limits from CLI flag values (text as typed, undefined when not given). Each must be a whole
 * number ≥ 1; a UserError names the flag otherwise.
 */
export function serverLimitsFromFlags(values: Readonly<Record<string, unknown>>): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS }
  for (const key of Object.keys(SERVER_LIMIT_FLAGS) as (keyof ServerLimits)[]) {
    const { flag, scale } = SERVER_LIMIT_FLAGS[key]
    const text = values[flag.slice(2)]
    if (typeof text !== 'string') continue
    const value = Number(text)
    if (!Number.isInteger(value) || value < 1 || value * scale > Number.MAX_SAFE_INTEGER)
      throw new UserError(`${flag} must be a whole number ≥ 1 (got "${text}")`)
    limits[key] = value * scale
  }
  if (limits.maxBytesInFlight < limits.maxMessageBytes)
    throw new UserError(
      `--max-in-flight-mb (${limits.maxBytesInFlight / MB}) must be at least --max-message-mb (${limits.maxMessageBytes / MB}): one message must fit`,
    )
  return limits
}
