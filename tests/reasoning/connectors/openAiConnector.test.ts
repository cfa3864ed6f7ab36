import { describe, expect, it, vi } from 'vitest'
import { HumanMessage } from '@langchain/core/messages'
import { tool } from '@langchain/core/tools'
import { z } from 'zod'
import {
  createChatModel,
  LlmConfigError,
} from '../../../main/reasoning/connectors/createChatModel.js'
import { startFakeLlmServer } from './fakeLlmServer.js'
import { expectFailure, useFakeLlmServer } from './fakeLlmServerSuite.js'

const moveTool = tool(async () => '0.3 m', {
  name: 'what_if_move',
  description: 'Moves an object and re-measures.',
  schema: z.object({ object: z.string(), towards: z.string(), distanceM: z.number() }),
})

describe('OpenAI-compatible connector over the real @langchain/openai client', () => {
  const server = useFakeLlmServer()
  const connect = (
    options: { apiKey?: string; timeoutMs?: number; env?: Record<string, string> } = {},
  ) =>
    createChatModel(`openai:${server.url}/v1#local-model`, { env: {}, maxRetries: 0, ...options })

  it('streams a plain completion from SSE chunks and sends the model', async () => {
    server.script({ kind: 'text', chunks: ['The can ', 'is right.'] })
    const reply = await connect().model.invoke([new HumanMessage('Where is the can?')])
    expect(reply.content).toBe('The can is right.')
    const request = server.requests[0]
    expect(request.path).toBe('/v1/chat/completions')
    expect(request.body).toMatchObject({ model: 'local-model', stream: true, temperature: 0 })
    expect(request.body.messages).toEqual([{ role: 'user', content: 'Where is the can?' }])
  })

  it('yields streamed tokens in order until [DONE]', async () => {
    server.script({ kind: 'text', chunks: ['4', ' cans', ' fit'] })
    const tokens: string[] = []
    for await (const chunk of await connect().model.stream('How many?'))
      tokens.push(String(chunk.content))
    expect(tokens.filter((t) => t !== '')).toEqual(['4', ' cans', ' fit'])
  })

  it('sends the bound tool schema and assembles tool-call argument deltas', async () => {
    const args = { object: 'mug', towards: 'laptop', distanceM: 0.2 }
    server.script({ kind: 'tool', name: 'what_if_move', args, id: 'call_7' })
    const reply = await connect().model.bindTools!([moveTool]).invoke(
      'Move the mug 20 cm toward the laptop.',
    )
    expect(reply.tool_calls).toEqual([
      { name: 'what_if_move', args, id: 'call_7', type: 'tool_call' },
    ])
    const sent = server.requests[0].body.tools
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ type: 'function', function: { name: 'what_if_move' } })
    expect(sent[0].function.parameters.properties.distanceM).toEqual({ type: 'number' })
  })

  it('sends the API key from settings, else from the environment', async () => {
    server.script({ kind: 'text', chunks: ['ok'] }, { kind: 'text', chunks: ['ok'] })
    await connect({ apiKey: 'sk-from-settings', env: { OPENAI_API_KEY: 'sk-env' } }).model.invoke(
      'hi',
    )
    await connect({ env: { SPATIAL_LENS_LLM_API_KEY: 'sk-spatial' } }).model.invoke('hi')
    expect(server.requests[0].headers.authorization).toBe('Bearer sk-from-settings')
    expect(server.requests[1].headers.authorization).toBe('Bearer sk-spatial')
  })

  it('refuses the hosted API without a key, saying where to set one', () => {
    expect(() => createChatModel('openai:gpt-4o-mini', { env: {} })).toThrow(LlmConfigError)
    expect(() => createChatModel('openai:gpt-4o-mini', { env: {} })).toThrow(/OPENAI_API_KEY/)
    const hosted = createChatModel('openai:gpt-4o-mini', { env: { OPENAI_API_KEY: 'sk-x' } })
    expect(hosted.endpoint).toBe('https://api.openai.com/v1')
  })

  it('turns HTTP 500 into an error naming the endpoint and status', async () => {
    const body = '{"error":{"message":"backend exploded"}}'
    const message = await expectFailure.http500(server, connect(), body, `${server.url}/v1`)
    expect(message).toContain('500')
  })

  it('times out a server that never answers', async () => {
    await expectFailure.timeoutAt300Ms(server, connect({ timeoutMs: 300 }))
  })

  it('reports connection refused with how to fix it', async () => {
    await expectFailure.refused((url) =>
      createChatModel(`openai:${url}/v1#m`, { env: {}, maxRetries: 0 }),
    )
  })
})

describe('OpenAI-compatible connector offline behaviour', () => {
  it('cancels a hanging request when the caller aborts', async () => {
    await expectFailure.hangCancelled((url) => createChatModel(`openai:${url}/v1#m`, { env: {} }))
  })

  it('talks only to the configured endpoint (no tokenizer download)', async () => {
    const server = await startFakeLlmServer()
    const urls: string[] = []
    const realFetch = globalThis.fetch
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      urls.push(input instanceof Request ? input.url : String(input))
      return realFetch(input, init)
    })
    try {
      server.script({ kind: 'text', chunks: ['fine'] })
      const reply = await createChatModel(`openai:${server.url}/v1#m`, { env: {} }).model.invoke(
        'hi',
      )
      expect(reply.content).toBe('fine')
      expect(urls.length).toBeGreaterThan(0)
      for (const url of urls) expect(url.startsWith(server.url)).toBe(true)
    } finally {
      spy.mockRestore()
      await server.close()
    }
  })
})
