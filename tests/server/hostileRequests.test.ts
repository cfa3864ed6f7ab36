import { afterEach, describe, expect, it } from 'vitest'
import { request as httpRequest } from 'node:http'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import { startServer, type RunningServer, type ServerOptions } from '../../main/server/startServer'
import type { ServedService } from '../../main/server/serveConnection'
import { ClientScenes } from '../../main/services/ClientScenes'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/services/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { startFakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { encodeMessage, decodeMessage } from '../../main/contract/binaryCodec'
import { closeCode, closed, frame, openClient, rawHandshake, request } from './rawWebSocket'

// `serve` against requests a hostile page or client sends: malformed frames, oversize messages,
// foreign Host/Origin (DNS rebinding), connection and message floods. Every server here listens on
// 127.0.0.1 and every count is small; the service is a stand-in that answers app:info at once and
// holds scene:analyze until released, so what the server lets through can be counted.

interface Stand {
  service: ServedService
  /** scene:analyze calls being handled now, and the most at once. */
  busy: { now: number; peak: number; total: number }
  release(): void
}

function standInService(): Stand {
  let release = () => undefined as void
  const gate = new Promise<void>((done) => (release = done))
  const busy = { now: 0, peak: 0, total: 0 }
  const scenes = new ClientScenes<true>()
  const service: ServedService = {
    subscribe: () => () => undefined,
    openClient: () => scenes.open(),
    async handle(channel) {
      if (channel !== 'scene:analyze') return { ok: true, value: { name: 'Spatial Lens' } }
      busy.now++
      busy.total++
      busy.peak = Math.max(busy.peak, busy.now)
      await gate
      busy.now--
      return { ok: true, value: { analysed: true } }
    },
  }
  return { service, busy, release }
}

let running: RunningServer | undefined
const clients: WebSocket[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate()
  await running?.close()
  running = undefined
})

async function serve(
  service: ServedService,
  options: Partial<ServerOptions> = {},
): Promise<{ url: string; port: number }> {
  running = await startServer(service, {
    port: 0,
    host: '127.0.0.1',
    rendererDirectory: null,
    ...options,
  })
  return { url: running.url, port: Number(new URL(running.url).port) }
}

async function client(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = await openClient(url, headers)
  clients.push(socket)
  return socket
}

/** The server still answers a well-behaved client. */
async function expectServing(url: string): Promise<void> {
  const socket = await client(url)
  expect(await request(socket, 'app:info', {}, 7)).toEqual({
    id: 7,
    ok: true,
    value: { name: 'Spatial Lens' },
  })
}

function httpGet(
  port: number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      const csp = response.headers['content-security-policy'] as string | undefined
      response.on('end', () => resolve({ status: response.statusCode!, body, csp }))
    })
    req.once('error', reject)
    req.end()
  })
}

describe('serve: malformed WebSocket frames close their own connection only', () => {
  const payload = Buffer.from(encodeMessage({ id: 1, channel: 'app:info', input: {} }))
  it.each([
    ['RSV1 set (no extension agreed)', frame({ opcode: 0x2, rsv: 0b100, payload })],
    ['RSV2 and RSV3 set', frame({ opcode: 0x2, rsv: 0b011, payload })],
    ['unknown data opcode 0x3', frame({ opcode: 0x3, payload })],
    ['unknown control opcode 0xB', frame({ opcode: 0xb })],
    ['an unmasked client frame', frame({ opcode: 0x2, payload, isMasked: false })],
  ])(
    '%s: closed with 1002 (protocol error), the server answers the next client',
    async (_name, bytes) => {
      const errors: string[] = []
      const { url, port } = await serve(standInService().service, {
        onClientError: (message) => errors.push(message),
      })
      const raw = await rawHandshake(port)
      expect(raw.status).toBe(101)
      raw.socket.write(bytes)
      await raw.ended
      expect(closeCode(raw.received())).toBe(1002)
      expect(errors).toHaveLength(1)
      await expectServing(url)
    },
  )
})

describe('serve: messages over the size limit', () => {
  it('a frame declaring 8 GiB is refused from its header: closed with 1009, nothing buffered', async () => {
    const { url, port } = await serve(standInService().service)
    const raw = await rawHandshake(port)
    raw.socket.write(frame({ opcode: 0x2, payload: Buffer.alloc(16), declaredLength: 2 ** 33 }))
    await raw.ended
    expect(closeCode(raw.received())).toBe(1009)
    await expectServing(url)
  })

  it('the configured limit holds: one byte over closes with 1009; a message at the limit is read', async () => {
    const maxMessageBytes = 64 * 1024
    const { url } = await serve(standInService().service, { limits: { maxMessageBytes } })
    const atLimit = await client(url)
    const padding = (bytes: number) => new Uint8Array(bytes)
    const fits = encodeMessage({
      id: 3,
      channel: 'app:info',
      input: { padding: padding(maxMessageBytes - 256) },
    })
    expect(fits.byteLength).toBeLessThanOrEqual(maxMessageBytes)
    const reply = new Promise<any>((resolve) =>
      atLimit.once('message', (data: Buffer) => resolve(decodeMessage(new Uint8Array(data)))),
    )
    atLimit.send(fits)
    expect(await reply).toMatchObject({ id: 3, ok: true })

    const over = await client(url)
    const end = closed(over)
    over.send(new Uint8Array(maxMessageBytes + 1))
    expect((await end).code).toBe(1009)
    await expectServing(url)
  })
})

describe('serve: Host and Origin (DNS rebinding, cross-site pages)', () => {
  const renderer = mkdtempSync(join(tmpdir(), 'spatial-lens-ui-'))
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>the Spatial Lens UI</title>')

  it('refuses Host and Origin both evil.example:PORT over HTTP and the WebSocket upgrade', async () => {
    const { port } = await serve(standInService().service, { rendererDirectory: renderer })
    const evil = { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }
    const page = await httpGet(port, evil)
    expect(page.status).toBe(421)
    expect(page.body).not.toContain('Spatial Lens UI')
    expect(page.body).toMatch(/host "evil\.example:\d+" is not allowed.*--allow-host/)
    const upgrade = await rawHandshake(port, evil)
    expect(upgrade.status).toBe(421)
    await upgrade.ended
    // The same page from this machine's own name is served, with a policy that allows no other host.
    const own = await httpGet(port, { Host: `localhost:${port}` })
    expect(own.body).toContain('Spatial Lens UI')
    expect(own.csp).toMatch(/connect-src 'self';.*frame-ancestors 'none'/)
  })

  it.each([
    [
      'a foreign Origin with a local Host',
      403,
      { Host: '127.0.0.1:PORT', Origin: 'http://evil.example' },
    ],
    ['Origin "null" (sandboxed frame, file:)', 403, { Host: '127.0.0.1:PORT', Origin: 'null' }],
    ['a name that is not allowed', 421, { Host: 'other.local:PORT' }],
    ['a malformed Host', 421, { Host: 'a b:PORT' }],
    [
      'the page’s own origin on localhost',
      101,
      { Host: 'localhost:PORT', Origin: 'http://localhost:PORT' },
    ],
    ['[::1] without an Origin (a script, the CLI)', 101, { Host: '[::1]:PORT' }],
    ['a LAN IP address', 101, { Host: '192.168.1.20:8787', Origin: 'http://192.168.1.20:8787' }],
    [
      'an SSH tunnel’s local port',
      101,
      { Host: 'localhost:9999', Origin: 'http://localhost:9999' },
    ],
    [
      'an allowed name (--allow-host)',
      101,
      { Host: 'robot.local:PORT', Origin: 'http://robot.local:PORT' },
    ],
    [
      'an allowed origin (--allow-origin)',
      101,
      { Host: '127.0.0.1:PORT', Origin: 'https://dashboard.example' },
    ],
    [
      'an origin only like an allowed one',
      403,
      { Host: '127.0.0.1:PORT', Origin: 'https://dashboard.example.evil' },
    ],
  ])('%s: WebSocket handshake answered %i', async (_name, status, headers) => {
    const { port } = await serve(standInService().service, {
      allowedHosts: ['robot.local'],
      allowedOrigins: ['https://dashboard.example'],
    })
    const withPort = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port))]),
    )
    const raw = await rawHandshake(port, withPort)
    expect(raw.status).toBe(status)
    raw.socket.destroy()
    if (status !== 101) expect((await httpGet(port, withPort)).status).toBe(status)
  })
})

describe('serve: floods are bounded', () => {
  it('one connection more than the limit is closed with 1013 and a reason; a freed place is usable again', async () => {
    const { url } = await serve(standInService().service, { limits: { maxConnections: 3 } })
    const open = [await client(url), await client(url), await client(url)]
    const extra = await client(url)
    expect(await closed(extra)).toEqual({
      code: 1013,
      reason: 'too many connections (limit 3, --max-connections)',
    })
    expect(await request(open[2], 'app:info', {})).toMatchObject({ ok: true })
    const gone = closed(open[0])
    open[0].close()
    await gone
    // The server counts the closed one out as soon as it sees the close; then a new client stays.
    await expect.poll(() => answersOnNewClient(url)).toBe(true)
  })

  it.each([
    // 256 kB / 60 kB: the 5th message crosses the limit, and reading stops there.
    [
      '40 messages of 60 kB against 256 kB in flight',
      { maxBytesInFlight: 256 * 1024, maxMessageBytes: 64 * 1024 },
      40,
      60_000,
      5,
    ],
    ['60 small messages against 4 requests in flight', { maxRequestsInFlight: 4 }, 60, 100, 4],
  ])(
    '%s: the server handles at most the budget at once, refuses the excess, and answers another client',
    async (_name, limits, count, bytes, budget) => {
      const stand = standInService()
      const { url } = await serve(stand.service, { limits })
      const flooder = await client(url)
      const replies: any[] = []
      flooder.on('message', (data: Buffer) => replies.push(decodeMessage(new Uint8Array(data))))
      const sent = Array.from(
        { length: count },
        (_, i) =>
          new Promise<void>((done) =>
            flooder.send(
              encodeMessage({
                id: i + 1,
                channel: 'scene:analyze',
                input: { bytes: new Uint8Array(bytes) },
              }),
              () => done(),
            ),
          ),
      )
      await Promise.all(sent)
      // The server has read what it will read (its budget) and refused what was buffered with it.
      await expect.poll(() => stand.busy.now).toBeGreaterThan(0)
      await expectServing(url)
      expect(stand.busy.peak).toBeLessThanOrEqual(budget)
      stand.release()
      await expect.poll(() => replies.length, { timeout: 10_000 }).toBe(count)
      expect(replies.map((reply) => reply.id).sort((a, b) => a - b)).toEqual(
        Array.from({ length: count }, (_, i) => i + 1),
      )
      const refused = replies.filter((reply) => !reply.ok)
      for (const reply of refused)
        expect(reply.error.message).toMatch(
          /waiting for answers; the limits are .*Wait for answers/,
        )
      expect(replies.filter((reply) => reply.ok)).toHaveLength(stand.busy.total)
      expect(stand.busy.peak).toBeLessThanOrEqual(budget)
    },
  )
})

describe('serve: a burst of uploads from one client', () => {
  // The synthetic tabletop at 320×240 with two regions; each analysis is a real one (inline executor).
  const frame = (name: string) => ({
    frame: {
      kind: 'rgbd',
      name,
      colorFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_320x240_color.png'))),
      depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'))),
      intrinsics: { width: 320, height: 240, fx: 262.5, fy: 262.5, cx: 159.5, cy: 119.5 },
    },
    regions: [
      { label: 'mug', point: [141, 135] },
      { label: 'laptop', box: [75, 65, 165, 100] },
    ],
    perception: { detector: 'none' },
  })
  const question = 'how far is the mug from the laptop'

  it('does not evict another client’s scene: A still gets its answer after B uploads 20 frames', async () => {
    const home = mkdtempSync(join(tmpdir(), 'spatial-lens-burst-'))
    const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
      settings: new SettingsStore({ directory: home }),
      log: new MeasurementLog({ path: join(home, 'log.jsonl') }),
    })
    try {
      const { url } = await serve(service)
      const [a, b] = [await client(url), await client(url)]
      const analysed = await request(a, 'scene:analyze', frame('A'))
      expect(analysed.ok).toBe(true)
      const sceneA = analysed.value.summary.sceneId
      const before = await request(a, 'qa:ask', { sceneId: sceneA, question }, 2)
      expect(before.ok).toBe(true)

      const scenesB: string[] = []
      for (let i = 0; i < 20; i++) {
        const reply = await request(b, 'scene:analyze', frame(`B${i}`), 100 + i)
        expect(reply.ok).toBe(true)
        scenesB.push(reply.value.summary.sceneId)
      }
      const after = await request(a, 'qa:ask', { sceneId: sceneA, question }, 3)
      expect(after).toEqual({ ...before, id: 3 })
      // B holds its own 16 (the oldest of its 20 went first) and cannot use A's scene.
      expect((await request(b, 'qa:ask', { sceneId: scenesB[19], question }, 200)).ok).toBe(true)
      const oldest = await request(b, 'qa:ask', { sceneId: scenesB[3], question }, 201)
      expect(oldest.error.message).toMatch(/is not loaded any more/)
      expect((await request(b, 'qa:ask', { sceneId: scenesB[4], question }, 202)).ok).toBe(true)
      const foreign = await request(b, 'qa:ask', { sceneId: sceneA, question }, 203)
      expect(foreign.error.message).toMatch(/is not loaded any more/)
    } finally {
      await running?.close()
      running = undefined
      await service.dispose()
    }
  })
})

describe('serve: llm:test cannot take the saved API key elsewhere, read other servers or scan ports', () => {
  const KEY = 'sk-saved-for-server-A-0123'

  async function llmService() {
    const home = mkdtempSync(join(tmpdir(), 'spatial-lens-llm-'))
    const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
      settings: new SettingsStore({ directory: home }),
      log: new MeasurementLog({ path: join(home, 'log.jsonl') }),
    })
    const { url } = await serve(service)
    return { service, socket: await client(url) }
  }

  /** A TCP server on 127.0.0.1 that does `onConnection` to each client (not HTTP). */
  async function tcpServer(
    onConnection: (socket: import('node:net').Socket) => void,
  ): Promise<{ server: TcpServer; port: number }> {
    const server = createTcpServer(onConnection)
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    return { server, port: (server.address() as import('node:net').AddressInfo).port }
  }

  it('the saved key reaches the server it was saved for, never another one, and no server’s words come back', async () => {
    const [a, b] = [await startFakeLlmServer(), await startFakeLlmServer()]
    const { service, socket } = await llmService()
    try {
      let id = 1
      const call = async (channel: string, input: unknown) =>
        (await request(socket, channel, input, id++)).value
      await call('settings:update', {
        llm: { spec: `openai:${a.url}/v1#tiny`, apiKey: KEY, timeLimitS: 30 },
      })
      a.script({ kind: 'text', chunks: ['OK'] })
      expect(await call('llm:test', {})).toMatchObject({ isOk: true })
      expect(a.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`])

      // Another server typed in the test field: reached without the key; what it says stays there.
      b.script(
        { kind: 'text', chunks: ['SECRET-REPLY-TEXT'] },
        { kind: 'status', status: 401, body: '{"error":{"message":"SECRET-ERROR-BODY"}}' },
      )
      const answered = await call('llm:test', { spec: `openai:${b.url}/v1#tiny` })
      expect(answered).toMatchObject({ isOk: true, endpoint: `${b.url}/v1` })
      expect(answered.message).not.toContain('SECRET')
      const refused = await call('llm:test', { spec: `openai:${b.url}/v1#tiny` })
      expect(refused.isOk).toBe(false)
      expect(refused.message).toMatch(
        /answered HTTP 401 .*Check the API key\. The saved API key is kept for http:\/\/127\.0\.0\.1:\d+ only: type it again/,
      )
      expect(refused.message).not.toContain('SECRET')

      // Saving the other server without typing the key drops the key: it never goes there either.
      const settings = await call('settings:update', { llm: { spec: `openai:${b.url}/v1#tiny` } })
      expect(settings.llm.apiKey).toEqual({ source: 'none', hint: null })
      b.script({ kind: 'text', chunks: ['OK'] })
      expect(await call('llm:test', {})).toMatchObject({ isOk: true })
      // Typed with the test, the key goes where the user sent it.
      b.script({ kind: 'text', chunks: ['OK'] })
      expect(
        await call('llm:test', { spec: `openai:${b.url}/v1#tiny`, apiKey: 'sk-typed-for-B' }),
      ).toMatchObject({ isOk: true })
      const sentToB = b.requests.map((r) => r.headers.authorization)
      expect(sentToB).toHaveLength(4)
      expect(sentToB.filter((header) => header?.includes(KEY))).toEqual([])
      expect(sentToB.at(-1)).toBe('Bearer sk-typed-for-B')
      expect(a.requests).toHaveLength(1)
    } finally {
      await running?.close()
      running = undefined
      await Promise.all([a.close(), b.close(), service.dispose()])
    }
  })

  it('a closed port, a server that hangs up and one that speaks another protocol read the same', async () => {
    const closedPort = await tcpServer(() => undefined)
    await new Promise<void>((done) => closedPort.server.close(() => done()))
    const hangsUp = await tcpServer((socket) => socket.destroy())
    const ssh = await tcpServer((socket) =>
      socket.end('SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\n'),
    )
    const { service, socket } = await llmService()
    try {
      const messages: string[] = []
      for (const [i, port] of [closedPort.port, hangsUp.port, ssh.port].entries()) {
        const result = (
          await request(
            socket,
            'llm:test',
            { spec: `openai:http://127.0.0.1:${port}/v1#tiny` },
            10 + i,
          )
        ).value
        expect(result.isOk).toBe(false)
        messages.push(result.message.replace(`:${port}`, ':PORT'))
      }
      expect(new Set(messages).size).toBe(1)
      expect(messages[0]).toMatch(
        /^Could not get an answer from The OpenAI-compatible server at http:\/\/127\.0\.0\.1:PORT\/v1 within 120 s\./,
      )
      expect(messages[0]).not.toMatch(/ECONNREFUSED|ECONNRESET|SSH|Protocol mismatch/)
    } finally {
      await running?.close()
      running = undefined
      hangsUp.server.close()
      ssh.server.close()
      await service.dispose()
    }
  })
})

/** Whether a new client is kept and answered (false: the server closed it). */
async function answersOnNewClient(url: string): Promise<boolean> {
  const socket = await client(url)
  return request(socket, 'app:info', {}, 99).then(
    () => true,
    () => false,
  )
}
