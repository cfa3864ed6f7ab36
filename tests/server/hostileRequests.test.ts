import { describe, expect, it } from 'vitest'
import { request as httpRequest } from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServedService } from '../../main/server/serveConnection'
import { ClientScenes } from '../../main/services/ClientScenes'
import { encodeMessage, decodeMessage } from '../../main/contract/binaryCodec'
import { closeCode, closed, frame, rawHandshake, request } from './rawWebSocket'
import { useServeHarness } from './serveHarness'

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

const { serve, client } = useServeHarness()

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

/** Whether a new client is kept and answered (false: the server closed it). */
async function answersOnNewClient(url: string): Promise<boolean> {
  const socket = await client(url)
  return request(socket, 'app:info', {}, 99).then(
    () => true,
    () => false,
  )
}
