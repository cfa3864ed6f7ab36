import type {
  DownloadReport,
  ModelProgressEvent,
  ModelRow,
} from '../../../main/contract/modelsSchema'

/** The last thing that happened to a model, shown under its row. */
export interface ModelNotice {
  kind: 'ok' | 'info' | 'error'
  message: string
  /** What to do next (failed or cancelled downloads, connection problems). */
  hint?: string | null
}

/** The model list as `models:list` gives it. */
export interface ModelList {
  modelsDirectory: string
  models: ModelRow[]
}

/** Running downloads after a progress event: kept while downloading, dropped once it ended. */
export function withProgress(
  current: Record<string, ModelProgressEvent>,
  event: ModelProgressEvent,
): Record<string, ModelProgressEvent> {
  const next = { ...current }
  if (event.phase === 'downloading') next[event.modelId] = event
  else delete next[event.modelId]
  return next
}

/** The list with `modelId`'s row changed by `change` (null stays null: nothing listed yet). */
export function withRowChanged(
  list: ModelList | null,
  modelId: string,
  change: (row: ModelRow) => ModelRow,
): ModelList | null {
  return (
    list && {
      ...list,
      models: list.models.map((model) => (model.id === modelId ? change(model) : model)),
    }
  )
}

/** The notices with `modelId`'s set, or cleared when `notice` is null. */
export function withNotice(
  current: Record<string, ModelNotice>,
  modelId: string,
  notice: ModelNotice | null,
): Record<string, ModelNotice> {
  const next = { ...current }
  if (notice) next[modelId] = notice
  else delete next[modelId]
  return next
}

/** What a finished download shows: failed as an error, cancelled as info, installed as ok. */
export function downloadNotice(
  report: Pick<DownloadReport, 'outcome' | 'message' | 'hint'>,
): ModelNotice {
  const kind =
    report.outcome === 'failed' ? 'error' : report.outcome === 'cancelled' ? 'info' : 'ok'
  return { kind, message: report.message, hint: report.hint }
}
