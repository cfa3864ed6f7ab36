import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket, type RawData } from 'ws'
import { z } from 'zod'
import { channels, type Channel } from '../contract/channels'
import { decodeMessage, encodeMessage } from '../contract/binaryCodec'
import type { SpatialService } from '../services/SpatialService'
import { serveStatic } from './staticFiles'

export interface ServerOptions {
  port: number
  host: string
  rendererDirectory: string | null
}

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** Largest accepted WebSocket message: a 1280×960 RGB-D upload with room to spare. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024

const requestSchema = z.object({
  id: z.number().int(),
  channel: z.enum(channels as [Channel, ...Channel[]]),
  input: z.unknown(),
})

/**
 * `serve`: the UI over HTTP and the contract over one WebSocket (/ws), binary-framed so typed arrays
 * travel as bytes: requests `{id, channel, input}`, replies `{id, ok, value | error}`, and server
 * events `{event, payload}` (no id). Same services as the Electron host; no logic here.
 */
export function startServer(service: SpatialService, options: ServerOptions): Promise<RunningServer> {
  const server = createServer((request, response) => {
    serveStatic(options.rendererDirectory, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  const sockets = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    // Browsers send Origin: refuse pages from other sites driving a local robot's camera.
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => !origin || safeHost(origin) === req.headers.host,
  })
  sockets.on('connection', (socket) => socket.on('message', (data) => void reply(service, socket, data)))
  // Events go to every open UI: a download started in one window shows its progress in all.
  const unsubscribe = service.subscribe((event, payload) => {
    const frame = encodeMessage({ event, payload })
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo
      const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
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

async function reply(service: SpatialService, socket: WebSocket, data: RawData): Promise<void> {
  let id: number | null = null
  try {
    const bytes = data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
    if (!bytes) throw new Error('expected one binary message')
    const parsed = requestSchema.safeParse(decodeMessage(bytes))
    if (!parsed.success) {
      id = (parsed.error.issues[0]?.path[0] === 'id' ? null : ((decodeMessage(bytes) as { id?: number }).id ?? null))
      throw new Error(`malformed request: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`)
    }
    id = parsed.data.id
    const result = await service.handle(parsed.data.channel, parsed.data.input)
    socket.send(encodeMessage(result.ok ? { id, ok: true, value: result.value } : { id, ok: false, error: result.error }))
  } catch (error) {
    socket.send(encodeMessage({ id, ok: false, error: { message: (error as Error).message } }))
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}
