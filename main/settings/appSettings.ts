import type { AppSettings, SettingsUpdate } from '../contract/settingsSchema'
import { parseLlmSpec } from '../reasoning/connectors'
import type { SettingsRead, SettingsStore } from './SettingsStore'
import { API_KEY_VARIABLES } from './llmKeyBinding'

/** Below this length, even the last characters would give too much of the key away. */
const MIN_KEY_LENGTH_FOR_HINT = 12

/** The settings as the UI gets them: the API key reduced to where it comes from and a hint. */
export function settingsView(
  read: SettingsRead,
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): AppSettings {
  const { llm, units } = read.settings
  const variable = API_KEY_VARIABLES.find((name) => env[name]?.trim())
  const apiKey = llm.apiKey
    ? {
        source: 'settings' as const,
        hint: llm.apiKey.length >= MIN_KEY_LENGTH_FOR_HINT ? `…${llm.apiKey.slice(-4)}` : null,
      }
    : variable
      ? { source: 'environment' as const, hint: variable }
      : { source: 'none' as const, hint: null }
  return {
    llm: { spec: llm.spec, apiKey, maxSteps: llm.maxSteps, timeLimitS: llm.timeLimitS },
    units,
    path,
    problem: read.problem,
  }
}

/**
 * Validates and stores a change. A malformed LLM spec is refused (LlmSpecError, which says what to
 * type) before anything is written.
 */
export async function updateSettings(
  store: SettingsStore,
  change: SettingsUpdate,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AppSettings> {
  if (change.llm?.spec) parseLlmSpec(change.llm.spec, env)
  return settingsView(await store.update(change), store.path, env)
}
