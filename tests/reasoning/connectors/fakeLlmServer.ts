/**
 * A real HTTP server on 127.0.0.1 speaking the Ollama (/api/chat, NDJSON) and OpenAI
 * (/v1/chat/completions, SSE) wire formats, replaying scripted replies and recording requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted reply; the server answers requests with these in order. */
export type ScriptedReply =
  | { kind: 'text'; chunks: string[] }
  | { kind: 'tool'; name: string; args: Record<string, unknown>; id?: string }
  | { kind: 'status'; status: number; body: string }
  | { kind: 'hang' }
  /** Decided when the request arrives (e.g. quoting a tool result it carries); may wait first. */
  | { kind: 'later'; reply: (body: any) => ScriptedReply | Promise<ScriptedReply> }

/** What the server received. */
export interface RecordedRequest {
  path: string
  headers: IncomingMessage['headers']
  body: any
}

export interface FakeLlmServer {
  url: string
  requests: RecordedRequest[]
  /** Queues replies for the next requests. */
  script: (...replies: ScriptedReply[]) => void
  close: () => Promise<void>
}

function ollamaLine(model: string, message: object, done: boolean): string {
  const base = { model, created_at: '2026-01-01T00:00:00Z', message, done }
  const tail = done ? { done_reason: 'stop', prompt_eval_count: 7, eval_count: 3 } : {}
  return JSON.stringify({ ...base, ...tail }) + '\n'
}

function replyOllama(res: ServerResponse, body: any, reply: ScriptedReply): void {
  const model = body.model
  res.writeHead(200, {
    'content-type': body.stream === false ? 'application/json' : 'application/x-ndjson',
  })
  if (reply.kind === 'tool') {
    const message = {
      role: 'assistant',
      content: '',
      tool_calls: [{ function: { name: reply.name, arguments: reply.args } }],
    }
    res.end(
      body.stream === false
        ? ollamaLine(model, message, true)
        : ollamaLine(model, message, false) +
            ollamaLine(model, { role: 'assistant', content: '' }, true),
    )
    return
  }
  if (reply.kind !== 'text') return
  if (body.stream === false) {
    res.end(ollamaLine(model, { role: 'assistant', content: reply.chunks.join('') }, true))
    return
  }
  for (const chunk of reply.chunks)
    res.write(ollamaLine(model, { role: 'assistant', content: chunk }, false))
  res.end(ollamaLine(model, { role: 'assistant', content: '' }, true))
}

function openAiChunk(model: string, delta: object, finish: string | null): string {
  const chunk = {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

function openAiToolDeltas(
  model: string,
  reply: Extract<ScriptedReply, { kind: 'tool' }>,
): string[] {
  const json = JSON.stringify(reply.args)
  const half = Math.floor(json.length / 2)
  const id = reply.id ?? 'call_1'
  return [
    openAiChunk(
      model,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { index: 0, id, type: 'function', function: { name: reply.name, arguments: '' } },
        ],
      },
      null,
    ),
    openAiChunk(
      model,
      { tool_calls: [{ index: 0, function: { arguments: json.slice(0, half) } }] },
      null,
    ),
    openAiChunk(
      model,
      { tool_calls: [{ index: 0, function: { arguments: json.slice(half) } }] },
      null,
    ),
    openAiChunk(model, {}, 'tool_calls'),
  ]
}

function replyOpenAi(res: ServerResponse, body: any, reply: ScriptedReply): void {
  const model = body.model
  if (body.stream !== true) {
    const message =
      reply.kind === 'tool'
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: reply.id ?? 'call_1',
                type: 'function',
                function: { name: reply.name, arguments: JSON.stringify(reply.args) },
              },
            ],
          }
        : { role: 'assistant', content: reply.kind === 'text' ? reply.chunks.join('') : '' }
    const finish = reply.kind === 'tool' ? 'tool_calls' : 'stop'
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message, finish_reason: finish }],
        usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      }),
    )
    return
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' })
  const events =
    reply.kind === 'tool'
      ? openAiToolDeltas(model, reply)
      : [
          openAiChunk(model, { role: 'assistant', content: '' }, null),
          ...(reply.kind === 'text' ? reply.chunks : []).map((c) =>
            openAiChunk(model, { content: c }, null),
          ),
          openAiChunk(model, {}, 'stop'),
        ]
  for (const event of events) res.write(event)
  res.end('data: [DONE]\n\n')
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const queue: ScriptedReply[] = []
  const requests: RecordedRequest[] = []
  const hanging: ServerResponse[] = []
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', async () => {
      const text = Buffer.concat(parts).toString('utf8')
      const body = text ? JSON.parse(text) : undefined
      requests.push({ path: req.url ?? '', headers: req.headers, body })
      let reply = queue.shift() ?? { kind: 'status', status: 599, body: 'no scripted reply left' }
      while (reply.kind === 'later') reply = await reply.reply(body)
      if (reply.kind === 'hang') {
        hanging.push(res)
        return
      }
      if (reply.kind === 'status') {
        res.writeHead(reply.status, { 'content-type': 'application/json' })
        res.end(reply.body)
        return
      }
      if (req.url === '/api/chat') replyOllama(res, body, reply)
      else if (req.url === '/v1/chat/completions') replyOpenAi(res, body, reply)
      else {
        res.writeHead(404)
        res.end('not found')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
