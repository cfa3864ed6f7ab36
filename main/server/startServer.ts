import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
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
  const server = createServer((request, response) => {
    const verdict = guard(request.headers)
    if (!verdict.isAllowed) {
      response
        .writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${verdict.reason}\n`)
      return
    }
    serveStatic(options.rendererDirectory, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
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
    serveConnection(service, socket, limits, onClientError)
  })
  // Events go to every open UI: a download started in one window shows its progress in all. A
  // client that stopped reading (its unsent bytes over the in-flight limit) is dropped, not queued for.
  const unsubscribe = service.subscribe((event, payload) => {
    const frame = encodeMessage({ event, payload })
    for (const client of sockets.clients) {
      if (client.readyState !== client.OPEN) continue
      if (client.bufferedAmount > limits.maxBytesInFlight) client.terminate()
      else client.send(frame)
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo
      const bound = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
      const host = bound.includes(':') ? `[${bound}]` : bound
      resolve({
        url: `http://${host}:${address.port}/`,
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
