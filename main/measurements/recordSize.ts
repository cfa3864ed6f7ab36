import { UserError } from '../app/userError'
import type { MeasurementRecord } from '../contract/measurementSchema'

/** Characters a text of a record keeps when the record is over the size limit. */
const TRUNCATED_TEXT_CHARS = 2000
const TRUNCATION_MARK = '… (truncated)'

/** Bytes of a record as one JSON line (its size in the log file). */
export function recordLineBytes(record: MeasurementRecord): number {
  return Buffer.byteLength(JSON.stringify(record)) + 1
}

/**
 * The record within `maxBytes` as a JSON line: unchanged when it fits; else every text longer than
 * 2000 characters is cut (marked "… (truncated)"), then the chain of thought keeps only its final
 * steps. Throws {@link MeasurementRecordTooLargeError} when even that does not fit.
 */
export function fitRecord(record: MeasurementRecord, maxBytes: number): MeasurementRecord {
  if (recordLineBytes(record) <= maxBytes) return record
  const cut = truncateTexts(record) as MeasurementRecord
  if (recordLineBytes(cut) <= maxBytes) return cut
  if (cut.reasoning) {
    const steps = [...cut.reasoning.steps]
    while (steps.length > 0) {
      steps.shift()
      const fewer = { ...cut, reasoning: { ...cut.reasoning, steps } }
      if (recordLineBytes(fewer) <= maxBytes) return fewer
    }
  }
  throw new MeasurementRecordTooLargeError(recordLineBytes(cut), maxBytes)
}

function truncateTexts(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > TRUNCATED_TEXT_CHARS
      ? value.slice(0, TRUNCATED_TEXT_CHARS) + TRUNCATION_MARK
      : value
  if (Array.isArray(value)) return value.map(truncateTexts)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, truncateTexts(entry)]),
    )
  }
  return value
}

/** A record that cannot be made to fit the log's record limit (a user error: what they sent is too big). */
export class MeasurementRecordTooLargeError extends UserError {
  constructor(bytes: number, maxBytes: number) {
    super(
      `the measurement record is ${bytes} bytes, over the log's limit of ${maxBytes} bytes per record, and was not saved; ` +
        'use shorter names and texts (or raise SPATIAL_LENS_MAX_LOG_RECORD_BYTES)',
    )
    this.name = 'UserError'
  }
}
