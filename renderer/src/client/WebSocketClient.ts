import type { Channel, ChannelInput, ChannelOutput } from '../../../main/contract/channels'
import type { EventPayload, ServerEvent } from '../../../main/contract/events'
import { decodeMessage, encodeMessage } from '../../../main/contract/binaryCodec'
import { EventListeners } from './EventListeners'
import { parseReply } from './parseReply'
import type { SpatialClient } from './SpatialClient'

interface PendingCall {
  resolve(reply: unknown): void
  reject(error: Error): void
}

export interface WebSocketClientOptions {
  /** Connection attempts per call before giving up (the server may be restarting). */
  connectAttempts: number
  /** Wait before the second attempt; doubles after each failure. */
  retryDelayMs: number
}

const DEFAULT_OPTIONS: WebSocketClientOptions = { connectAttempts: 3, retryDelayMs: 300 }

/**
 * Transport over the `serve` WebSocket: one binary message per request `{id, channel, input}`
 * (main/contract/binaryCodec), replies matched by id, server events `{event, payload}` handed to
 * the subscribed listeners. The socket opens on the first call or subscription and reopens on the
 * next call after it drops; calls in flight when it drops are rejected.
 */
export class WebSocketClient implements SpatialClient {
  readonly transport = 'websocket' as const
  private socket: WebSocket | null = null
  private opening: Promise<WebSocket> | null = null
  private nextId = 1
  private readonly pending = new Map<number, PendingCall>()
  private readonly listeners = new EventListeners()
  private isDisposed = false

  constructor(
    private readonly url: string,
    private readonly options: WebSocketClientOptions = DEFAULT_OPTIONS,
  ) {}

  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const socket = await this.connect()
    const id = this.nextId++
    const bytes = encodeMessage({ id, channel, input })
    const reply = await new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      socket.send(bytes)
    })
    return parseReply(channel, reply)
  }

  subscribe<E extends ServerEvent>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void {
    // Events flow only over an open socket; a failure here surfaces on the next call instead.
    this.connect().catch(() => undefined)
    return this.listeners.add(event, listener)
  }

  dispose(): void {
    this.isDisposed = true
    this.socket?.close()
    this.socket = null
    this.rejectAll(new Error('The connection to the Spatial Lens service was closed by the app.'))
  }

  private connect(): Promise<WebSocket> {
    if (this.isDisposed)
      return Promise.reject(new Error('The Spatial Lens client is closed: reload the page.'))
    if (this.socket && this.socket.readyState === WebSocket.OPEN)
      return Promise.resolve(this.socket)
    this.opening ??= this.openWithRetry().finally(() => {
      this.opening = null
    })
    return this.opening
  }

  private async openWithRetry(): Promise<WebSocket> {
    let delayMs = this.options.retryDelayMs
    for (let attempt = 1; attempt <= this.options.connectAttempts; attempt++) {
      try {
        const socket = await this.openOnce()
        this.socket = socket
        return socket
      } catch {
        if (attempt < this.options.connectAttempts) await sleep(delayMs)
        delayMs *= 2
      }
    }
    throw new Error(
      `Cannot reach the Spatial Lens service at ${this.url}. Check that \`npx spatial-lens serve\` is running, then try again.`,
    )
  }

  private openOnce(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url)
      socket.binaryType = 'arraybuffer'
      socket.onopen = () => {
        socket.onerror = null
        socket.onclose = () => this.handleClose(socket)
        socket.onmessage = (event) => this.handleMessage(event.data)
        resolve(socket)
      }
      socket.onerror = () => reject(new Error('connection failed'))
      socket.onclose = () => reject(new Error('connection closed'))
    })
  }

  private handleClose(socket: WebSocket): void {
    if (this.socket !== socket) return
    this.socket = null
    this.rejectAll(
      new Error(
        'The connection to the Spatial Lens service dropped before it answered. Check that `npx spatial-lens serve` is running, then try again.',
      ),
    )
  }

  private handleMessage(data: unknown): void {
    let message: {
      id?: unknown
      ok?: unknown
      error?: { message?: unknown }
      event?: unknown
      payload?: unknown
    }
    try {
      if (!(data instanceof ArrayBuffer)) throw new Error('expected a binary message')
      message = decodeMessage(new Uint8Array(data)) as typeof message
    } catch (error) {
      this.rejectAll(
        new Error(`The service sent an unreadable message (${(error as Error).message}).`),
      )
      return
    }
    if (message && typeof message === 'object' && 'event' in message) {
      this.listeners.dispatch(message.event, message.payload)
      return
    }
    const call = typeof message.id === 'number' ? this.pending.get(message.id) : undefined
    if (call) {
      this.pending.delete(message.id as number)
      call.resolve(message)
    } else if (message.id === null && message.ok === false) {
      // The server could not read a request's id: it cannot say which call failed, so all do.
      this.rejectAll(new Error(String(message.error?.message ?? 'the service rejected a request')))
    }
  }

  private rejectAll(error: Error): void {
    const calls = [...this.pending.values()]
    this.pending.clear()
    for (const call of calls) call.reject(error)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
