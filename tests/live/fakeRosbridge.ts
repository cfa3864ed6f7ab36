/**
 * Test helper: a minimal rosbridge v2 server on 127.0.0.1 (ws). It answers the rosapi topics service call, records
 * subscriptions, and lets the test publish JSON messages to subscribed topics.
 */

import { WebSocketServer, type WebSocket } from 'ws'

export interface FakeRosbridge {
  url: string
  /** Resolves once every named topic has a subscriber on the current connection. */
  subscribed(topics: string[]): Promise<void>
  publish(topic: string, msg: unknown): void
  /** Sends raw text (for malformed frames). */
  sendRaw(text: string): void
  /** Drops the current client connection (to test reconnects). */
  dropClient(): void
  connections: number
  unsubscribed: string[]
  close(): Promise<void>
}

export async function startFakeRosbridge(
  topics: { name: string; type: string }[],
): Promise<FakeRosbridge> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  const address = wss.address()
  const port = typeof address === 'object' && address ? address.port : 0
  let client: WebSocket | null = null
  let subs = new Set<string>()
  let waiters: (() => void)[] = []
  const state = { connections: 0, unsubscribed: [] as string[] }
  wss.on('connection', (ws) => {
    client = ws
    subs = new Set()
    state.connections++
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Record<string, unknown>
      if (m.op === 'call_service' && String(m.service).replace(/^\//, '') === 'rosapi/topics') {
        ws.send(
          JSON.stringify({
            op: 'service_response',
            id: m.id,
            service: m.service,
            result: true,
            values: { topics: topics.map((t) => t.name), types: topics.map((t) => t.type) },
          }),
        )
      } else if (m.op === 'subscribe') {
        subs.add(String(m.topic))
        waiters.forEach((w) => w())
      } else if (m.op === 'unsubscribe') {
        state.unsubscribed.push(String(m.topic))
      }
    })
  })
  return {
    url: `ws://127.0.0.1:${port}`,
    get connections() {
      return state.connections
    },
    get unsubscribed() {
      return state.unsubscribed
    },
    subscribed(names) {
      return new Promise((resolve) => {
        const check = () => {
          if (names.every((n) => subs.has(n))) {
            waiters = waiters.filter((w) => w !== check)
            resolve()
          }
        }
        waiters.push(check)
        check()
      })
    },
    publish(topic, msg) {
      client?.send(JSON.stringify({ op: 'publish', topic, msg }))
    },
    sendRaw(text) {
      client?.send(text)
    },
    dropClient() {
      client?.terminate()
      client = null
      subs = new Set()
    },
    async close() {
      for (const c of wss.clients) c.terminate()
      await new Promise<void>((r) => wss.close(() => r()))
    },
  }
}

/** The topics of one RGB-D camera on the fake server. */
export interface RgbdTopics {
  color: string
  depth: string
  info: string
}

/**
 * Publishes one RGB-D frame as a ROS camera driver does: CameraInfo (fx = fy = 525, principal point at the
 * image centre), then an `rgb8` Image and a `16UC1` depth Image (millimetres), all with `header`.
 */
export function publishRgbdFrame(
  server: FakeRosbridge,
  topics: RgbdTopics,
  frame: { header: object; width: number; height: number; rgb: Uint8Array; depthMm: Uint16Array },
): void {
  const { header, width, height, rgb, depthMm } = frame
  server.publish(topics.info, {
    header,
    width,
    height,
    k: [525, 0, width / 2, 0, 525, height / 2, 0, 0, 1],
  })
  server.publish(topics.color, {
    header,
    height,
    width,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: width * 3,
    data: Buffer.from(rgb).toString('base64'),
  })
  server.publish(topics.depth, {
    header,
    height,
    width,
    encoding: '16UC1',
    is_bigendian: 0,
    step: width * 2,
    data: Buffer.from(depthMm.buffer, depthMm.byteOffset, depthMm.byteLength).toString('base64'),
  })
}
