import { z } from 'zod'
import {
  LLM_STEP_LIMITS,
  LLM_TIME_LIMITS_S,
  maxStepsSchema,
  timeLimitSSchema,
  unitSystemSchema,
  type SettingsUpdate,
} from '../contract/settingsSchema'

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

/** Applies a change: fields left out keep their value; an empty or null key removes the stored one. */
export function applySettingsUpdate(current: StoredSettings, change: SettingsUpdate): StoredSettings {
  const llm = { ...current.llm }
  const given = change.llm ?? {}
  if (given.spec !== undefined) llm.spec = given.spec
  if (given.maxSteps !== undefined) llm.maxSteps = given.maxSteps
  if (given.timeLimitS !== undefined) llm.timeLimitS = given.timeLimitS
  if (given.apiKey !== undefined) {
    if (given.apiKey) llm.apiKey = given.apiKey
    else delete llm.apiKey
  }
  return storedSettingsSchema.parse({ ...current, llm, units: change.units ?? current.units })
}
