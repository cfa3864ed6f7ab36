import { statSync } from 'node:fs'
import { join } from 'node:path'
import { PARTIAL_SUFFIX } from './downloader'
import { downloadCommand, ModelCorruptError, ModelMissingError } from './errors'
import type { LockedFile } from './lockFile'
import type { ModelEntry, ModelFile } from '../contract/manifestSchema'

/**
 * Install state of a model's files, from sizes alone (cheap: no hashing), and the one clear error
 * for a file that cannot be used.
 */

export type FileState = 'present' | 'partial' | 'missing' | 'wrong-size'
export type ModelState = 'installed' | 'missing' | 'partial' | 'damaged' | 'built-in'

export interface FileStatus {
  file: ModelFile
  /** Absolute path the file has (or will have) when installed. */
  path: string
  state: FileState
  bytesOnDisk: number | null
  lock: LockedFile | null
}

export interface ModelStatus {
  entry: ModelEntry
  state: ModelState
  files: FileStatus[]
  /** Sum of the files' sizes (published, else approximate); null when no size is known. */
  totalBytes: number | null
  isSizeApproximate: boolean
  /** Some file has no size at all: the total is a lower bound. */
  isSizeLowerBound: boolean
}

/** State of one file at `path`: present (right size if the size is known), partial, missing. */
export function fileStatus(path: string, file: ModelFile, lock: LockedFile | null): FileStatus {
  const bytesOnDisk = sizeOf(path)
  if (bytesOnDisk === null) {
    const state = sizeOf(path + PARTIAL_SUFFIX) !== null ? 'partial' : 'missing'
    return { file, path, state, bytesOnDisk, lock }
  }
  const expectedBytes = file.bytes ?? lock?.bytes ?? null
  const state = expectedBytes !== null && expectedBytes !== bytesOnDisk ? 'wrong-size' : 'present'
  return { file, path, state, bytesOnDisk, lock }
}

/** The model's state from its files' states. */
export function modelState(entry: ModelEntry, files: FileStatus[]): ModelState {
  if (files.some((file) => file.state === 'wrong-size')) return 'damaged'
  if (files.every((file) => file.state === 'present'))
    return entry.install === 'builtin' ? 'built-in' : 'installed'
  if (files.some((file) => file.state !== 'missing')) return 'partial'
  return 'missing'
}

/** Throws the one clear message for an unusable file. */
export function assertUsable(entry: ModelEntry, file: FileStatus): void {
  if (file.state === 'present') return
  if (entry.install === 'builtin') {
    throw new ModelMissingError(
      entry.id,
      `built-in model "${entry.id}" is missing or damaged in this installation (${file.path}): reinstall Spatial Lens (npm ci)`,
    )
  }
  const fix =
    entry.install === 'manual'
      ? `it has no public download. ${entry.installHint}`
      : `run \`${downloadCommand(entry.id)}\``
  if (file.state === 'wrong-size') {
    throw new ModelCorruptError(
      entry.id,
      `model "${entry.id}" is damaged: ${file.path} has ${file.bytesOnDisk} bytes, expected ${file.file.bytes ?? file.lock?.bytes}; ${entry.install === 'manual' ? fix : `run \`${downloadCommand(entry.id)}\` to fetch it again`}`,
    )
  }
  const what = file.state === 'partial' ? 'is only partly downloaded' : 'is not installed'
  const offline =
    entry.install === 'download' ? ` (offline: copy its files into ${join(file.path, '..')})` : ''
  throw new ModelMissingError(
    entry.id,
    `model "${entry.id}" (${entry.name}) ${what}: ${fix}${offline}`,
  )
}

/** Size of a regular file, or null when there is none. */
export function sizeOf(path: string): number | null {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats.size : null
  } catch {
    return null
  }
}
