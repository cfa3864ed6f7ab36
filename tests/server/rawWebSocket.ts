/**
 * A WebSocket client written by hand over a TCP socket, for the frames no well-behaved library
 * sends: RSV bits, unknown opcodes, unmasked client frames, lengths beyond any limit, and
 * handshakes with chosen Host and Origin headers. Talks to 127.0.0.1 only.
 */
import { connect, type Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { WebSocket } from 'ws'
import { decodeMessage, encodeMessage } from '../../main/contract/binaryCodec'

export interface RawConnection {
  /** The handshake's HTTP status (101 when upgraded). */
  status: number
  socket: Socket
  /** Bytes received after the handshake's headers. */
  received(): Buffer
  /** Resolves when the server ends the TCP connection. */
  ended: Promise<void>
}

/** Sends an upgrade request to /ws with these headers (Host defaults to 127.0.0.1:port). */
export function rawHandshake(
  port: number,
  headers: Record<string, string> = {},
): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let buffer = Buffer.alloc(0)
    let headerEnd = -1
    const ended = new Promise<void>((done) => socket.once('close', () => done()))
    socket.on('error', () => undefined)
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      if (headerEnd >= 0) return
      headerEnd = buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.toString('latin1'))?.[1])
      resolve({ status, socket, received: () => buffer.subarray(headerEnd + 4), ended })
    })
    socket.once('close', () => reject(new Error('closed before a handshake reply')))
    const lines = {
      Host: `127.0.0.1:${port}`,
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      'Sec-WebSocket-Version': '13',
      ...headers,
    }
    socket.write(
      `GET /ws HTTP/1.1\r\n${Object.entries(lines)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    )
  })
}

export interface FrameSpec {
  opcode: number
  payload?: Buffer
  /** RSV1..3 as bits 0b100, 0b010, 0b001. */
  rsv?: number
  isMasked?: boolean
  /** A length to declare instead of the payload's (the payload sent stays as given). */
  declaredLength?: number
}

/** One frame as RFC 6455 §5.2 lays it out (FIN set). */
export function frame({
  opcode,
  payload = Buffer.alloc(0),
  rsv = 0,
  isMasked = true,
  declaredLength,
}: FrameSpec): Buffer {
  const length = declaredLength ?? payload.length
  const head = [0x80 | (rsv << 4) | opcode]
  const maskBit = isMasked ? 0x80 : 0
  let extended = Buffer.alloc(0)
  if (length < 126) head.push(maskBit | length)
  else if (length < 65536) {
    head.push(maskBit | 126)
    extended = Buffer.alloc(2)
    extended.writeUInt16BE(length)
  } else {
    head.push(maskBit | 127)
    extended = Buffer.alloc(8)
    extended.writeBigUInt64BE(BigInt(length))
  }
  if (!isMasked) return Buffer.concat([Buffer.from(head), extended, payload])
  const mask = randomBytes(4)
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]))
  return Buffer.concat([Buffer.from(head), extended, mask, masked])
}

/** The close code of the server's close frame among the bytes received, or null when none. */
export function closeCode(bytes: Buffer): number | null {
  for (let offset = 0; offset + 2 <= bytes.length;) {
    const opcode = bytes[offset] & 0x0f
    const length = bytes[offset + 1] & 0x7f
    if (length >= 126) return null // the server sends only short frames in these tests
    if (opcode === 0x8) return length >= 2 ? bytes.readUInt16BE(offset + 2) : null
    offset += 2 + length
  }
  return null
}

/** A well-behaved client (the ws library) on /ws, with optional headers. */
export function openClient(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}ws`, { headers })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** One request `{id, channel, input}` and its reply (matched by id). */
export function request(socket: WebSocket, channel: string, input: unknown, id = 1): Promise<any> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer) => {
      const reply = decodeMessage(new Uint8Array(data)) as { id?: number }
      if (reply.id !== id) return
      socket.off('message', onMessage)
      resolve(reply)
    }
    socket.on('message', onMessage)
    socket.once('close', (code) => reject(new Error(`closed (${code}) before the reply`)))
    socket.send(encodeMessage({ id, channel, input }))
  })
}

/** Resolves with the close code and reason the client's socket closed with. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}
