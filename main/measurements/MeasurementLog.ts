import { mkdir, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  measurementRecordSchema,
  type MeasurementList,
  type MeasurementRecord,
} from '../contract/measurementSchema'
import { measurementsToJsonl } from '../export/measurementJsonl'
import { writeFileAtomic } from '../files/atomicWrite'
import { readLogFile, resolveMeasurementLogPath } from './measurementLogFile'

export interface MeasurementLogOptions {
  /** Default: resolveMeasurementLogPath() ($SPATIAL_LENS_HOME or the per-user data folder). */
  path?: string
  /** Appends whole lines durably; tests substitute failing ones. Default: appendLinesDurable. */
  appendLines?: (path: string, text: string) => Promise<void>
}

/**
 * The measurement log, persisted as JSON Lines so a restart loses nothing. Appends only ever add
 * bytes at the end (earlier records are never rewritten); a line that cannot be read (a crash
 * mid-append, a hand edit) is skipped with a warning and kept in the file. Clearing rewrites the
 * file atomically, keeping those unreadable lines. Records that could not be written stay in
 * memory, are listed with a warning, and are written with the next append. The file is re-read on
 * every list, so a CLI and a running app see each other's changes; operations of this process are
 * serialised.
 */
export class MeasurementLog {
  readonly path: string
  private queue: Promise<unknown> = Promise.resolve()
  private unsaved: MeasurementRecord[] = []
  private lastWriteError: string | null = null
  private readonly appendLines: (path: string, text: string) => Promise<void>

  constructor(options: MeasurementLogOptions = {}) {
    this.path = options.path ?? resolveMeasurementLogPath()
    this.appendLines = options.appendLines ?? appendLinesDurable
  }

  /** Adds a record at the end. Rejects when the disk refuses it; the record is then kept in memory. */
  append(record: MeasurementRecord): Promise<void> {
    const checked = measurementRecordSchema.parse(record)
    return this.serialised(async () => {
      const pending = [...this.unsaved, checked]
      try {
        await this.appendLines(this.path, measurementsToJsonl(pending))
        this.unsaved = []
        this.lastWriteError = null
      } catch (error) {
        this.unsaved = pending
        this.lastWriteError = (error as Error).message
        throw new MeasurementLogWriteError(this.path, pending.length, error)
      }
    })
  }

  /** Every record, oldest first, with warnings for unreadable lines and records not saved yet. */
  list(): Promise<MeasurementList> {
    return this.serialised(async () => {
      const contents = await readLogFile(this.path)
      const warnings = contents.unreadable.map(
        (entry) =>
          `Line ${entry.lineNumber} of ${this.path} could not be read (${entry.reason}); it is kept in the file and left out here.`,
      )
      if (this.unsaved.length > 0)
        warnings.push(
          `${this.unsaved.length} measurement(s) could not be saved to ${this.path} (${this.lastWriteError}); they are kept in memory and saved with the next one. Check that the folder is writable and the disk is not full.`,
        )
      return { records: [...contents.records, ...this.unsaved], warnings, location: this.path }
    })
  }

  /** Removes every record (unreadable lines stay in the file); resolves to how many were removed. */
  clear(): Promise<{ removedCount: number }> {
    return this.serialised(async () => {
      const contents = await readLogFile(this.path)
      const removedCount = contents.records.length + this.unsaved.length
      if (removedCount > 0) {
        const kept = contents.unreadable.map((entry) => `${entry.line}\n`).join('')
        await mkdir(dirname(this.path), { recursive: true })
        await writeFileAtomic(this.path, kept)
      }
      this.unsaved = []
      this.lastWriteError = null
      return { removedCount }
    })
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}

/**
 * Appends whole lines and flushes them (fsync). When the file does not end with a newline (a crash
 * cut the last line), a newline goes first, so the cut line stays one unreadable line and the new
 * records stay readable. Creates the folder and the file when missing.
 */
export async function appendLinesDurable(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const handle = await open(path, 'a+')
  try {
    const { size } = await handle.stat()
    let prefix = ''
    if (size > 0) {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) prefix = '\n'
    }
    await handle.appendFile(prefix + text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The disk refused a record: says where, and that nothing is lost yet. */
export class MeasurementLogWriteError extends Error {
  constructor(path: string, pendingCount: number, cause: unknown) {
    super(
      `could not save the measurement log to ${path} (${(cause as Error).message}); ${pendingCount} measurement(s) are kept in memory and saved with the next one. Check that the folder is writable and the disk is not full.`,
    )
    this.name = 'UserError'
  }
}
