import { useCallback } from 'react'
import type { ModelProgressEvent, ModelRow } from '../../../main/contract/modelsSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { downloadNotice, type ModelNotice } from './modelsUpdates'
import { useModelList } from './useModelList'
import { useModelNotices } from './useModelNotices'

export type { ModelNotice } from './modelsUpdates'

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

/**
 * The model manager through the client: the list, actions that update their row from the reply,
 * and `models:progress` events (from this window or another) for running downloads.
 */
export function useModels(client: SpatialClient): ModelsState {
  const { list, loadError, progress, refresh, changeRow, replaceRow } = useModelList(client)
  const { notices, notify, fail, attempt } = useModelNotices()

  const download = useCallback(
    async (modelId: string) => {
      notify(modelId, null)
      changeRow(modelId, (model) => ({ ...model, isDownloading: true }))
      try {
        const report = await client.invoke('models:download', { modelId })
        replaceRow(report.model)
        notify(modelId, downloadNotice(report))
      } catch (error) {
        fail(modelId, error)
        void refresh()
      }
    },
    [client, changeRow, notify, replaceRow, fail, refresh],
  )

  const cancel = useCallback(
    (modelId: string) =>
      attempt(modelId, async () => {
        await client.invoke('models:cancel', { modelId })
      }),
    [client, attempt],
  )

  const verify = useCallback(
    (modelId: string) => {
      notify(modelId, { kind: 'info', message: 'Verifying (hashing the files)…' })
      return attempt(modelId, async () => {
        const report = await client.invoke('models:verify', { modelId })
        replaceRow(report.model)
        notify(modelId, { kind: report.isAllOk ? 'ok' : 'error', message: report.message })
      })
    },
    [client, notify, replaceRow, attempt],
  )

  const remove = useCallback(
    (modelId: string) =>
      attempt(modelId, async () => {
        const report = await client.invoke('models:remove', { modelId })
        replaceRow(report.model)
        notify(modelId, { kind: 'info', message: 'Removed.' })
      }),
    [client, notify, replaceRow, attempt],
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
