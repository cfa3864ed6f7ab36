import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { encodeMessage } from '../contract/binaryCodec'
import { serveStatic } from './staticFiles'
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from './serverLimits'
import { createRequestGuard } from './requestGuard'
import { serveConnection, type ServedService } from './serveConnection'

export interface ServerOptions {
  port: number
  host: string
  rendererDirectory: string | null
  /** Limits on messages, bytes in flight and connections (defaults: DEFAULT_SERVER_LIMITS). */
  limits?: Partial<ServerLimits>
  /** Host names (besides this machine's) a browser may use to reach the server (`--allow-host`). */
  allowedHosts?: readonly string[]
  /** Origins (besides the page's own) allowed to open the WebSocket (`--allow-origin`). */
  allowedOrigins?: readonly string[]
  /** Told about each connection a client broke (malformed frame, oversize); default: silent. */
  onClientError?: (message: string) => void
}

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** WebSocket close code 1013 "Try Again Later": the connection limit is reached. */
export const CLOSE_TRY_AGAIN_LATER = 1013

/**
 * `serve`: the UI over HTTP and the contract over one WebSocket (/ws), binary-framed so typed arrays
 * travel as bytes: requests `{id, channel, input}`, replies `{id, ok, value | error}`, and server
 * events `{event, payload}` (no id). Same services as the Electron host; no logic here. Requests
 * whose Host or Origin is not allowed are refused (requestGuard), and every client is bounded by
 * the limits (serverLimits).
 */
export function startServer(
  service: ServedService,
  options: ServerOptions,
): Promise<RunningServer> {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits }
  const onClientError = options.onClientError ?? (() => undefined)
  const guard = createRequestGuard({
    boundHost: options.host,
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
  })
  const server = createServer(pageHandler(guard, options.rendererDirectory))
  // Page loads and WebSockets together; over this Node drops new TCP connections at once.
  server.maxConnections = limits.maxConnections * 4
  const sockets = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: limits.maxMessageBytes,
    verifyClient: (
      { req }: { req: IncomingMessage },
      done: (isAllowed: boolean, status?: number, reason?: string) => void,
    ) => {
      const verdict = guard(req.headers)
      if (verdict.isAllowed) done(true)
      else done(false, verdict.status, verdict.reason)
    },
  })
  // ws repeats the HTTP server's errors (EADDRINUSE, …): the listen promise below reports them.
  sockets.on('error', () => undefined)
  acceptConnections(sockets, limits, (socket) =>
    serveConnection(service, socket, limits, onClientError),
  )
  const unsubscribe = broadcastEvents(service, sockets, limits)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      resolve({
        url: serverUrl(options.host, (server.address() as AddressInfo).port),
        server,
        close: () =>
          new Promise((done) => {
            unsubscribe()
            for (const client of sockets.clients) client.terminate()
            sockets.close()
            server.close(() => done())
          }),
      })
    })
  })
}

/** HTTP requests: the UI's files, for requests whose Host and Origin the guard allows. */
function pageHandler(
  guard: ReturnType<typeof createRequestGuard>,
  rendererDirectory: string | null,
) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const verdict = guard(request.headers)
    if (!verdict.isAllowed) {
      response
        .writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${verdict.reason}\n`)
      return
    }
    serveStatic(rendererDirectory, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  }
}

/** Hands each new WebSocket to `serve`, up to the connection limit; one over it is closed with 1013. */
function acceptConnections(
  sockets: WebSocketServer,
  limits: ServerLimits,
  serve: (socket: WebSocket) => void,
): void {
  let openConnections = 0
  sockets.on('connection', (socket) => {
    if (openConnections >= limits.maxConnections) {
      socket.on('error', () => undefined)
      socket.close(
        CLOSE_TRY_AGAIN_LATER,
        `too many connections (limit ${limits.maxConnections}, --max-connections)`,
      )
      return
    }
    openConnections++
    socket.once('close', () => openConnections--)
    serve(socket)
  })
}

/**
 * Events go to every open UI: a download started in one window shows its progress in all. A client that stopped
 * reading (its unsent bytes over the in-flight limit) is dropped, not queued for. Returns the unsubscribe.
 */
function broadcastEvents(
  service: ServedService,
  sockets: WebSocketServer,
  limits: ServerLimits,
): () => void {
  return service.subscribe((event, payload) => {
    const frame = encodeMessage({ event, payload })
    for (const client of sockets.clients) {
      if (client.readyState !== client.OPEN) continue
      if (client.bufferedAmount > limits.maxBytesInFlight) client.terminate()
      else client.send(frame)
    }
  })
}

/** The URL to print: a wildcard address becomes localhost, an IPv6 one gets brackets. */
function serverUrl(boundHost: string, port: number): string {
  const bound = boundHost === '0.0.0.0' || boundHost === '::' ? 'localhost' : boundHost
  const host = bound.includes(':') ? `[${bound}]` : bound
  return `http://${host}:${port}/`
}
