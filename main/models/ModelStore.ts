import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { asarUnpackedPath, packageRoot } from '../app/paths'
import { UserError } from '../app/userError'
import { resolveModelCacheDirectory } from './cacheDirectory'
import {
  downloadFile,
  PARTIAL_SUFFIX,
  type DownloadProgress,
  type DownloadRequest,
  type DownloadResult,
} from './downloader'
import { sha256OfFile } from './hashFile'
import { readLockSync, updateLock, type LockedFile } from './lockFile'
import { activeManifest, findModel } from './manifest'
import type { ModelEntry, ModelFile, ModelManifest } from '../contract/manifestSchema'
import {
  assertUsable,
  fileStatus,
  modelState,
  sizeOf,
  type FileStatus,
  type ModelStatus,
} from './modelStatus'

export type { FileState, FileStatus, ModelState, ModelStatus } from './modelStatus'

export interface VerifiedFile {
  path: string
  outcome: 'ok' | 'unverified' | 'mismatch' | 'missing'
  expectedSha256: string | null
  actualSha256: string | null
  /** Where the expected hash came from. */
  reference: 'published' | 'lock' | 'none'
  isDeleted: boolean
}

export interface DownloadedFile {
  path: string
  outcome: 'downloaded' | 'already-installed'
  result: DownloadResult | null
}

export interface ModelStoreOptions {
  /** Default: activeManifest() ($SPATIAL_LENS_MANIFEST, else the bundled manifest). */
  manifest?: ModelManifest
  /** Default: SPATIAL_LENS_MODELS or the per-user cache (see resolveModelCacheDirectory). */
  cacheDirectory?: string
  /** Where built-in files are resolved; default: the package root. */
  packageRoot?: string
}

export interface DownloadOptions extends Pick<
  DownloadRequest,
  'idleTimeoutMs' | 'attempts' | 'retryDelayMs' | 'signal'
> {
  onFileStart?: (file: ModelFile, index: number, count: number) => void
  onProgress?: (file: ModelFile, progress: DownloadProgress) => void
}

/**
 * The model manager: which models of the manifest are installed, where their files are, and
 * download / verify / remove. Layout: `<cache>/<model id>/<file path>`, plus `models.lock.json`
 * recording the hash each file had when installed. Built-in models resolve to the package copy.
 */
export class ModelStore {
  readonly manifest: ModelManifest
  readonly cacheDirectory: string
  private readonly root: string | undefined

  constructor(options: ModelStoreOptions = {}) {
    this.manifest = options.manifest ?? activeManifest()
    this.cacheDirectory = options.cacheDirectory ?? resolveModelCacheDirectory()
    this.root = options.packageRoot
  }

  entry(modelId: string): ModelEntry {
    return findModel(this.manifest, modelId)
  }

  /** Folder of a downloaded or manually installed model. */
  modelDirectory(modelId: string): string {
    return join(this.cacheDirectory, this.entry(modelId).id)
  }

  /** Installed / missing / partial / damaged / built-in for one model (sizes only; no hashing). */
  status(modelId: string): ModelStatus {
    const entry = this.entry(modelId)
    const lockedFiles = readLockSync(this.cacheDirectory).models[entry.id] ?? {}
    const files = entry.files.map((file) =>
      fileStatus(this.filePathOf(entry, file), file, lockedFiles[file.path] ?? null),
    )
    const sizes = entry.files.map((file) => file.bytes ?? file.approxBytes ?? null)
    const knownSizes = sizes.filter((size): size is number => size !== null)
    return {
      entry,
      state: modelState(entry, files),
      files,
      totalBytes: knownSizes.length > 0 ? knownSizes.reduce((sum, size) => sum + size, 0) : null,
      isSizeApproximate: entry.files.some((file) => file.bytes === null),
      isSizeLowerBound: knownSizes.length < sizes.length,
    }
  }

  list(): ModelStatus[] {
    return this.manifest.models.map((model) => this.status(model.id))
  }

  /**
   * Absolute path of a model's file, checked cheaply (present, right size). Throws
   * ModelMissingError / ModelCorruptError whose message names the command that fixes it.
   * `role` picks the file (default: the one the pre-processing feeds).
   */
  filePath(modelId: string, role?: ModelFile['role']): string {
    const status = this.status(modelId)
    const wanted = role
      ? status.files.find((file) => file.file.role === role)
      : status.files.find((file) =>
          status.entry.preprocess
            ? file.file.path === status.entry.preprocess.file
            : file.file.role === 'gguf',
        )
    if (!wanted) throw new UserError(`model "${modelId}" has no ${role} file`)
    assertUsable(status.entry, wanted)
    return wanted.path
  }

  /** All files of a model by manifest path, each checked as in filePath. */
  filePaths(modelId: string): Record<string, string> {
    const status = this.status(modelId)
    const paths: Record<string, string> = {}
    for (const file of status.files) {
      assertUsable(status.entry, file)
      paths[file.file.path] = file.path
    }
    return paths
  }

  /** Downloads the model's missing files (resuming partial ones) and locks their hashes. */
  async download(modelId: string, options: DownloadOptions = {}): Promise<DownloadedFile[]> {
    const status = this.status(modelId)
    const entry = status.entry
    if (entry.install === 'builtin')
      return status.files.map((file) => ({
        path: file.path,
        outcome: 'already-installed',
        result: null,
      }))
    if (entry.install === 'manual')
      throw new UserError(`model "${entry.id}" has no public download. ${entry.installHint}`)
    const outcomes: DownloadedFile[] = []
    for (const [index, installed] of status.files.entries()) {
      const file = installed.file
      if (installed.state === 'present') {
        outcomes.push({ path: installed.path, outcome: 'already-installed', result: null })
        continue
      }
      if (installed.state === 'wrong-size') await rm(installed.path, { force: true })
      options.onFileStart?.(file, index, status.files.length)
      const result = await downloadFile({
        urls: file.urls,
        destination: installed.path,
        sha256: file.sha256,
        bytes: file.bytes,
        idleTimeoutMs: options.idleTimeoutMs,
        attempts: options.attempts,
        retryDelayMs: options.retryDelayMs,
        signal: options.signal,
        onProgress: (progress) => options.onProgress?.(file, progress),
      })
      await updateLock(this.cacheDirectory, entry.id, (files) => {
        files[file.path] = lockRecord(result.sha256, result.bytes, result.isVerified, result.url)
      })
      outcomes.push({ path: installed.path, outcome: 'downloaded', result })
    }
    return outcomes
  }

  /**
   * Re-hashes every file against the manifest's published SHA-256, else the hash locked when it was
   * downloaded. A file with neither (an offline copy) is reported 'unverified' with its hash and NOT
   * locked: there is nothing to check it against, and pinning whatever is on disk would make a
   * damaged or swapped file look trusted. A mismatching downloaded file is deleted so `download`
   * fetches it again; built-in and manual files are only reported.
   */
  async verify(modelId: string): Promise<VerifiedFile[]> {
    const status = this.status(modelId)
    const results: VerifiedFile[] = []
    for (const installed of status.files)
      results.push(await this.verifyFile(status.entry, installed))
    return results
  }

  /** One file of {@link verify}: hashed unless missing; locked on a published match, deleted on a mismatch of a download. */
  private async verifyFile(entry: ModelEntry, installed: FileStatus): Promise<VerifiedFile> {
    const file = installed.file
    const reference = file.sha256 ? 'published' : installed.lock ? 'lock' : 'none'
    const expectedSha256 = file.sha256 ?? installed.lock?.sha256 ?? null
    const row = (
      outcome: VerifiedFile['outcome'],
      actualSha256: string | null,
      isDeleted = false,
    ): VerifiedFile => ({
      path: installed.path,
      outcome,
      expectedSha256,
      actualSha256,
      reference,
      isDeleted,
    })
    if (installed.state === 'missing' || installed.state === 'partial') return row('missing', null)
    const actual = await sha256OfFile(installed.path)
    const isSizeWrong = installed.state === 'wrong-size'
    if (!isSizeWrong && expectedSha256 === null) return row('unverified', actual.sha256)
    if (!isSizeWrong && expectedSha256 === actual.sha256) {
      // A published hash matched: lock it, so later checks also catch a size change without hashing.
      if (entry.install !== 'builtin' && file.sha256 !== null) {
        await updateLock(this.cacheDirectory, entry.id, (files) => {
          files[file.path] ??= lockRecord(
            actual.sha256,
            actual.bytes,
            true,
            'verify (files already in the cache)',
          )
        })
      }
      return row('ok', actual.sha256)
    }
    const isDeleted = entry.install === 'download'
    if (isDeleted) {
      await rm(installed.path, { force: true })
      await updateLock(this.cacheDirectory, entry.id, (files) => delete files[file.path])
    }
    return row('mismatch', actual.sha256, isDeleted)
  }

  /** Deletes a model's folder (partial downloads included) and its lock records. */
  async remove(modelId: string): Promise<{ removedBytes: number }> {
    const status = this.status(modelId)
    if (status.entry.install === 'builtin')
      throw new UserError(
        `model "${modelId}" is built in (part of the package) and cannot be removed`,
      )
    let removedBytes = 0
    for (const file of status.files) {
      removedBytes += file.bytesOnDisk ?? 0
      removedBytes += sizeOf(file.path + PARTIAL_SUFFIX) ?? 0
    }
    await rm(this.modelDirectory(modelId), { recursive: true, force: true })
    await updateLock(this.cacheDirectory, status.entry.id, (files) => {
      for (const path of Object.keys(files)) delete files[path]
    })
    return { removedBytes }
  }

  /**
   * Where a file lives: the package copy for built-ins (unpacked from the packaged app's archive,
   * as onnxruntime opens it by path), else `<cache>/<model id>/<path>`.
   */
  private filePathOf(entry: ModelEntry, file: ModelFile): string {
    if (entry.install === 'builtin' && file.builtinPath)
      return asarUnpackedPath(join(this.root ?? packageRoot(), file.builtinPath))
    return join(this.cacheDirectory, entry.id, file.path)
  }
}

function lockRecord(
  sha256: string,
  bytes: number,
  isPublished: boolean,
  source: string,
): LockedFile {
  return {
    sha256,
    bytes,
    verification: isPublished ? 'published' : 'trust-on-first-use',
    source,
    installedAt: new Date().toISOString(),
  }
}
