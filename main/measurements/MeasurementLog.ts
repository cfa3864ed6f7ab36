import { UserError } from '../app/userError'
import { mkdir, open, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  measurementRecordSchema,
  type MeasurementList,
  type MeasurementRecord,
} from '../contract/measurementSchema'
import { measurementsToJsonl } from '../export/measurementJsonl'
import { writeFileAtomic } from '../files/atomicWrite'
import { resolveMeasurementLogPath, scanLogFile, type UnreadableLine } from './measurementLogFile'
import { fitRecord } from './recordSize'
import { currentLimits, type Limits } from '../app/limits'

/** The log's size limits (main/app/limits.ts). */
export type MeasurementLogLimits = Pick<
  Limits,
  'maxLogRecordBytes' | 'maxLogFileBytes' | 'maxListedRecords'
>

/** Unreadable lines named one by one in a listing's warnings; the rest are counted. */
const MAX_LINE_WARNINGS = 20

export interface MeasurementLogOptions {
  /** Default: resolveMeasurementLogPath() ($SPATIAL_LENS_HOME or the per-user data folder). */
  path?: string
  /** Appends whole lines durably; tests substitute failing ones. Default: appendLinesDurable. */
  appendLines?: (path: string, text: string) => Promise<void>
  /** Default: the limits in force (SPATIAL_LENS_MAX_LOG_… variables, main/app/limits.ts). */
  limits?: Partial<MeasurementLogLimits>
}

/**
 * The measurement log, persisted as JSON Lines so a restart loses nothing. Appends only ever add
 * bytes at the end (earlier records are never rewritten); a line that cannot be read (a crash
 * mid-append, a hand edit) is skipped with a warning and kept in the file. Clearing rewrites the
 * file atomically, keeping those unreadable lines. Records that could not be written stay in
 * memory, are listed with a warning, and are written with the next append. The file is re-read on
 * every list, so a CLI and a running app see each other's changes; operations of this process are
 * serialised. Bounded: a record is cut to the record limit (or refused), an append that would pass
 * the file limit is refused, the file is streamed line by line (never read into one string), and a
 * listing holds the newest records up to its limit.
 */
export class MeasurementLog {
  readonly path: string
  private queue: Promise<unknown> = Promise.resolve()
  private unsaved: MeasurementRecord[] = []
  private lastWriteError: string | null = null
  private readonly appendLines: (path: string, text: string) => Promise<void>
  readonly limits: MeasurementLogLimits

  constructor(options: MeasurementLogOptions = {}) {
    this.path = options.path ?? resolveMeasurementLogPath()
    this.appendLines = options.appendLines ?? appendLinesDurable
    const { maxLogRecordBytes, maxLogFileBytes, maxListedRecords } = currentLimits()
    this.limits = { maxLogRecordBytes, maxLogFileBytes, maxListedRecords, ...options.limits }
  }

  /**
   * Adds a record at the end; texts of a record over the record limit are cut. Rejects when the
   * record cannot fit, when the file would pass its limit, or when the disk refuses it (the record
   * is then kept in memory).
   */
  async append(record: MeasurementRecord): Promise<void> {
    const checked = fitRecord(measurementRecordSchema.parse(record), this.limits.maxLogRecordBytes)
    return this.serialised(async () => {
      const pending = [...this.unsaved, checked]
      await this.checkRoomFor(measurementsToJsonl(pending))
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

  /**
   * The newest records (up to the listing limit), oldest first, with warnings for unreadable lines,
   * records left out and records not saved yet.
   */
  list(): Promise<MeasurementList> {
    return this.serialised(async () => {
      const max = this.limits.maxListedRecords
      let newest: MeasurementRecord[] = []
      let total = 0
      const unreadable: UnreadableLine[] = []
      await scanLogFile(
        this.path,
        this.readLimit(),
        (record) => {
          total++
          newest.push(record)
          // Trim in batches: a bounded array without an O(n) shift per record.
          if (newest.length >= 2 * max) newest = newest.slice(-max)
        },
        (entry) => unreadable.push({ ...entry, line: null }),
      )
      const records = [...newest.slice(-max), ...this.unsaved].slice(
        -Math.max(max, this.unsaved.length),
      )
      return {
        records,
        warnings: this.warnings(unreadable, total + this.unsaved.length - records.length),
        location: this.path,
      }
    })
  }

  /** Every record in the file, oldest first (exports; the file limit bounds it), then those not saved yet. */
  all(): Promise<MeasurementRecord[]> {
    return this.serialised(async () => {
      const records: MeasurementRecord[] = []
      await scanLogFile(
        this.path,
        this.readLimit(),
        (record) => records.push(record),
        () => undefined,
      )
      return [...records, ...this.unsaved]
    })
  }

  /**
   * Removes every record; unreadable lines stay in the file, except lines over the record limit
   * (never readable, they are removed and counted). Resolves to how many were removed.
   */
  clear(): Promise<{ removedCount: number }> {
    return this.serialised(async () => {
      let removedCount = this.unsaved.length
      const kept: string[] = []
      await scanLogFile(
        this.path,
        this.readLimit(),
        () => removedCount++,
        (entry) => (entry.line === null ? removedCount++ : kept.push(`${entry.line}\n`)),
      )
      if (removedCount > 0) {
        await mkdir(dirname(this.path), { recursive: true })
        await writeFileAtomic(this.path, kept.join(''))
      }
      this.unsaved = []
      this.lastWriteError = null
      return { removedCount }
    })
  }

  /** Lines up to 4× the record limit are read (records written under a larger limit stay readable). */
  private readLimit(): number {
    return 4 * this.limits.maxLogRecordBytes
  }

  private warnings(unreadable: UnreadableLine[], leftOut: number): string[] {
    const warnings = unreadable
      .slice(0, MAX_LINE_WARNINGS)
      .map(
        (entry) =>
          `Line ${entry.lineNumber} of ${this.path} could not be read (${entry.reason}); it is kept in the file and left out here.`,
      )
    if (unreadable.length > MAX_LINE_WARNINGS)
      warnings.push(
        `${unreadable.length - MAX_LINE_WARNINGS} more lines of ${this.path} could not be read and are left out here.`,
      )
    if (leftOut > 0)
      warnings.push(
        `${leftOut} older measurement(s) are not listed (the newest ${this.limits.maxListedRecords} are); export the log for all of them.`,
      )
    if (this.unsaved.length > 0)
      warnings.push(
        `${this.unsaved.length} measurement(s) could not be saved to ${this.path} (${this.lastWriteError}); they are kept in memory and saved with the next one. Check that the folder is writable and the disk is not full.`,
      )
    return warnings
  }

  /** Refuses an append that would take the file past its limit (the log stays listable and exportable). */
  private async checkRoomFor(text: string): Promise<void> {
    const size = await stat(this.path).then(
      (info) => info.size,
      () => 0,
    )
    const bytes = Buffer.byteLength(text)
    if (size + bytes > this.limits.maxLogFileBytes)
      throw new MeasurementLogFullError(this.path, size, this.limits.maxLogFileBytes)
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
export class MeasurementLogWriteError extends UserError {
  constructor(path: string, pendingCount: number, cause: unknown) {
    super(
      `could not save the measurement log to ${path} (${(cause as Error).message}); ${pendingCount} measurement(s) are kept in memory and saved with the next one. Check that the folder is writable and the disk is not full.`,
    )
    this.name = 'UserError'
  }
}

/** The log file is at its size limit: says how to make room. */
export class MeasurementLogFullError extends UserError {
  constructor(path: string, size: number, maxBytes: number) {
    super(
      `the measurement log ${path} is full (${size} bytes; limit ${maxBytes}), so this measurement was not saved; export it ` +
        '(`npx spatial-lens log export`) and clear it (`npx spatial-lens log clear --yes`), or raise SPATIAL_LENS_MAX_LOG_FILE_BYTES',
    )
    this.name = 'UserError'
  }
}
