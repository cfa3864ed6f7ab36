/**
 * What the HTTP connector tests (Ollama, OpenAI-compatible) share around the fake server: one server
 * per describe block, and the failure checks every connector must pass the same way.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { ChatModelConnection } from '../../../main/reasoning/connectors/createChatModel.js'
import {
  describeLlmError,
  type LlmErrorKind,
  type LlmRequestError,
} from '../../../main/reasoning/connectors/llmErrors.js'
import { startFakeLlmServer, type FakeLlmServer } from './fakeLlmServer.js'

/**
 * Starts a fake server before the enclosing describe block's tests, clears its recorded requests
 * before each test and closes it after the block. The returned handle reads the live server.
 */
export function useFakeLlmServer(): FakeLlmServer {
  let started: FakeLlmServer | undefined
  beforeAll(async () => {
    started = await startFakeLlmServer()
  })
  afterAll(async () => started?.close())
  beforeEach(() => {
    if (started) started.requests.length = 0
  })
  const server = (): FakeLlmServer => {
    if (!started) throw new Error('the fake LLM server is used before beforeAll started it')
    return started
  }
  return {
    get url() {
      return server().url
    },
    get requests() {
      return server().requests
    },
    script: (...replies) => server().script(...replies),
    close: () => server().close(),
  }
}

/** Runs `body` against a fresh fake server of its own, closed afterwards whatever happens. */
export async function withFakeLlmServer(body: (server: FakeLlmServer) => Promise<void>) {
  const server = await startFakeLlmServer()
  try {
    await body(server)
  } finally {
    await server.close()
  }
}

/** Invokes the model with 'hi' and describes the error it fails with. */
async function invokeError(
  connection: ChatModelConnection,
  signal?: AbortSignal,
): Promise<LlmRequestError> {
  const error = await connection.model
    .invoke('hi', signal ? { signal } : undefined)
    .catch((e: unknown) => e)
  return describeLlmError(error, connection)
}

/** Invokes, expects an error of `kind` whose message mentions `mention`; returns the message. */
async function expectError(
  connection: ChatModelConnection,
  kind: LlmErrorKind,
  mention: string,
): Promise<string> {
  const described = await invokeError(connection)
  expect(described.kind).toBe(kind)
  expect(described.message).toContain(mention)
  return described.message
}

/** The failures every HTTP connector reports the same way; each returns the error's message. */
export const expectFailure = {
  /** Scripts an HTTP 500 and expects it reported as such, naming `endpoint`. */
  async http500(
    server: FakeLlmServer,
    connection: ChatModelConnection,
    body: string,
    endpoint: string,
  ): Promise<string> {
    server.script({ kind: 'status', status: 500, body })
    return expectError(connection, 'http', endpoint)
  },

  /** Scripts a server that never answers; `connection` must have a 300 ms time limit. */
  async timeoutAt300Ms(server: FakeLlmServer, connection: ChatModelConnection): Promise<string> {
    server.script({ kind: 'hang' })
    return expectError(connection, 'timeout', '300 ms')
  },

  /** Connects to an address where a server just closed and expects 'unreachable' naming it. */
  async refused(connect: (url: string) => ChatModelConnection): Promise<string> {
    const dead = await startFakeLlmServer()
    const url = dead.url
    await dead.close()
    return expectError(connect(url), 'unreachable', url)
  },

  /** Aborts a request to a hanging server of its own after 50 ms; expects 'cancelled'. */
  async hangCancelled(connect: (url: string) => ChatModelConnection): Promise<string> {
    const server = await startFakeLlmServer()
    try {
      server.script({ kind: 'hang' })
      const connection = connect(server.url)
      const controller = new AbortController()
      const pending = invokeError(connection, controller.signal)
      setTimeout(() => controller.abort(), 50)
      const described = await pending
      expect(described.kind).toBe('cancelled')
      return described.message
    } finally {
      await server.close()
    }
  },
}
