import { readFile } from 'node:fs/promises'
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

/** The log file as read: its records, and the lines that are not records (kept verbatim). */
export interface LogFileContents {
  records: MeasurementRecord[]
  unreadable: { lineNumber: number; line: string; reason: string }[]
}

/** Splits JSON Lines text into records and unreadable lines; blank lines are ignored. */
export function parseLogText(text: string): LogFileContents {
  const contents: LogFileContents = { records: [], unreadable: [] }
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line.trim() === '') return
    const parsed = parseMeasurementLine(line)
    if (parsed.ok) contents.records.push(parsed.record)
    else contents.unreadable.push({ lineNumber: index + 1, line, reason: parsed.reason })
  })
  return contents
}

/** Reads the log file; a missing file is an empty log. Other read errors are thrown. */
export async function readLogFile(path: string): Promise<LogFileContents> {
  try {
    return parseLogText(await readFile(path, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] }
    throw error
  }
}
