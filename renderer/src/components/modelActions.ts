import type { ModelRow } from '../../../main/contract/modelsSchema'

type ModelActionFields = Pick<ModelRow, 'install' | 'state' | 'bytesOnDisk'>

/** Which actions a model's row offers (none while it downloads: Cancel is in its progress bar). */
export interface ModelActionsShown {
  /** The download button's text, or null without one (installed, or not a download model). */
  download: string | null
  canVerify: boolean
  canRemove: boolean
}

/**
 * Download (resume a partial one, again for a damaged one) for download models not installed;
 * Verify once files are there (always for built-in and manual models); Remove for files that are
 * there, never for built-in models.
 */
export function modelActionsOf(model: ModelActionFields): ModelActionsShown {
  const hasFiles = model.bytesOnDisk > 0 || model.state === 'installed'
  const needsDownload = model.install === 'download' && model.state !== 'installed'
  return {
    download: needsDownload ? downloadLabel(model.state) : null,
    canVerify: hasFiles || model.install !== 'download',
    canRemove: model.install !== 'builtin' && hasFiles,
  }
}

function downloadLabel(state: ModelRow['state']): string {
  if (state === 'partial') return 'Resume download'
  return state === 'damaged' ? 'Download again' : 'Download'
}
