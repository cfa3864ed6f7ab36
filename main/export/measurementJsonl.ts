import { measurementRecordSchema, type MeasurementRecord } from '../contract/measurementSchema'

/** JSON Lines: one record per line (also the log's own file format), LF line ends. */
export function measurementsToJsonl(records: readonly MeasurementRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('')
}

/** One line of JSON Lines back to a record, or the reason it is not one (for warnings). */
export function parseMeasurementLine(
  line: string,
): { ok: true; record: MeasurementRecord } | { ok: false; reason: string } {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  const parsed = measurementRecordSchema.safeParse(json)
  if (parsed.success) return { ok: true, record: parsed.data }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    reason: `invalid ${issue?.path.map(String).join('.') || 'record'}: ${issue?.message ?? 'malformed'}`,
  }
}
