import {
  LLM_STEP_LIMITS,
  LLM_TIME_LIMITS_S,
  type AppSettings,
} from '../../../main/contract/settingsSchema'

type StoredKey = AppSettings['llm']['apiKey']

/** What the LLM form holds, as typed. */
export interface LlmFormValues {
  spec: string
  apiKey: string
  maxSteps: string
  timeLimitS: string
}

/** The limits as numbers, or what is wrong with them. */
export function parseLimits(
  maxSteps: string,
  timeLimitS: string,
): { maxSteps: number; timeLimitS: number } | string {
  const steps = Number(maxSteps)
  const seconds = Number(timeLimitS)
  const inRange = (value: number, limits: { min: number; max: number }) =>
    Number.isInteger(value) && value >= limits.min && value <= limits.max
  if (!maxSteps.trim() || !inRange(steps, LLM_STEP_LIMITS))
    return `Step limit: a whole number from ${LLM_STEP_LIMITS.min} to ${LLM_STEP_LIMITS.max}.`
  if (!timeLimitS.trim() || !inRange(seconds, LLM_TIME_LIMITS_S))
    return `Time limit: whole seconds from ${LLM_TIME_LIMITS_S.min} to ${LLM_TIME_LIMITS_S.max}.`
  return { maxSteps: steps, timeLimitS: seconds }
}

/** Whether the form differs from the stored settings (a typed key always does). */
export function isLlmFormDirty(values: LlmFormValues, stored: AppSettings['llm']): boolean {
  return (
    values.spec.trim() !== stored.spec ||
    values.apiKey !== '' ||
    values.maxSteps !== String(stored.maxSteps) ||
    values.timeLimitS !== String(stored.timeLimitS)
  )
}

/** Where the LLM's key comes from, in words (the service gives only its last characters). */
export function apiKeyStateText(key: StoredKey): string {
  if (key.source === 'settings')
    return `Stored by the service${key.hint ? ` (ends in ${key.hint.slice(1)})` : ''}.`
  return key.source === 'environment' ? `From the environment (${key.hint}).` : 'None stored.'
}
