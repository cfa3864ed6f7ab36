import { describe, expect, it } from 'vitest'
import { HumanMessage } from '@langchain/core/messages'
import { tool } from '@langchain/core/tools'
import { z } from 'zod'
import { createChatModel } from '../../../main/reasoning/connectors/createChatModel.js'
import { describeLlmError } from '../../../main/reasoning/connectors/llmErrors.js'
import { expectFailure, useFakeLlmServer, withFakeLlmServer } from './fakeLlmServerSuite.js'

const distanceTool = tool(async () => '0.5 m', {
  name: 'distance_between',
  description: 'Centre distance between two objects in metres.',
  schema: z.object({ a: z.string(), b: z.string() }),
})

describe('Ollama connector over the real @langchain/ollama client', () => {
  const server = useFakeLlmServer()
  const connect = (timeoutMs?: number) =>
    createChatModel(`ollama:${server.url}#qwen2.5:7b`, { env: {}, timeoutMs })

  it('completes a plain prompt and sends the model and messages', async () => {
    server.script({ kind: 'text', chunks: ['The mug ', 'is left.'] })
    const reply = await connect().model.invoke([new HumanMessage('Where is the mug?')])
    expect(reply.content).toBe('The mug is left.')
    expect(server.requests[0].path).toBe('/api/chat')
    expect(server.requests[0].body.model).toBe('qwen2.5:7b')
    expect(server.requests[0].body.messages).toEqual([
      { role: 'user', content: 'Where is the mug?' },
    ])
  })

  it('streams tokens as NDJSON lines arrive', async () => {
    server.script({ kind: 'text', chunks: ['0.', '42', ' m'] })
    const tokens: string[] = []
    for await (const chunk of await connect().model.stream('How far?'))
      tokens.push(String(chunk.content))
    expect(tokens.filter((t) => t !== '')).toEqual(['0.', '42', ' m'])
    expect(server.requests[0].body.stream).toBe(true)
  })

  it('sends the bound tool schema and parses a tool call with arguments', async () => {
    server.script({ kind: 'tool', name: 'distance_between', args: { a: 'mug', b: 'laptop' } })
    const model = connect().model.bindTools!([distanceTool])
    const reply = await model.invoke('How far is the mug from the laptop?')
    expect(reply.tool_calls).toHaveLength(1)
    expect(reply.tool_calls![0]).toMatchObject({
      name: 'distance_between',
      args: { a: 'mug', b: 'laptop' },
    })
    const sent = server.requests[0].body.tools
    expect(sent).toHaveLength(1)
    expect(sent[0].function.name).toBe('distance_between')
    expect(sent[0].function.parameters.properties).toMatchObject({
      a: { type: 'string' },
      b: { type: 'string' },
    })
    expect(sent[0].function.parameters.required).toEqual(['a', 'b'])
  })

  it('turns HTTP 500 into an error naming the endpoint and status', async () => {
    const body = '{"error":"model runner crashed"}'
    const message = await expectFailure.http500(server, connect(), body, server.url)
    expect(message).toMatch(/500|model runner crashed/)
  })

  it('times out a server that never answers', async () => {
    await expectFailure.timeoutAt300Ms(server, connect(300))
  })

  it('reports connection refused with how to fix it', async () => {
    const message = await expectFailure.refused((url) =>
      createChatModel(`ollama:${url}#qwen2.5:7b`, { env: {} }),
    )
    expect(message).toMatch(/ollama serve/)
  })
})

describe('Ollama connector cancellation', () => {
  it('throws instead of returning a truncated answer when aborted mid-stream', async () => {
    await withFakeLlmServer(async (server) => {
      server.script({ kind: 'text', chunks: ['a', 'b', 'c', 'd'] })
      const connection = createChatModel(`ollama:${server.url}#m`, { env: {} })
      const controller = new AbortController()
      const seen: string[] = []
      const run = async () => {
        for await (const chunk of await connection.model.stream('hi', {
          signal: controller.signal,
        })) {
          seen.push(String(chunk.content))
          controller.abort()
        }
      }
      const error = await run().catch((e: unknown) => e)
      expect(seen).toEqual(['a'])
      expect(describeLlmError(error, connection).kind).toBe('cancelled')
    })
  })

  it('stops a hanging request when the caller aborts, reported as cancelled', async () => {
    await expectFailure.hangCancelled((url) => createChatModel(`ollama:${url}#m`, { env: {} }))
  })
})
