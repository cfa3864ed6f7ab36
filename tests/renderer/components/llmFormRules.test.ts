import { describe, expect, it } from 'vitest'
import {
  apiKeyStateText,
  isLlmFormDirty,
  parseLimits,
} from '../../../renderer/src/components/llmFormRules'
import { LLM_STEP_LIMITS, LLM_TIME_LIMITS_S } from '../../../main/contract/settingsSchema'

describe('parseLimits', () => {
  it('takes whole numbers inside the limits', () => {
    expect(parseLimits(String(LLM_STEP_LIMITS.min), String(LLM_TIME_LIMITS_S.max))).toEqual({
      maxSteps: LLM_STEP_LIMITS.min,
      timeLimitS: LLM_TIME_LIMITS_S.max,
    })
  })

  it('says which limit is wrong: empty, fractional or out of range', () => {
    const steps = `Step limit: a whole number from ${LLM_STEP_LIMITS.min} to ${LLM_STEP_LIMITS.max}.`
    const time = `Time limit: whole seconds from ${LLM_TIME_LIMITS_S.min} to ${LLM_TIME_LIMITS_S.max}.`
    const okTime = String(LLM_TIME_LIMITS_S.min)
    expect(parseLimits(' ', okTime)).toBe(steps)
    expect(parseLimits(`${LLM_STEP_LIMITS.min}.5`, okTime)).toBe(steps)
    expect(parseLimits(String(LLM_STEP_LIMITS.max + 1), okTime)).toBe(steps)
    expect(parseLimits(String(LLM_STEP_LIMITS.min), '')).toBe(time)
    expect(parseLimits(String(LLM_STEP_LIMITS.min), String(LLM_TIME_LIMITS_S.min - 1))).toBe(time)
  })
})

describe('isLlmFormDirty', () => {
  const stored = {
    spec: 'ollama:qwen2.5:7b',
    apiKey: { source: 'none' as const, hint: null },
    maxSteps: 8,
    timeLimitS: 60,
  }
  const typed = { spec: 'ollama:qwen2.5:7b', apiKey: '', maxSteps: '8', timeLimitS: '60' }

  it('is clean when the form shows the stored settings (spaces around the spec ignored)', () => {
    expect(isLlmFormDirty(typed, stored)).toBe(false)
    expect(isLlmFormDirty({ ...typed, spec: ' ollama:qwen2.5:7b ' }, stored)).toBe(false)
  })

  it('is dirty when any field changed or a key was typed', () => {
    expect(isLlmFormDirty({ ...typed, spec: 'none' }, stored)).toBe(true)
    expect(isLlmFormDirty({ ...typed, apiKey: 'k' }, stored)).toBe(true)
    expect(isLlmFormDirty({ ...typed, maxSteps: '9' }, stored)).toBe(true)
    expect(isLlmFormDirty({ ...typed, timeLimitS: '61' }, stored)).toBe(true)
  })
})

describe('apiKeyStateText', () => {
  it('says where the key comes from, showing only its last characters', () => {
    expect(apiKeyStateText({ source: 'settings', hint: '…f3a9' })).toBe(
      'Stored by the service (ends in f3a9).',
    )
    expect(apiKeyStateText({ source: 'settings', hint: null })).toBe('Stored by the service.')
    expect(apiKeyStateText({ source: 'environment', hint: 'OPENAI_API_KEY' })).toBe(
      'From the environment (OPENAI_API_KEY).',
    )
    expect(apiKeyStateText({ source: 'none', hint: null })).toBe('None stored.')
  })
})
