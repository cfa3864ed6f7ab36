/**
 * The client side of `node bench/load.js`: N WebSocket clients against one `spatial-lens serve`, each analysing
 * the embedded sample and asking questions about its own scene, all at once. Returns every call's latency and
 * outcome. Bundled by esbuild (it imports the contract's binary codec), run by bench/load.js.
 */
import { WebSocket } from 'ws'
import { decodeMessage, encodeMessage } from '../main/contract/binaryCodec'

export interface CallResult {
  channel: string
  ms: number
  ok: boolean
  error?: string
}

const QUESTIONS = [
  'how far is the laptop from the book',
  'how tall is the laptop',
  'is the book left of the laptop',
  'which is closer to the camera, the laptop or the book',
  'how high is the laptop above the floor',
]

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.binaryType = 'nodebuffer'
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** One client: a private request counter and a map of pending replies. */
function client(socket: WebSocket) {
  let next = 1
  const pending = new Map<
    number,
    (reply: { ok: boolean; value?: any; error?: { message: string } }) => void
  >()
  socket.on('message', (data: Buffer) => {
    const reply = decodeMessage(new Uint8Array(data)) as { id?: number; ok: boolean }
    if (typeof reply.id === 'number') pending.get(reply.id)?.(reply)
    pending.delete(reply.id as number)
  })
  return async (channel: string, input: unknown, results: CallResult[]): Promise<any> => {
    const id = next++
    const started = performance.now()
    const reply = await new Promise<{ ok: boolean; value?: any; error?: { message: string } }>(
      (resolve) => {
        pending.set(id, resolve)
        socket.send(encodeMessage({ id, channel, input }))
      },
    )
    results.push({
      channel,
      ms: performance.now() - started,
      ok: reply.ok,
      error: reply.ok ? undefined : reply.error?.message,
    })
    return reply.ok ? reply.value : null
  }
}

/** `clients` clients at once; each does `rounds` × (analyse the sample, then ask every question). */
export async function runLoad(
  wsUrl: string,
  clients: number,
  rounds: number,
): Promise<CallResult[]> {
  const results: CallResult[] = []
  const sockets = await Promise.all(Array.from({ length: clients }, () => open(wsUrl)))
  try {
    await Promise.all(
      sockets.map(async (socket) => {
        const call = client(socket)
        for (let round = 0; round < rounds; round++) {
          const analysed = await call('scene:analyze', { frame: { kind: 'sample' } }, results)
          if (!analysed) continue
          const sceneId = analysed.summary.sceneId as string
          await Promise.all(
            QUESTIONS.map((question) => call('qa:ask', { sceneId, question }, results)),
          )
        }
      }),
    )
  } finally {
    for (const socket of sockets) socket.close()
  }
  return results
}
