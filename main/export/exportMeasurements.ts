import type { ExportFile, ExportFormat, MeasurementRecord } from '../contract/measurementSchema'
import { measurementsToCsv } from './measurementCsv'
import { measurementsToJsonl } from './measurementJsonl'
import { measurementsToMcap } from './measurementMcap'

const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  mcap: 'application/octet-stream',
}

/** `spatial-lens-measurements-20250102-030405.csv`: sortable, no characters any OS refuses. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `spatial-lens-measurements-${stamp}.${format}`
}

/** The log as an export file of one format (bytes, a file name and its MIME type). */
export async function exportMeasurements(
  records: readonly MeasurementRecord[],
  format: ExportFormat,
  options: { now: Date; appVersion: string },
): Promise<ExportFile> {
  const bytes =
    format === 'mcap'
      ? await measurementsToMcap(records, { appVersion: options.appVersion })
      : new TextEncoder().encode(
          format === 'csv' ? measurementsToCsv(records) : measurementsToJsonl(records),
        )
  return { fileName: exportFileName(format, options.now), mimeType: MIME_TYPES[format], bytes }
}
