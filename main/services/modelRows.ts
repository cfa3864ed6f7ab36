import { PARTIAL_SUFFIX } from '../models/downloader'
import { downloadCommand } from '../models/errors'
import { sizeOf, type ModelStatus } from '../models/modelStatus'
import type { ModelRow } from '../contract/modelsSchema'

/** A manifest model's status as the Models panel shows it. */
export function modelRow(status: ModelStatus, directory: string, isDownloading: boolean): ModelRow {
  const { entry } = status
  const bytesOnDisk = status.files.reduce(
    (sum, file) => sum + (file.bytesOnDisk ?? 0) + (sizeOf(file.path + PARTIAL_SUFFIX) ?? 0),
    0,
  )
  return {
    id: entry.id,
    name: entry.name,
    task: entry.task,
    install: entry.install,
    isOptional: entry.isOptional,
    state: status.state,
    verification: verificationOf(status),
    totalBytes: status.totalBytes,
    isSizeApproximate: status.isSizeApproximate,
    isSizeLowerBound: status.isSizeLowerBound,
    bytesOnDisk,
    licence: entry.licence,
    directory,
    files: status.files.map((file) => ({ path: file.file.path, state: file.state })),
    installCommand: entry.install === 'download' ? downloadCommand(entry.id) : null,
    installHint: entry.installHint ?? null,
    isDownloading,
  }
}

/** How the installed files were checked, from the lock records written at install / verify. */
function verificationOf(status: ModelStatus): ModelRow['verification'] {
  if (status.state === 'built-in') return 'built-in'
  if (status.state !== 'installed') return null
  const locks = status.files.map((file) => file.lock)
  if (locks.some((lock) => lock === null)) return 'unchecked'
  return locks.every((lock) => lock?.verification === 'published')
    ? 'published'
    : 'trust-on-first-use'
}
