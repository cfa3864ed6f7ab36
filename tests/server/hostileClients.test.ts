import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { startFakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { request } from './rawWebSocket'
import { useServeHarness } from './serveHarness'

// `serve` with the real services against clients that get in each other's way or reach for what is
// not theirs: a burst of uploads evicting another client's scene, llm:test aimed at a server the saved
// key was not for, or used to read other servers and scan ports. Everything listens on 127.0.0.1.

const { serve, client, stop } = useServeHarness()

function newService(prefix: string): SpatialService {
  const home = mkdtempSync(join(tmpdir(), prefix))
  return new SpatialService(new InlineSceneExecutor(), 'serve', {
    settings: new SettingsStore({ directory: home }),
    log: new MeasurementLog({ path: join(home, 'log.jsonl') }),
  })
}

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
    const service = newService('spatial-lens-burst-')
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
      await stop()
      await service.dispose()
    }
  })
})

describe('serve: llm:test cannot take the saved API key elsewhere, read other servers or scan ports', () => {
  const KEY = 'sk-saved-for-server-A-0123'

  async function llmService() {
    const service = newService('spatial-lens-llm-')
    const { url } = await serve(service)
    return { service, socket: await client(url) }
  }

  /** A TCP server on 127.0.0.1 that does `onConnection` to each client (not HTTP). */
  async function tcpServer(
    onConnection: (socket: Socket) => void,
  ): Promise<{ server: TcpServer; port: number }> {
    const server = createTcpServer(onConnection)
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    return { server, port: (server.address() as AddressInfo).port }
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
      await stop()
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
      await stop()
      hangsUp.server.close()
      ssh.server.close()
      await service.dispose()
    }
  })
})
