import { useCallback, useEffect, useRef, useState } from 'react'
import type { ModelProgressEvent, ModelRow } from '../../../main/contract/modelsSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { withProgress, withRowChanged, type ModelList } from './modelsUpdates'

/**
 * The model list from `models:list`, refreshed when any window's download ends, its rows updated
 * from action replies, and the progress of the downloads running now (`models:progress` events).
 */
export function useModelList(client: SpatialClient): {
  list: ModelList | null
  /** Changes one listed row (nothing before the list loaded). */
  changeRow(modelId: string, change: (row: ModelRow) => ModelRow): void
  /** Puts a row from an action's reply in place of the listed one. */
  replaceRow(row: ModelRow): void
  loadError: string | null
  progress: Record<string, ModelProgressEvent>
  refresh(): Promise<void>
} {
  const [list, setList] = useState<ModelList | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Record<string, ModelProgressEvent>>({})
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
      setProgress((current) => withProgress(current, event))
      // Another window's download finished: show its outcome in the list too.
      if (event.phase !== 'downloading') void refresh()
    })
    return () => {
      isMounted.current = false
      stop()
    }
  }, [client, refresh])

  const changeRow = useCallback(
    (modelId: string, change: (row: ModelRow) => ModelRow) =>
      setList((current) => withRowChanged(current, modelId, change)),
    [],
  )
  const replaceRow = useCallback((row: ModelRow) => changeRow(row.id, () => row), [changeRow])

  return { list, loadError, progress, refresh, changeRow, replaceRow }
}
