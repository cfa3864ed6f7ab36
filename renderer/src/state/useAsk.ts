import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type RefObject,
  type SetStateAction,
} from 'react'
import type { AnswerJson } from '../../../main/contract/answerSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { startedRun, withCancelling, withResult, withStep, type ReasoningRun } from './reasoningRun'
import { toUiError, type UiError } from './uiError'
import { useLatest } from './useLatest'

export type { ReasoningRun } from './reasoningRun'

export interface AskState {
  /** The engine's answer for the current scene (template questions), drawn in the 3D view. */
  answer: AnswerJson | null
  /** The latest question about the current scene, running or done. */
  run: ReasoningRun | null
  isAsking: boolean
  ask(question: string): Promise<void>
  /** Asks the service to stop the running question (it ends as "Cancelled"). */
  cancel(): void
}

const ASK_FAILED = {
  title: 'Could not answer the question',
  hint: 'If the server restarted or the scene expired, load the frame again (or the sample); if the question was rejected, rephrase it like the examples.',
  offersSample: true,
}

/** An id for one question; crypto.randomUUID needs a secure context, which `serve` over a LAN is not. */
export function newRequestId(): string {
  return `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * Asks `qa:reason` about one scene: the service answers template questions itself and sends
 * anything else to the configured LLM, streaming `qa:step` events tagged with our request id.
 * Answers belong to the scene they were asked about; a new scene cancels a question still running.
 */
export function useAsk(
  client: SpatialClient,
  sceneId: string | null,
  reportError: (error: UiError | null) => void,
): AskState {
  const { run, setRun, current } = useStreamedRun(client)
  // The request id of the latest ask, set at once.
  const latestRequestId = useRef<string | null>(null)

  const cancelRun = useCallback(
    (target: ReasoningRun) => {
      client.invoke('qa:cancel', { requestId: target.requestId }).catch(() => undefined)
    },
    [client],
  )

  // A question about a scene that is no longer shown is not worth waiting for.
  useEffect(() => {
    const running = current.current
    if (running && !running.result && running.sceneId !== sceneId) cancelRun(running)
  }, [sceneId, cancelRun, current])

  const ask = useCallback(
    async (question: string) => {
      if (!sceneId || !question.trim()) return
      const requestId = newRequestId()
      latestRequestId.current = requestId
      const started = startedRun(requestId, sceneId, question)
      setRun(started)
      reportError(null)
      try {
        const result = await client.invoke('qa:reason', {
          sceneId,
          question: started.question,
          requestId,
        })
        setRun((latest) => withResult(latest, requestId, result))
      } catch (error) {
        setRun((latest) => (latest?.requestId === requestId ? null : latest))
        if (latestRequestId.current === requestId) reportError(toUiError(error, ASK_FAILED))
      }
    },
    [client, sceneId, reportError, setRun],
  )

  const cancel = useCallback(() => {
    const running = current.current
    if (!running || running.result || running.isCancelling) return
    setRun((latest) => withCancelling(latest, running.requestId))
    cancelRun(running)
  }, [cancelRun, current, setRun])

  const visible = run && run.sceneId === sceneId ? run : null
  return {
    answer: visible?.result?.templateAnswer ?? null,
    run: visible,
    isAsking: visible !== null && visible.result === null,
    ask,
    cancel,
  }
}

/** The latest run, its steps filled in as `qa:step` events stream; `current`: the committed run, for handlers and effects. */
function useStreamedRun(client: SpatialClient): {
  run: ReasoningRun | null
  setRun: Dispatch<SetStateAction<ReasoningRun | null>>
  current: RefObject<ReasoningRun | null>
} {
  const [run, setRun] = useState<ReasoningRun | null>(null)
  const current = useLatest(run)

  useEffect(
    () =>
      client.subscribe('qa:step', ({ requestId, step }) => {
        setRun((latest) => withStep(latest, requestId, step))
      }),
    [client],
  )
  return { run, setRun, current }
}
