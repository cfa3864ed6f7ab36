import { describe, expect, it } from 'vitest'
import { describeTestFailure } from '../../main/services/llmTestMessages'
import {
  LlmRequestError,
  parseLlmSpec,
  type ChatModelConnection,
} from '../../main/reasoning/connectors'

const connection = {
  spec: parseLlmSpec('ollama:http://10.0.0.5:11434#qwen2.5:7b', {}),
  endpoint: 'http://10.0.0.5:11434',
  timeoutMs: 30_000,
} as ChatModelConnection

describe('llm:test failure lines', () => {
  it('timed out, refused, reset and unreadable read the same (no port scanning by message)', () => {
    const lines = (['timeout', 'unreachable', 'unknown'] as const).map((kind) =>
      describeTestFailure(
        new LlmRequestError(kind, `detail of ${kind}: ECONNREFUSED <html>internal</html>`),
        connection,
      ),
    )
    expect(new Set(lines).size).toBe(1)
    expect(lines[0]).toBe(
      'Could not get an answer from Ollama at http://10.0.0.5:11434 within 30 s. Check that the server is running and the URL is right, or raise the time limit.',
    )
  })

  it('an HTTP status is told with what to do, never the body the server sent', () => {
    const error = new LlmRequestError(
      'http',
      'Ollama answered HTTP 404 (model "x" not found: <secret body>)',
      404,
    )
    expect(describeTestFailure(error, connection)).toBe(
      'Ollama at http://10.0.0.5:11434 answered HTTP 404 for model "qwen2.5:7b". Check the model name; pull it with `ollama pull qwen2.5:7b`.',
    )
  })

  it('a key refused by a server the saved key was not for says where the saved key is kept', () => {
    const error = new LlmRequestError('http', 'unauthorized', 401)
    expect(describeTestFailure(error, connection, 'https://api.openai.com')).toMatch(
      /HTTP 401 .*Check the API key\. The saved API key is kept for https:\/\/api\.openai\.com only: type it again to use it with this server\.$/,
    )
  })
})
