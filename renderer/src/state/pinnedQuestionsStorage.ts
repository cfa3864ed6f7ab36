import { readStoredStrings, writeStoredJson, type KeyValueStorage } from './storedJson'

/** The localStorage key of the pinned questions (a JSON array of strings). */
export const PINNED_QUESTIONS_KEY = 'spatial-lens.pinned-questions'
/** More would crowd the panel and cost a question each per frame. */
export const MAX_PINNED_QUESTIONS = 12
/** The contract's limit on a question's length (qa:ask). */
const MAX_QUESTION_LENGTH = 500

/** The stored pinned questions: trimmed, unique, at most MAX_PINNED_QUESTIONS; bad entries are dropped. */
export function loadPinnedQuestions(storage: KeyValueStorage | undefined): string[] {
  return normalizePinned(readStoredStrings(storage, PINNED_QUESTIONS_KEY))
}

export function savePinnedQuestions(
  storage: KeyValueStorage | undefined,
  questions: string[],
): void {
  writeStoredJson(storage, PINNED_QUESTIONS_KEY, questions)
}

/** Adds a question at the end (a question already pinned stays where it is). */
export function pinQuestion(pinned: string[], question: string): string[] {
  return normalizePinned([...pinned, question])
}

export function unpinQuestion(pinned: string[], question: string): string[] {
  return pinned.filter((item) => item !== question.trim())
}

function normalizePinned(questions: string[]): string[] {
  const cleaned = questions
    .map((question) => question.trim())
    .filter((question) => question.length > 0 && question.length <= MAX_QUESTION_LENGTH)
  return [...new Set(cleaned)].slice(0, MAX_PINNED_QUESTIONS)
}
