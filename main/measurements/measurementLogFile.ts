import { createReadStream } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { MeasurementRecord } from '../contract/measurementSchema'
import { parseMeasurementLine } from '../export/measurementJsonl'
import { appUserDirectory } from '../files/userDirectories'

/** File name of the measurement log inside the app's per-user data folder. */
export const MEASUREMENT_LOG_FILE_NAME = 'measurements.jsonl'

/**
 * Where the measurement log lives: `$SPATIAL_LENS_HOME/measurements.jsonl` when set, else the
 * platform's data folder (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application
 * Support` on macOS, `%APPDATA%` on Windows) + `spatial-lens/measurements.jsonl`. Pure.
 */
export function resolveMeasurementLogPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return join(appUserDirectory('data', env, platform, home), MEASUREMENT_LOG_FILE_NAME)
}

/** One line of the log file as streamed: its text, or null when it was longer than the limit (not kept). */
export interface LogLine {
  lineNumber: number
  line: string | null
  byteLength: number
}

/**
 * Streams the log file line by line (LF; a CR before it is dropped), never holding more than one
 * line: a log of hundreds of megabytes is read in 64 kB chunks, yielding to the event loop between
 * them, and a line longer than `maxLineBytes` is skipped unread (`line: null`). A missing file is
 * an empty log; other read errors are thrown. Blank lines are skipped.
 */
export async function* readLogLines(path: string, maxLineBytes: number): AsyncGenerator<LogLine> {
  let parts: Buffer[] = []
  let length = 0
  let lineNumber = 0
  const finish = (): LogLine | null => {
    lineNumber++
    const isOversize = length > maxLineBytes
    const text = isOversize
      ? null
      : Buffer.concat(parts, length).toString('utf8').replace(/\r$/, '')
    const line: LogLine = { lineNumber, line: text, byteLength: length }
    parts = []
    length = 0
    return text !== null && text.trim() === '' ? null : line
  }
  try {
    for await (const chunk of createReadStream(path, {
      highWaterMark: 64 * 1024,
    }) as AsyncIterable<Buffer>) {
      let start = 0
      for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
        keep(chunk.subarray(start, end))
        const line = finish()
        if (line) yield line
        start = end + 1
      }
      keep(chunk.subarray(start))
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if (length > 0) {
    const line = finish()
    if (line) yield line
  }

  // Bytes of an oversize line are counted, not kept.
  function keep(bytes: Buffer): void {
    if (length + bytes.length <= maxLineBytes) parts.push(bytes)
    else parts = []
    length += bytes.length
  }
}

/** A line of the file that is not a record (kept verbatim on clear unless it was oversize). */
export interface UnreadableLine {
  lineNumber: number
  /** null: longer than the line limit, so not read (and dropped by clear). */
  line: string | null
  reason: string
}

/**
 * Reads every line, handing each record to `onRecord` and each unreadable line to `onUnreadable`.
 * A line over `maxLineBytes` is unreadable without being parsed.
 */
export async function scanLogFile(
  path: string,
  maxLineBytes: number,
  onRecord: (record: MeasurementRecord) => void,
  onUnreadable: (entry: UnreadableLine) => void,
): Promise<void> {
  for await (const { lineNumber, line, byteLength } of readLogLines(path, maxLineBytes)) {
    if (line === null) {
      onUnreadable({
        lineNumber,
        line: null,
        reason: `${byteLength} bytes, too long to read (limit ${maxLineBytes})`,
      })
      continue
    }
    const parsed = parseMeasurementLine(line)
    if (parsed.ok) onRecord(parsed.record)
    else onUnreadable({ lineNumber, line, reason: parsed.reason })
  }
}
