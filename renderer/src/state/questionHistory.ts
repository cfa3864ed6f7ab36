import { readStoredStrings, writeStoredJson, type KeyValueStorage } from './storedJson'

/** The localStorage key of the asked questions (JSON array, oldest first). */
export const QUESTION_HISTORY_KEY = 'spatial-lens.question-history'
export const MAX_HISTORY = 50

/** Appends an asked question; asking one again moves it to the end instead of repeating it. */
export function addToHistory(history: string[], question: string): string[] {
  const trimmed = question.trim()
  if (!trimmed) return history
  return [...history.filter((item) => item !== trimmed), trimmed].slice(-MAX_HISTORY)
}

/**
 * Where ↑ (-1) or ↓ (+1) moves the recall cursor: 0 is the oldest question, `history.length` the
 * text being typed. Stays put at either end.
 */
export function moveRecallCursor(history: string[], cursor: number, direction: -1 | 1): number {
  return Math.min(history.length, Math.max(0, cursor + direction))
}

export function loadHistory(storage: KeyValueStorage | undefined): string[] {
  return readStoredStrings(storage, QUESTION_HISTORY_KEY).slice(-MAX_HISTORY)
}

export function saveHistory(storage: KeyValueStorage | undefined, history: string[]): void {
  writeStoredJson(storage, QUESTION_HISTORY_KEY, history)
}
