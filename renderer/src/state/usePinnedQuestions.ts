import { useCallback, useEffect, useState } from 'react'
import type { ReasoningResultJson } from '../../../main/contract/reasoningSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { browserStorage } from './perceptionSettingsStorage'
import {
  loadPinnedQuestions,
  pinQuestion,
  savePinnedQuestions,
  unpinQuestion,
} from './pinnedQuestionsStorage'
import { newRequestId } from './useAsk'

/** A pinned question's value on one scene: the service's reasoned answer, or its refusal. */
export interface PinnedValue {
  sceneId: string
  /** Where that scene came from (the frame's name), shown next to the value. */
  sourceName: string
  result: ReasoningResultJson | null
  error: string | null
}

export interface PinnedQuestions {
  questions: string[]
  /** The latest value of each question (possibly of an earlier scene while the new one is asked). */
  values: Record<string, PinnedValue>
  isPinned(question: string): boolean
  pin(question: string): void
  unpin(question: string): void
  /** Pins an unpinned question, unpins a pinned one (the answer cards' Pin button). */
  toggle(question: string): void
}

/**
 * Questions kept across scenes (in localStorage) and asked again on every new scene (a live
 * camera, a sequence or any load) through `qa:reason`, as the Ask box asks them: template
 * questions answer at once, others go to the configured LLM. The service logs each answer like
 * any other. Questions still running when the scene changes are cancelled; answers that arrive
 * for a scene no longer on screen are dropped.
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
    const running = new Set<string>()
    for (const question of questions) {
      const requestId = newRequestId()
      running.add(requestId)
      const settle = (value: Pick<PinnedValue, 'result' | 'error'>) => {
        running.delete(requestId)
        if (!isCurrent) return
        setValues((previous) => ({
          ...previous,
          [question]: { sceneId, sourceName: sourceName ?? '', ...value },
        }))
      }
      client.invoke('qa:reason', { sceneId, question, requestId }).then(
        (result) => settle({ result, error: null }),
        (error: unknown) =>
          settle({ result: null, error: error instanceof Error ? error.message : String(error) }),
      )
    }
    return () => {
      isCurrent = false
      // A question of a scene no longer shown (an LLM run may take seconds) is not worth finishing.
      for (const requestId of running)
        client.invoke('qa:cancel', { requestId }).catch(() => undefined)
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
