import { formatBytes } from '../models/progressDisplay'
import { DownloadError } from '../models/errors'
import { ModelStore, type DownloadedFile, type DownloadOptions } from '../models/ModelStore'
import type {
  DownloadReport,
  ModelRow,
  ModelProgressEvent,
  VerifyReport,
} from '../contract/modelsSchema'
import type { ModelStatusJson } from '../contract/modelsCliSchema'
import { UserError } from '../app/userError'
import { modelRow } from './modelRows'
import { modelStatusJson } from './modelStatusJson'
import { downloadHint } from './downloadHints'
import type { ServiceEvents } from './ServiceEvents'

/** At most this many progress events per second and model (the last one is always sent). */
const PROGRESS_EVENTS_PER_SECOND = 10

export interface ModelsServiceOptions {
  /** Default: a store over $SPATIAL_LENS_MANIFEST / the bundled manifest and the user's cache. */
  createStore?: () => ModelStore
  /** Passed to the downloader (tests shorten retries). */
  download?: Pick<DownloadOptions, 'idleTimeoutMs' | 'attempts' | 'retryDelayMs'>
}

/**
 * The `models:*` channels: the model manager (ModelStore) for the UI, with downloads streamed as
 * `models:progress` events and cancellable. Downloads are async I/O on this process's event loop;
 * they never block a host. One download per model at a time.
 */
export class ModelsService {
  private readonly downloads = new Map<string, AbortController>()
  private store: ModelStore | null = null

  constructor(
    private readonly events: ServiceEvents,
    private readonly options: ModelsServiceOptions = {},
  ) {}

  list(): { modelsDirectory: string; models: ModelRow[] } {
    const store = this.modelStore()
    return {
      modelsDirectory: store.cacheDirectory,
      models: store.manifest.models.map((model) => this.row(model.id)),
    }
  }

  /** Every manifest field of one model, with its files' state, location and lock record. */
  info(modelId: string): ModelStatusJson {
    return modelStatusJson(this.modelStore().status(modelId))
  }

  async download(modelId: string): Promise<DownloadReport> {
    const store = this.modelStore()
    const entry = store.entry(modelId)
    if (this.downloads.has(entry.id)) throw new UserError(`${entry.id} is already downloading`)
    if (entry.install === 'manual')
      throw new UserError(`model "${entry.id}" has no public download. ${entry.installHint}`)
    const controller = new AbortController()
    this.downloads.set(entry.id, controller)
    const progress = this.progressReporter(entry.id)
    try {
      const files = await store.download(entry.id, {
        ...this.options.download,
        signal: controller.signal,
        onFileStart: (file, index, count) => progress.start({ path: file.path, index, count }),
        onProgress: (_file, update) => progress.update(update),
      })
      this.downloads.delete(entry.id)
      progress.end('done')
      const names = entry.files.map((file) => file.path)
      return { model: this.row(entry.id), ...installedOutcome(files, names), hint: null }
    } catch (error) {
      this.downloads.delete(entry.id)
      if (!(error instanceof DownloadError)) {
        progress.end('failed', (error as Error).message)
        throw error
      }
      const isCancelled = error.kind === 'cancelled'
      progress.end(isCancelled ? 'cancelled' : 'failed', error.message)
      const model = this.row(entry.id)
      return {
        model,
        outcome: isCancelled ? 'cancelled' : 'failed',
        message: isCancelled ? 'Download cancelled.' : error.message,
        hint: downloadHint(error, model),
        files: [],
      }
    }
  }

  cancel(modelId: string): { isCancelled: boolean } {
    const controller = this.downloads.get(modelId)
    controller?.abort()
    return { isCancelled: controller !== undefined }
  }

  async verify(modelId: string): Promise<VerifyReport> {
    this.refuseWhileDownloading(modelId, 'verify')
    const store = this.modelStore()
    const names = store.status(modelId).files.map((file) => file.file.path)
    // The manifest's file names (in the same order): the panel shows the folder beside them.
    const files = (await store.verify(modelId)).map((file, index) => ({
      ...file,
      path: names[index] ?? file.path,
      location: file.path,
    }))
    const lines = files.map((file) => {
      if (file.outcome === 'ok')
        return `${file.path}: ok (${file.reference === 'published' ? 'published SHA-256' : 'hash recorded at install'})`
      if (file.outcome === 'unverified')
        return `${file.path}: not verified (no published hash to check it against; not marked trusted). SHA-256 ${file.actualSha256}: compare it with the source of the file`
      if (file.outcome === 'missing') return `${file.path}: missing`
      return `${file.path}: corrupt (SHA-256 ${file.actualSha256}, expected ${file.expectedSha256})${file.isDeleted ? '; deleted it: download it again' : ''}`
    })
    return {
      model: this.row(modelId),
      isAllOk: files.every((file) => file.outcome === 'ok' || file.outcome === 'unverified'),
      files,
      message: lines.join('\n'),
    }
  }

  async remove(modelId: string): Promise<{ model: ModelRow; removedBytes: number }> {
    this.refuseWhileDownloading(modelId, 'remove')
    const { removedBytes } = await this.modelStore().remove(modelId)
    return { model: this.row(modelId), removedBytes }
  }

  /** Cancels every download (the host is closing); their partial files stay for next time. */
  dispose(): void {
    for (const controller of this.downloads.values()) controller.abort()
  }

  private row(modelId: string): ModelRow {
    const store = this.modelStore()
    return modelRow(
      store.status(modelId),
      store.modelDirectory(modelId),
      this.downloads.has(store.entry(modelId).id),
    )
  }

  private refuseWhileDownloading(modelId: string, action: string): void {
    if (this.downloads.has(this.modelStore().entry(modelId).id))
      throw new UserError(`${modelId} is downloading: cancel the download first, then ${action} it`)
  }

  /** Created on first use: a broken $SPATIAL_LENS_MANIFEST is then an error on the models channels only. */
  private modelStore(): ModelStore {
    this.store ??= this.options.createStore?.() ?? new ModelStore()
    return this.store
  }

  /**
   * Sends `models:progress` for one download: at most PROGRESS_EVENTS_PER_SECOND, the latest value
   * sent after a pause (a stalled transfer still shows what arrived), every phase change at once.
   */
  private progressReporter(modelId: string) {
    const intervalMs = 1000 / PROGRESS_EVENTS_PER_SECOND
    let file: ModelProgressEvent['file'] = null
    let last = { receivedBytes: 0, totalBytes: null as number | null, bytesPerSecond: 0 }
    let lastSentMs = -Infinity
    let trailing: ReturnType<typeof setTimeout> | null = null
    const send = (phase: ModelProgressEvent['phase'], message?: string) => {
      if (trailing) clearTimeout(trailing)
      trailing = null
      lastSentMs = performance.now()
      this.events.emit('models:progress', { modelId, phase, file, ...last, message })
    }
    return {
      start(next: NonNullable<ModelProgressEvent['file']>) {
        file = next
        last = { receivedBytes: 0, totalBytes: null, bytesPerSecond: 0 }
        send('downloading')
      },
      update(update: typeof last) {
        last = update
        const isFileDone = update.totalBytes !== null && update.receivedBytes >= update.totalBytes
        const waitMs = lastSentMs + intervalMs - performance.now()
        if (isFileDone || waitMs <= 0) send('downloading')
        else trailing ??= setTimeout(() => send('downloading'), waitMs)
      },
      end: send,
    }
  }
}

/** `names`: the manifest's file names, in the order the store downloads them. */
function installedOutcome(
  files: DownloadedFile[],
  names: string[],
): Pick<DownloadReport, 'outcome' | 'message' | 'files'> {
  const reported = files.map((file, index) => ({
    path: names[index] ?? file.path,
    location: file.path,
    outcome: file.outcome,
    bytes: file.result?.bytes ?? null,
    sha256: file.result?.sha256 ?? null,
    isVerified: file.result?.isVerified ?? null,
  }))
  const downloaded = files.filter((file) => file.result)
  if (downloaded.length === 0)
    return { outcome: 'already-installed', message: 'Already installed.', files: reported }
  const bytes = downloaded.reduce((sum, file) => sum + (file.result?.bytes ?? 0), 0)
  const isVerified = downloaded.every((file) => file.result?.isVerified)
  return {
    outcome: 'installed',
    message: `Downloaded ${formatBytes(bytes)}; ${isVerified ? 'SHA-256 verified' : 'no published hash: SHA-256 recorded (trust on first use)'}.`,
    files: reported,
  }
}
