import {
  perceptionSettingsSchema,
  type PerceptionSettings,
} from '../../../main/contract/perceptionSettings'

/** The localStorage key of the perception settings (JSON of the contract's PerceptionSettings). */
export const PERCEPTION_SETTINGS_KEY = 'spatial-lens.perception-settings'

/** What a new user gets: the contract's defaults (built-in NanoDet, auto depth, best provider). */
export const DEFAULT_PERCEPTION_SETTINGS: PerceptionSettings = perceptionSettingsSchema.parse({})

/** The browser's localStorage, or undefined where it is unavailable (blocked, sandboxed). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/**
 * The stored settings, validated with the contract's schema. A missing, unreadable or invalid
 * entry (older version, hand-edited) gives the defaults: settings never stop the app from starting.
 */
export function loadPerceptionSettings(storage: Storage | undefined): PerceptionSettings {
  try {
    const text = storage?.getItem(PERCEPTION_SETTINGS_KEY)
    if (!text) return DEFAULT_PERCEPTION_SETTINGS
    const parsed = perceptionSettingsSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : DEFAULT_PERCEPTION_SETTINGS
  } catch {
    return DEFAULT_PERCEPTION_SETTINGS
  }
}

/** Stores the settings; where storage is unavailable or full they last for this page only. */
export function savePerceptionSettings(
  storage: Storage | undefined,
  settings: PerceptionSettings,
): void {
  try {
    storage?.setItem(PERCEPTION_SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // Quota or privacy mode: the settings still apply until the page is reloaded.
  }
}

/** "mug, laptop,, mug" → ["mug", "laptop"]: trimmed, empty and repeated names dropped, at most 32. */
export function parseQueries(text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  return [...new Set(names)].slice(0, 32)
}

/** Applies a change; the result is checked against the contract (an invalid change is refused: null). */
export function applySettingsChange(
  current: PerceptionSettings,
  change: Partial<PerceptionSettings>,
): PerceptionSettings | null {
  const merged: Record<string, unknown> = { ...current, ...change }
  // "Auto" is the absence of a provider: the service picks the best one the machine has.
  if (merged.provider === undefined) delete merged.provider
  const parsed = perceptionSettingsSchema.safeParse(merged)
  return parsed.success ? parsed.data : null
}

export function sameSettings(a: PerceptionSettings, b: PerceptionSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
