import { describe, expect, it } from 'vitest'
import {
  DEFAULT_OLLAMA_HOST,
  LlmSpecError,
  parseLlmSpec,
} from '../../../main/reasoning/connectors/llmSpec.js'

describe('parseLlmSpec', () => {
  it('keeps colons in Ollama model tags and uses the default host', () => {
    expect(parseLlmSpec('ollama:qwen2.5:7b', {})).toEqual({
      provider: 'ollama',
      model: 'qwen2.5:7b',
      baseUrl: DEFAULT_OLLAMA_HOST,
      text: 'ollama:qwen2.5:7b',
    })
  })

  it('reads OLLAMA_HOST in its host:port, host and URL forms', () => {
    expect(parseLlmSpec('ollama:llama3', { OLLAMA_HOST: '10.0.0.5:11500' })).toMatchObject({
      baseUrl: 'http://10.0.0.5:11500',
    })
    expect(parseLlmSpec('ollama:llama3', { OLLAMA_HOST: 'robot.local' })).toMatchObject({
      baseUrl: 'http://robot.local:11434',
    })
    expect(parseLlmSpec('ollama:llama3', { OLLAMA_HOST: 'https://gpu.lab/' })).toMatchObject({
      baseUrl: 'https://gpu.lab',
    })
  })

  it('takes an explicit Ollama URL with the model after #', () => {
    const spec = parseLlmSpec('ollama:http://192.168.1.20:11434#qwen2.5:7b', {
      OLLAMA_HOST: 'ignored:1',
    })
    expect(spec).toMatchObject({
      provider: 'ollama',
      baseUrl: 'http://192.168.1.20:11434',
      model: 'qwen2.5:7b',
    })
  })

  it('parses OpenAI-compatible endpoints and hosted model names', () => {
    expect(parseLlmSpec('openai:http://127.0.0.1:8080/v1#qwen2.5-7b-instruct', {})).toMatchObject({
      provider: 'openai',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'qwen2.5-7b-instruct',
    })
    expect(parseLlmSpec('  OpenAI:gpt-4o-mini ', {})).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      text: 'OpenAI:gpt-4o-mini',
    })
  })

  it('reads embedded specs: a model-manager id or a path to a .gguf file', () => {
    expect(parseLlmSpec('llama:qwen2.5-1.5b-instruct-q4km', {})).toEqual({
      provider: 'llama',
      model: 'qwen2.5-1.5b-instruct-q4km',
      text: 'llama:qwen2.5-1.5b-instruct-q4km',
    })
    expect(parseLlmSpec('llama:/models/Qwen2.5-7B.Q4_K_M.gguf', {})).toEqual({
      provider: 'llama',
      model: 'Qwen2.5-7B.Q4_K_M.gguf',
      modelPath: '/models/Qwen2.5-7B.Q4_K_M.gguf',
      text: 'llama:/models/Qwen2.5-7B.Q4_K_M.gguf',
    })
    expect(parseLlmSpec('llama:stories.gguf', {})).toMatchObject({ modelPath: 'stories.gguf' })
  })

  it.each([
    ['llama:/models/model.bin', /is not a \.gguf file/],
    ['llama:Qwen 7B', /neither a model id nor a path/],
    ['qwen2.5:7b', /unknown provider "qwen2.5"/],
    ['llama3', /missing the provider prefix/],
    ['ollama:', /nothing after "ollama:"/],
    ['openai:http://127.0.0.1:8080/v1', /needs the model after "#"/],
    ['openai:http://127.0.0.1:8080/v1#', /model name after "#" is empty/],
    ['ollama:http://exa mple:80#m', /not a valid URL/],
    ['openai:my model', /neither an http\(s\) URL nor a model name/],
    ['anthropic:claude', /unknown provider "anthropic"/],
  ])('rejects %s with a message saying what is wrong and what to type', (text, reason) => {
    expect(() => parseLlmSpec(text, {})).toThrow(LlmSpecError)
    expect(() => parseLlmSpec(text, {})).toThrow(reason)
    expect(() => parseLlmSpec(text, {})).toThrow(/Use ollama:<model>/)
  })
})
