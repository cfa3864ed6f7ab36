import { z } from 'zod'
import {
  LLM_STEP_LIMITS,
  LLM_TIME_LIMITS_S,
  maxStepsSchema,
  timeLimitSSchema,
  unitSystemSchema,
  type SettingsUpdate,
} from '../contract/settingsSchema'
import type { LlmEnv } from '../reasoning/connectors/llmSpec'
import { llmOrigin, savedKeyOrigin } from './llmKeyBinding'

/**
 * The settings file (`<app home>/settings.json`) as stored: the API key in full (the file is
 * readable by its owner only), everything else as the UI shows it. Validated on every read.
 */
export const storedSettingsSchema = z
  .object({
    settingsVersion: z.literal(1),
    llm: z
      .object({
        spec: z.string(),
        apiKey: z.string().min(1).optional(),
        /** The origin (scheme://host:port) the key was saved for; only it gets the key (llmKeyBinding). */
        apiKeyFor: z.string().min(1).optional(),
        maxSteps: maxStepsSchema,
        timeLimitS: timeLimitSSchema,
      })
      .strict(),
    units: unitSystemSchema,
  })
  .strict()
export type StoredSettings = z.infer<typeof storedSettingsSchema>

export const DEFAULT_SETTINGS: StoredSettings = {
  settingsVersion: 1,
  llm: { spec: '', maxSteps: LLM_STEP_LIMITS.default, timeLimitS: LLM_TIME_LIMITS_S.default },
  units: 'metric',
}

/**
 * Applies a change: fields left out keep their value; an empty or null key removes the stored one.
 * A key is bound to the origin of the spec it is saved with; a spec that sends requests to another
 * origin drops the saved key unless the change brings one (the user types it again). A spec with no
 * origin (llama:, none) keeps the key for its origin.
 */
export function applySettingsUpdate(
  current: StoredSettings,
  change: SettingsUpdate,
  env: LlmEnv = process.env,
): StoredSettings {
  const llm = { ...current.llm }
  const given = change.llm ?? {}
  const keyOrigin = savedKeyOrigin(current.llm, env)
  if (given.spec !== undefined) llm.spec = given.spec
  if (given.maxSteps !== undefined) llm.maxSteps = given.maxSteps
  if (given.timeLimitS !== undefined) llm.timeLimitS = given.timeLimitS
  const origin = llmOrigin(llm.spec, env)
  if (given.apiKey) {
    llm.apiKey = given.apiKey
    if (origin) llm.apiKeyFor = origin
    else delete llm.apiKeyFor
  } else if (given.apiKey !== undefined || (llm.apiKey && origin && origin !== keyOrigin)) {
    delete llm.apiKey
    delete llm.apiKeyFor
  } else if (llm.apiKey && keyOrigin) llm.apiKeyFor = keyOrigin
  return storedSettingsSchema.parse({ ...current, llm, units: change.units ?? current.units })
}
