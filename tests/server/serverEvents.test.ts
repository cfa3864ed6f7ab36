import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startServer } from '../../main/server/startServer'
import { decodeMessage } from '../../main/contract/binaryCodec'
import type { SpatialService } from '../../main/services/SpatialService'
import type { ServiceEventListener } from '../../main/services/ServiceEvents'

/** Only what the host uses of the service: events out, no requests in this test. */
function stubService() {
  const listeners = new Set<ServiceEventListener>()
  const service = {
    subscribe(listener: ServiceEventListener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    handle: async () => ({ ok: false, error: { message: 'not in this test' } }),
    openClient: () => ({ id: 'client', close: () => undefined }),
  }
  const emit: ServiceEventListener = (event, payload) => listeners.forEach((l) => l(event, payload))
  return { service: service as unknown as SpatialService, emit, listeners }
}

function connect(url: string): Promise<{ socket: WebSocket; frames: unknown[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}ws`)
    const frames: unknown[] = []
    socket.on('message', (data: Buffer) => frames.push(decodeMessage(new Uint8Array(data))))
    socket.once('open', () => resolve({ socket, frames }))
    socket.once('error', reject)
  })
}

describe('serve: server events over the WebSocket', () => {
  it('sends each service event to every open socket as {event, payload}, and stops on close', async () => {
    const { service, emit, listeners } = stubService()
    const running = await startServer(service, {
      port: 0,
      host: '127.0.0.1',
      rendererDirectory: null,
    })
    const [a, b] = await Promise.all([connect(running.url), connect(running.url)])
    const payload = {
      modelId: 'm',
      phase: 'downloading',
      file: null,
      receivedBytes: 10,
      totalBytes: 100,
      bytesPerSecond: 5,
    }
    emit('models:progress', payload as never)
    await expect.poll(() => a.frames.length + b.frames.length).toBe(2)
    expect(a.frames).toEqual([{ event: 'models:progress', payload }])
    expect(b.frames).toEqual(a.frames)
    a.socket.close()
    b.socket.close()
    await running.close()
    expect(listeners.size).toBe(0)
  })
})
