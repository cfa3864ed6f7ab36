import { describe, expect, it } from 'vitest'
import {
  applySettingsUpdate,
  DEFAULT_SETTINGS,
  type StoredSettings,
} from '../../main/settings/settingsFile'
import { chooseApiKey, llmOrigin } from '../../main/settings/llmKeyBinding'
import { parseLlmSpec } from '../../main/reasoning/connectors'

const KEY = 'sk-saved-0123456789abcd'
const env = {}
const withKey = (spec: string, key = KEY): StoredSettings =>
  applySettingsUpdate(DEFAULT_SETTINGS, { llm: { spec, apiKey: key } }, env)

describe('a saved API key is bound to the origin it was saved for', () => {
  it('names each spec’s origin: URL specs by scheme, host and port; hosted OpenAI; none for llama:', () => {
    expect(llmOrigin('openai:http://10.0.0.5:8080/v1#m', env)).toBe('http://10.0.0.5:8080')
    expect(llmOrigin('ollama:https://gpu.lab:443#m', env)).toBe('https://gpu.lab')
    expect(llmOrigin('ollama:qwen2.5:7b', env)).toBe('http://127.0.0.1:11434')
    expect(llmOrigin('ollama:qwen2.5:7b', { OLLAMA_HOST: 'box:9000' })).toBe('http://box:9000')
    expect(llmOrigin('openai:gpt-4o-mini', env)).toBe('https://api.openai.com')
    expect(llmOrigin('llama:qwen2.5-0.5b-instruct', env)).toBeNull()
    expect(llmOrigin('', env)).toBeNull()
  })

  it('records the origin with the key; a spec to another origin drops the key unless one is typed', () => {
    const saved = withKey('openai:http://10.0.0.5:8080/v1#m')
    expect(saved.llm).toMatchObject({ apiKey: KEY, apiKeyFor: 'http://10.0.0.5:8080' })
    const samePlace = applySettingsUpdate(
      saved,
      { llm: { spec: 'openai:http://10.0.0.5:8080/v1#other-model' } },
      env,
    )
    expect(samePlace.llm).toMatchObject({ apiKey: KEY, apiKeyFor: 'http://10.0.0.5:8080' })
    const elsewhere = applySettingsUpdate(
      saved,
      { llm: { spec: 'openai:http://evil.example:8080/v1#m' } },
      env,
    )
    expect(elsewhere.llm.apiKey).toBeUndefined()
    expect(elsewhere.llm.apiKeyFor).toBeUndefined()
    const otherPort = applySettingsUpdate(
      saved,
      { llm: { spec: 'openai:http://10.0.0.5:9090/v1#m' } },
      env,
    )
    expect(otherPort.llm.apiKey).toBeUndefined()
    const retyped = applySettingsUpdate(
      saved,
      { llm: { spec: 'openai:http://gpu.lab/v1#m', apiKey: 'sk-new-key-000000000' } },
      env,
    )
    expect(retyped.llm).toMatchObject({
      apiKey: 'sk-new-key-000000000',
      apiKeyFor: 'http://gpu.lab',
    })
  })

  it('a spec with no origin (llama:, none) keeps the key for its own origin only', () => {
    const saved = withKey('openai:http://10.0.0.5:8080/v1#m')
    const local = applySettingsUpdate(saved, { llm: { spec: 'llama:qwen2.5-0.5b-instruct' } }, env)
    expect(local.llm).toMatchObject({ apiKey: KEY, apiKeyFor: 'http://10.0.0.5:8080' })
    expect(
      applySettingsUpdate(local, { llm: { spec: 'openai:http://10.0.0.5:8080/v1#m' } }, env).llm
        .apiKey,
    ).toBe(KEY)
    expect(
      applySettingsUpdate(local, { llm: { spec: 'openai:http://other:8080/v1#m' } }, env).llm
        .apiKey,
    ).toBeUndefined()
  })

  it('a file from before the binding: the key belongs to the spec saved with it', () => {
    const legacy: StoredSettings = {
      ...DEFAULT_SETTINGS,
      llm: { ...DEFAULT_SETTINGS.llm, spec: 'openai:http://10.0.0.5:8080/v1#m', apiKey: KEY },
    }
    expect(applySettingsUpdate(legacy, { llm: { maxSteps: 3 } }, env).llm).toMatchObject({
      apiKey: KEY,
      apiKeyFor: 'http://10.0.0.5:8080',
    })
    expect(
      applySettingsUpdate(legacy, { llm: { spec: 'openai:http://evil.example/v1#m' } }, env).llm
        .apiKey,
    ).toBeUndefined()
  })
})

describe('chooseApiKey: which key a connection may send', () => {
  const saved = {
    spec: 'openai:http://10.0.0.5:8080/v1#m',
    apiKey: KEY,
    apiKeyFor: 'http://10.0.0.5:8080',
  }
  const spec = (text: string) => parseLlmSpec(text, {})

  it('the saved key to its origin; a typed key anywhere; nothing to another origin', () => {
    expect(
      chooseApiKey(spec('openai:http://10.0.0.5:8080/v1#x'), saved, undefined, {}).apiKey,
    ).toBe(KEY)
    expect(
      chooseApiKey(spec('openai:http://evil.example:8080/v1#x'), saved, 'sk-typed', {}).apiKey,
    ).toBe('sk-typed')
    const other = chooseApiKey(spec('openai:http://evil.example:8080/v1#x'), saved, undefined, {})
    expect(other.apiKey).toBeUndefined()
    expect(other.keptFor).toBe('http://10.0.0.5:8080')
  })

  it('environment keys only to the hosted OpenAI API and this machine, and never left in the env', () => {
    const keys = {
      OPENAI_API_KEY: 'sk-env',
      SPATIAL_LENS_LLM_API_KEY: 'sk-spatial',
      OLLAMA_HOST: 'x',
    }
    const none = { spec: '' }
    expect(chooseApiKey(spec('openai:gpt-4o-mini'), none, undefined, keys).apiKey).toBe(
      'sk-spatial',
    )
    expect(
      chooseApiKey(spec('openai:http://127.0.0.1:8080/v1#m'), none, undefined, keys).apiKey,
    ).toBe('sk-spatial')
    expect(
      chooseApiKey(spec('openai:http://localhost:8080/v1#m'), none, undefined, keys).apiKey,
    ).toBe('sk-spatial')
    const remote = chooseApiKey(spec('openai:http://evil.example/v1#m'), none, undefined, keys)
    expect(remote.apiKey).toBeUndefined()
    expect(remote.env).toEqual({ OLLAMA_HOST: 'x' })
  })
})
