import { isIP } from 'node:net'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * Who may talk to `serve`, by the request's Host and Origin headers.
 *
 * Host allow-list (DNS rebinding): a page of evil.example whose name is made to resolve to
 * 127.0.0.1 sends `Host: evil.example:PORT`, and its Origin matches that Host, so comparing the two
 * proves nothing. The Host must name this machine: an IP literal (a rebinding page cannot have one
 * as its origin without being on that address), `localhost`, the bound host, or a name the user
 * allowed (`--allow-host robot.local`). Ports are not compared: an SSH tunnel may use another one.
 *
 * Origin allow-list (cross-site pages): browsers send Origin with WebSocket handshakes and
 * cross-origin requests. It must be the page's own origin (scheme http(s) and the same Host) or one
 * the user allowed (`--allow-origin https://dashboard.example`). No Origin is a non-browser client
 * (the CLI, scripts), which the Host check alone governs.
 */
export interface RequestGuardOptions {
  /** The address `serve` listens on (127.0.0.1, 0.0.0.0, a name, …). */
  boundHost: string
  /** Extra host names (no port) the user allowed. */
  allowedHosts?: readonly string[]
  /** Extra origins (scheme://host[:port]) the user allowed. */
  allowedOrigins?: readonly string[]
}

export type GuardVerdict =
  { isAllowed: true } | { isAllowed: false; status: number; reason: string }

/** Names always meaning this machine (the port is not part of them). */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1']

/** A request checker for the HTTP server and the WebSocket upgrade (same rules for both). */
export function createRequestGuard(
  options: RequestGuardOptions,
): (headers: IncomingHttpHeaders) => GuardVerdict {
  const names = new Set(
    [...LOOPBACK_NAMES, options.boundHost, ...(options.allowedHosts ?? [])].map((name) =>
      name.toLowerCase(),
    ),
  )
  const origins = new Set(
    (options.allowedOrigins ?? [])
      .map(normalisedOrigin)
      .filter((origin): origin is string => origin !== null),
  )
  return (headers) => {
    const host = headers.host
    if (!host || !isAllowedHost(host, names))
      return {
        isAllowed: false,
        status: 421,
        reason: `host "${host ?? ''}" is not allowed (start serve with --allow-host NAME to allow a name)`,
      }
    const origin = headers.origin
    if (origin === undefined) return { isAllowed: true }
    const normalised = normalisedOrigin(origin)
    if (normalised !== null && (origins.has(normalised) || isSameOrigin(normalised, host)))
      return { isAllowed: true }
    return {
      isAllowed: false,
      status: 403,
      reason: `origin "${origin}" is not allowed (start serve with --allow-origin ORIGIN to allow it)`,
    }
  }
}

/** The hostname of a Host header (`name:port`, `[v6]:port`), lower case, or null when malformed. */
export function hostnameOf(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim())
  return match ? match[1].toLowerCase() : null
}

function isAllowedHost(host: string, names: ReadonlySet<string>): boolean {
  const name = hostnameOf(host)
  if (name === null) return false
  if (names.has(name)) return true
  const bare = name.startsWith('[') ? name.slice(1, -1) : name
  return isIP(bare) !== 0
}

function isSameOrigin(origin: string, host: string): boolean {
  const url = new URL(origin)
  try {
    return url.host === new URL(`${url.protocol}//${host}`).host
  } catch {
    return false
  }
}

/** `scheme://host[:port]` as URL prints it, for http(s) only; null for anything else ('null', file:). */
function normalisedOrigin(origin: string): string | null {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}
