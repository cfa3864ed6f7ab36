import { useCallback, useEffect, useState } from 'react'
import type { AnswerJson } from '../../../main/contract/answerSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { browserStorage } from './perceptionSettingsStorage'
import {
  loadPinnedQuestions,
  pinQuestion,
  savePinnedQuestions,
  unpinQuestion,
} from './pinnedQuestionsStorage'

/** A pinned question's value on one scene: its answer, or the service's refusal. */
export interface PinnedValue {
  sceneId: string
  /** Where that scene came from (the frame's name), shown next to the value. */
  sourceName: string
  answer: AnswerJson | null
  error: string | null
}

export interface PinnedQuestions {
  questions: string[]
  /** The latest value of each question (possibly of an earlier scene while the new one is asked). */
  values: Record<string, PinnedValue>
  isPinned(question: string): boolean
  pin(question: string): void
  unpin(question: string): void
  /** Pins an unpinned question, unpins a pinned one (the answer card's Pin button). */
  toggle(question: string): void
}

/**
 * Questions kept across scenes (in localStorage) and asked again on every new scene: a live camera,
 * a sequence or any load. Answers that arrive for a scene no longer on screen are dropped.
 */
export function usePinnedQuestions(
  client: SpatialClient,
  sceneId: string | null,
  sourceName: string | null,
): PinnedQuestions {
  const [questions, setQuestions] = useState(() => loadPinnedQuestions(browserStorage()))
  const [values, setValues] = useState<Record<string, PinnedValue>>({})

  useEffect(() => {
    if (!sceneId) return
    let isCurrent = true
    for (const question of questions) {
      const settle = (value: Omit<PinnedValue, 'sceneId' | 'sourceName'>) => {
        if (!isCurrent) return
        setValues((previous) => ({
          ...previous,
          [question]: { sceneId, sourceName: sourceName ?? '', ...value },
        }))
      }
      client.invoke('qa:ask', { sceneId, question }).then(
        (answer) => settle({ answer, error: null }),
        (error: unknown) =>
          settle({ answer: null, error: error instanceof Error ? error.message : String(error) }),
      )
    }
    return () => {
      isCurrent = false
    }
  }, [client, sceneId, sourceName, questions])

  const change = useCallback((next: (current: string[]) => string[]) => {
    setQuestions((current) => {
      const updated = next(current)
      savePinnedQuestions(browserStorage(), updated)
      return updated
    })
  }, [])

  const isPinned = (question: string) => questions.includes(question.trim())
  return {
    questions,
    values,
    isPinned,
    pin: (question) => change((current) => pinQuestion(current, question)),
    unpin: (question) => change((current) => unpinQuestion(current, question)),
    toggle: (question) =>
      change((current) =>
        current.includes(question.trim())
          ? unpinQuestion(current, question)
          : pinQuestion(current, question),
      ),
  }
}
