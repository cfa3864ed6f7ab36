import { useCallback, useState } from 'react'
import { withNotice, type ModelNotice } from './modelsUpdates'

const RETRY_HINT =
  'Check that the Spatial Lens service is running (the status bar shows its connection), then try again.'

/**
 * The notice under each model's row: `notify` sets or clears one; `attempt` runs a model action and
 * shows a failure (the request's message and how to retry) as that model's notice.
 */
export function useModelNotices(): {
  notices: Record<string, ModelNotice>
  notify(modelId: string, notice: ModelNotice | null): void
  fail(modelId: string, error: unknown): void
  attempt(modelId: string, action: () => Promise<void>): Promise<void>
} {
  const [notices, setNotices] = useState<Record<string, ModelNotice>>({})
  const notify = useCallback(
    (modelId: string, notice: ModelNotice | null) =>
      setNotices((current) => withNotice(current, modelId, notice)),
    [],
  )
  const fail = useCallback(
    (modelId: string, error: unknown) =>
      notify(modelId, { kind: 'error', message: (error as Error).message, hint: RETRY_HINT }),
    [notify],
  )
  const attempt = useCallback(
    async (modelId: string, action: () => Promise<void>) => {
      try {
        await action()
      } catch (error) {
        fail(modelId, error)
      }
    },
    [fail],
  )
  return { notices, notify, fail, attempt }
}
