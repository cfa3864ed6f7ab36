import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a route sees: the request and how many times this route was hit before. */
export type Route = (request: IncomingMessage, response: ServerResponse, hitIndex: number) => void

export interface TestServer {
  url(path: string): string
  /** Range header (or undefined) of each request, per path, in order. */
  ranges: Record<string, (string | undefined)[]>
  close(): Promise<void>
}

/** An HTTP server on 127.0.0.1 with an OS-chosen port; nothing leaves the machine. */
export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const ranges: Record<string, (string | undefined)[]> = {}
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const route = routes[path]
    const hits = (ranges[path] ??= [])
    hits.push(request.headers.range)
    if (!route) {
      response.writeHead(404).end('not found')
      return
    }
    route(request, response, hits.length - 1)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    ranges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Serves `body`, honouring a `Range: bytes=N-` header with 206 (or 416 past the end). */
export function serveWithRange(body: Buffer): Route {
  return (request, response) => {
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '')
    if (!match) {
      response.writeHead(200, { 'content-length': body.length, 'accept-ranges': 'bytes' }).end(body)
      return
    }
    const start = Number(match[1])
    if (start >= body.length) {
      response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end()
      return
    }
    response
      .writeHead(206, {
        'content-length': body.length - start,
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      })
      .end(body.subarray(start))
  }
}

/**
 * Serves the whole body (200, Range ignored) in `chunks` writes `gapMs` apart: a transfer slow enough that
 * throttled progress (10 events a second) still shows its steps.
 */
export function serveInChunks(body: Buffer, chunks: number, gapMs: number): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-length': body.length })
    const size = Math.ceil(body.length / chunks)
    const send = (start: number) => {
      if (response.destroyed) return
      const end = Math.min(body.length, start + size)
      if (end >= body.length) response.end(body.subarray(start))
      else {
        response.write(body.subarray(start, end))
        setTimeout(() => send(end), gapMs)
      }
    }
    send(0)
  }
}

/** Serves the whole body with 200 whatever the Range header says (a server without Range). */
export function serveIgnoringRange(body: Buffer): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-length': body.length }).end(body)
  }
}

/** Announces the full length, sends `sentBytes`, then drops the connection. */
export function dropMidway(body: Buffer, sentBytes: number): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-length': body.length })
    response.write(body.subarray(0, sentBytes), () => {
      setTimeout(() => response.socket?.destroy(), 20)
    })
  }
}

/** The first `failures` hits drop midway; later hits serve normally with Range. */
export function dropFirst(body: Buffer, failures: number, sentBytes: number): Route {
  const drop = dropMidway(body, sentBytes)
  const serve = serveWithRange(body)
  return (request, response, hitIndex) =>
    (hitIndex < failures ? drop : serve)(request, response, hitIndex)
}

/** Deterministic pseudo-random bytes (xorshift), so hashes are stable between runs. */
export function generatedBytes(length: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(length)
  let state = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    bytes[i] = state & 0xff
  }
  return bytes
}
