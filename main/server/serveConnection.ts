import type { WebSocket, RawData } from 'ws'
import { z } from 'zod'
import { channels, type Channel, type ErrorReply } from '../contract/channels'
import { decodeMessage, encodeMessage } from '../contract/binaryCodec'
import type { ServiceEventListener } from '../services/ServiceEvents'
import type { ClientSession } from '../services/ClientScenes'
import { InFlightBudget } from './InFlightBudget'
import type { ServerLimits } from './serverLimits'

/** What `serve` needs of the services (SpatialService fits; tests pass stand-ins). */
export interface ServedService {
  handle(
    channel: Channel,
    input: unknown,
    client?: ClientSession,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: ErrorReply }>
  subscribe(listener: ServiceEventListener): () => void
  openClient(): ClientSession
}

const requestSchema = z.object({
  id: z.number().int(),
  channel: z.enum(channels as [Channel, ...Channel[]]),
  input: z.unknown(),
})

/**
 * One WebSocket connection: requests `{id, channel, input}` answered `{id, ok, value | error}`,
 * with the connection's own scenes, within its in-flight budget. A malformed frame (RSV bits, an
 * unknown opcode, an unmasked frame, one over the size limit) is an 'error' on the socket, after
 * which ws closes it with the matching code (1002, 1009): it is listened to, so it ends this
 * connection only (without a listener Node throws it and the whole server dies).
 */
export function serveConnection(
  service: ServedService,
  socket: WebSocket,
  limits: ServerLimits,
  onClientError: (message: string) => void,
): void {
  const client = service.openClient()
  const budget = new InFlightBudget(limits, {
    pause: () => socket.pause(),
    resume: () => socket.resume(),
  })
  socket.on('error', (error) => onClientError(`closed a connection: ${error.message}`))
  socket.once('close', () => client.close())
  socket.on('message', (data) => {
    const bytes = asBytes(data)
    const size = bytes?.byteLength ?? 0
    if (!budget.admit(size)) {
      send(socket, { id: requestId(bytes), ok: false, error: { message: budget.describe() } })
      return
    }
    void answer(service, client, bytes).then((reply) =>
      send(socket, reply, () => budget.release(size)),
    )
  })
}

async function answer(
  service: ServedService,
  client: ClientSession,
  bytes: Uint8Array | null,
): Promise<object> {
  let id: number | null = null
  try {
    if (!bytes) throw new Error('expected one binary message')
    const parsed = requestSchema.safeParse(decodeMessage(bytes))
    if (!parsed.success) {
      id = parsed.error.issues[0]?.path[0] === 'id' ? null : requestId(bytes)
      const issue = parsed.error.issues[0]
      throw new Error(`malformed request: ${issue?.path.join('.')}: ${issue?.message}`)
    }
    id = parsed.data.id
    const result = await service.handle(parsed.data.channel, parsed.data.input, client)
    return result.ok
      ? { id, ok: true, value: result.value }
      : { id, ok: false, error: result.error }
  } catch (error) {
    return { id, ok: false, error: { message: (error as Error).message } }
  }
}

/** Sends a reply; `done` runs once it is handed to the socket, or the socket is gone. */
function send(socket: WebSocket, reply: object, done?: () => void): void {
  let frame: Uint8Array
  try {
    frame = encodeMessage(reply)
  } catch (error) {
    const id = (reply as { id?: unknown }).id ?? null
    frame = encodeMessage({
      id,
      ok: false,
      error: { message: `the reply could not be encoded: ${(error as Error).message}` },
    })
  }
  socket.send(frame, () => done?.())
}

function asBytes(data: RawData): Uint8Array | null {
  return data instanceof Buffer
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : null
}

/** The request's id when the message decodes to an object with a numeric one, else null. */
function requestId(bytes: Uint8Array | null): number | null {
  if (!bytes) return null
  try {
    const id = (decodeMessage(bytes) as { id?: unknown } | null)?.id
    return typeof id === 'number' && Number.isInteger(id) ? id : null
  } catch {
    return null
  }
}
