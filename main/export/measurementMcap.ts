import { UserError } from '../app/userError'
import { McapWriter, TempBuffer } from '@mcap/core'
import { z } from 'zod'
import { measurementRecordSchema, type MeasurementRecord } from '../contract/measurementSchema'

/** Topic of the measurement channel in the MCAP export. */
export const MEASUREMENT_TOPIC = '/spatial_lens/measurements'
/** Schema name of the channel's messages (one MeasurementRecord each). */
export const MEASUREMENT_SCHEMA_NAME = 'spatial_lens.MeasurementRecord'

/** The JSON Schema of one record, derived from the contract's zod schema (never written twice). */
export function measurementJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(measurementRecordSchema, { io: 'output' }) as Record<string, unknown>
}

/** MCAP times are unsigned 64-bit nanoseconds since 1970: 0 … 2^64 − 1 ns (until 2554-07-21). */
const MAX_MCAP_TIME_NS = 2n ** 64n - 1n

/**
 * Nanoseconds since the Unix epoch of an ISO 8601 time (MCAP log and publish times).
 * @throws McapTimeError for a time MCAP cannot store (before 1970 or after 2554), which the
 *   writer would otherwise wrap to a wrong date.
 */
export function isoToNanoseconds(timeIso: string): bigint {
  const ms = Date.parse(timeIso)
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO time: "${timeIso}"`)
  const ns = BigInt(ms) * 1_000_000n
  if (ns < 0n || ns > MAX_MCAP_TIME_NS) throw new McapTimeError(timeIso)
  return ns
}

/** A record time outside MCAP's range: a user error naming the time and the other formats. */
export class McapTimeError extends UserError {
  constructor(timeIso: string) {
    super(
      `the measurement at ${timeIso} cannot be exported to MCAP, whose times run from 1970 to 2554; ` +
        'fix the record time, or export as CSV or JSON Lines',
    )
    this.name = 'UserError'
  }
}

export interface McapExportOptions {
  /** Written to the header's library field and to the metadata record. */
  appVersion: string
}

/**
 * The MCAP export: one JSON channel (`/spatial_lens/measurements`, schema encoding "jsonschema",
 * message encoding "json"), one message per record stamped with the record's time, chunked with
 * the summary, statistics and indexes written at the end, so Foxglove and Lichtblick open and seek
 * it. Records keep the log's order; readers order by log time.
 */
export async function measurementsToMcap(
  records: readonly MeasurementRecord[],
  options: McapExportOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = new TempBuffer()
  const writer = new McapWriter({ writable: buffer })
  const encoder = new TextEncoder()
  await writer.start({ profile: '', library: `spatial-lens ${options.appVersion}` })
  await writer.addMetadata({
    name: 'spatial_lens',
    metadata: new Map([
      ['app_version', options.appVersion],
      ['record_count', String(records.length)],
    ]),
  })
  const schemaId = await writer.registerSchema({
    name: MEASUREMENT_SCHEMA_NAME,
    encoding: 'jsonschema',
    data: encoder.encode(JSON.stringify(measurementJsonSchema())),
  })
  const channelId = await writer.registerChannel({
    topic: MEASUREMENT_TOPIC,
    schemaId,
    messageEncoding: 'json',
    metadata: new Map(),
  })
  for (const [sequence, record] of records.entries()) {
    const timeNs = isoToNanoseconds(record.timeIso)
    await writer.addMessage({
      channelId,
      sequence,
      logTime: timeNs,
      publishTime: timeNs,
      data: encoder.encode(JSON.stringify(record)),
    })
  }
  await writer.end()
  // TempBuffer grows a plain ArrayBuffer; its typing just does not say so.
  return buffer.get() as Uint8Array<ArrayBuffer>
}
