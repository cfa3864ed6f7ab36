/** The part of Storage the app uses (localStorage in the app, a Map-backed object in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The JSON stored under `key`, or undefined when there is none or it is unreadable (storage blocked,
 * hand-edited text). Callers validate the shape: stored values never stop the app from starting.
 */
export function readStoredJson(storage: KeyValueStorage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key)
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    return undefined
  }
}

/** Stores `value` as JSON; where storage is unavailable or full it lasts for this page only. */
export function writeStoredJson(
  storage: KeyValueStorage | undefined,
  key: string,
  value: unknown,
): void {
  try {
    storage?.setItem(key, JSON.stringify(value))
  } catch {
    // Quota or privacy mode: the state still applies until the page is reloaded.
  }
}

/** A stored list of strings: non-strings and blank entries dropped; [] when missing or not a list. */
export function readStoredStrings(storage: KeyValueStorage | undefined, key: string): string[] {
  const value = readStoredJson(storage, key)
  if (!Array.isArray(value)) return []
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
}
