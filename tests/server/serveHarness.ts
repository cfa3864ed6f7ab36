/**
 * One `serve` per test on 127.0.0.1 (port 0) and the clients opened against it, all closed after
 * each test. Call useServeHarness() once at the top of a test file.
 */
import { afterEach } from 'vitest'
import type { WebSocket } from 'ws'
import { startServer, type RunningServer, type ServerOptions } from '../../main/server/startServer'
import type { ServedService } from '../../main/server/serveConnection'
import { openClient } from './rawWebSocket'

export interface ServeHarness {
  serve(
    service: ServedService,
    options?: Partial<ServerOptions>,
  ): Promise<{ url: string; port: number }>
  client(url: string, headers?: Record<string, string>): Promise<WebSocket>
  /** Closes the clients and the server now (before disposing a service the test made). */
  stop(): Promise<void>
}

export function useServeHarness(): ServeHarness {
  let running: RunningServer | undefined
  const clients: WebSocket[] = []
  const stop = async () => {
    for (const client of clients.splice(0)) client.terminate()
    await running?.close()
    running = undefined
  }
  afterEach(stop)
  return {
    async serve(service, options = {}) {
      running = await startServer(service, {
        port: 0,
        host: '127.0.0.1',
        rendererDirectory: null,
        ...options,
      })
      return { url: running.url, port: Number(new URL(running.url).port) }
    },
    async client(url, headers = {}) {
      const socket = await openClient(url, headers)
      clients.push(socket)
      return socket
    },
    stop,
  }
}
