import { useCallback, useRef, useState } from 'react'
import type { AnswerJson } from '../../../main/contract/answerSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { toUiError, type UiError } from './uiError'

export interface AskState {
  /** The answer for the current scene, or null (a new scene starts without one). */
  answer: AnswerJson | null
  isAsking: boolean
  ask(question: string): Promise<void>
}

const ASK_HINT =
  'If the server restarted or the scene expired, load the frame again (or the sample); if the question was rejected, rephrase it like the examples.'

/** Asks `qa:ask` about one scene; answers belong to the scene they were asked about. */
export function useAsk(
  client: SpatialClient,
  sceneId: string | null,
  reportError: (error: UiError | null) => void,
): AskState {
  const [latest, setLatest] = useState<{ sceneId: string; answer: AnswerJson } | null>(null)
  const [askingSceneId, setAskingSceneId] = useState<string | null>(null)
  const latestRequest = useRef(0)

  const ask = useCallback(
    async (question: string) => {
      if (!sceneId || !question.trim()) return
      const request = ++latestRequest.current
      setAskingSceneId(sceneId)
      reportError(null)
      try {
        const answer = await client.invoke('qa:ask', { sceneId, question: question.trim() })
        if (request === latestRequest.current) setLatest({ sceneId, answer })
      } catch (error) {
        if (request === latestRequest.current)
          reportError(
            toUiError(error, {
              title: 'Could not answer the question',
              hint: ASK_HINT,
              offersSample: true,
            }),
          )
      } finally {
        if (request === latestRequest.current) setAskingSceneId(null)
      }
    },
    [client, sceneId, reportError],
  )

  return {
    answer: latest && latest.sceneId === sceneId ? latest.answer : null,
    isAsking: askingSceneId !== null && askingSceneId === sceneId,
    ask,
  }
}
