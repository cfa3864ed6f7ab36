import { useCallback, useEffect, useRef, useState } from 'react'
import type { ModelProgressEvent, ModelRow } from '../../../main/contract/modelsSchema'
import type { SpatialClient } from '../client/SpatialClient'

/** The last thing that happened to a model, shown under its row. */
export interface ModelNotice {
  kind: 'ok' | 'info' | 'error'
  message: string
  /** What to do next (failed or cancelled downloads, connection problems). */
  hint?: string | null
}

export interface ModelsState {
  modelsDirectory: string | null
  models: ModelRow[] | null
  loadError: string | null
  /** Latest progress of downloads running now, by model id. */
  progress: Record<string, ModelProgressEvent>
  notices: Record<string, ModelNotice>
  download(modelId: string): Promise<void>
  cancel(modelId: string): Promise<void>
  verify(modelId: string): Promise<void>
  remove(modelId: string): Promise<void>
}

const RETRY_HINT =
  'Check that the Spatial Lens service is running (the status bar shows its connection), then try again.'

/**
 * The model manager through the client: the list, actions that update their row from the reply,
 * and `models:progress` events (from this window or another) for running downloads.
 */
export function useModels(client: SpatialClient): ModelsState {
  const [list, setList] = useState<{ modelsDirectory: string; models: ModelRow[] } | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Record<string, ModelProgressEvent>>({})
  const [notices, setNotices] = useState<Record<string, ModelNotice>>({})
  const isMounted = useRef(true)

  const refresh = useCallback(async () => {
    try {
      const next = await client.invoke('models:list', {})
      if (isMounted.current) {
        setList(next)
        setLoadError(null)
      }
    } catch (error) {
      if (isMounted.current) setLoadError((error as Error).message)
    }
  }, [client])

  useEffect(() => {
    isMounted.current = true
    void refresh()
    const stop = client.subscribe('models:progress', (event) => {
      setProgress((current) => {
        const next = { ...current }
        if (event.phase === 'downloading') next[event.modelId] = event
        else delete next[event.modelId]
        return next
      })
      // Another window's download finished: show its outcome in the list too.
      if (event.phase !== 'downloading') void refresh()
    })
    return () => {
      isMounted.current = false
      stop()
    }
  }, [client, refresh])

  const replaceRow = useCallback((row: ModelRow) => {
    setList(
      (current) =>
        current && {
          ...current,
          models: current.models.map((model) => (model.id === row.id ? row : model)),
        },
    )
  }, [])
  const notify = useCallback((modelId: string, notice: ModelNotice | null) => {
    setNotices((current) => {
      const next = { ...current }
      if (notice) next[modelId] = notice
      else delete next[modelId]
      return next
    })
  }, [])
  const fail = useCallback(
    (modelId: string, error: unknown) =>
      notify(modelId, { kind: 'error', message: (error as Error).message, hint: RETRY_HINT }),
    [notify],
  )

  const download = useCallback(
    async (modelId: string) => {
      notify(modelId, null)
      setList(
        (current) =>
          current && {
            ...current,
            models: current.models.map((m) =>
              m.id === modelId ? { ...m, isDownloading: true } : m,
            ),
          },
      )
      try {
        const report = await client.invoke('models:download', { modelId })
        replaceRow(report.model)
        const kind =
          report.outcome === 'failed' ? 'error' : report.outcome === 'cancelled' ? 'info' : 'ok'
        notify(modelId, { kind, message: report.message, hint: report.hint })
      } catch (error) {
        fail(modelId, error)
        void refresh()
      }
    },
    [client, notify, replaceRow, fail, refresh],
  )

  const cancel = useCallback(
    async (modelId: string) => {
      try {
        await client.invoke('models:cancel', { modelId })
      } catch (error) {
        fail(modelId, error)
      }
    },
    [client, fail],
  )

  const verify = useCallback(
    async (modelId: string) => {
      notify(modelId, { kind: 'info', message: 'Verifying (hashing the files)…' })
      try {
        const report = await client.invoke('models:verify', { modelId })
        replaceRow(report.model)
        notify(modelId, { kind: report.isAllOk ? 'ok' : 'error', message: report.message })
      } catch (error) {
        fail(modelId, error)
      }
    },
    [client, notify, replaceRow, fail],
  )

  const remove = useCallback(
    async (modelId: string) => {
      try {
        const report = await client.invoke('models:remove', { modelId })
        replaceRow(report.model)
        notify(modelId, { kind: 'info', message: 'Removed.' })
      } catch (error) {
        fail(modelId, error)
      }
    },
    [client, notify, replaceRow, fail],
  )

  return {
    modelsDirectory: list?.modelsDirectory ?? null,
    models: list?.models ?? null,
    loadError,
    progress,
    notices,
    download,
    cancel,
    verify,
    remove,
  }
}
