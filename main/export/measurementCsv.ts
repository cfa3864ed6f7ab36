import type { MeasurementRecord } from '../contract/measurementSchema'

/** Columns of the CSV export, in order. Lengths in metres; ends in the world frame (z up). */
export const CSV_COLUMNS = [
  'time',
  'kind',
  'frame',
  'scene_id',
  'text',
  'objects',
  'value',
  'unit',
  'answer',
  'depth_source',
  'method',
  'from_x_m',
  'from_y_m',
  'from_z_m',
  'to_x_m',
  'to_y_m',
  'to_z_m',
  'id',
] as const

/**
 * One field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF (quotes doubled);
 * also when it starts or ends with a space, which some readers would trim.
 */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The CSV export: a header, then one row per record, CRLF line ends (RFC 4180). */
export function measurementsToCsv(records: readonly MeasurementRecord[]): string {
  const lines = [CSV_COLUMNS.join(','), ...records.map((record) => csvRow(record).map(csvField).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

function csvRow(record: MeasurementRecord): string[] {
  const point = (p: readonly number[] | undefined) => (p ? p.map(String) : ['', '', ''])
  return [
    record.timeIso,
    record.kind,
    record.frame.name,
    record.frame.sceneId,
    record.text,
    record.objects.join('; '),
    record.value ? String(record.value.number) : '',
    record.value?.unit ?? '',
    record.answer,
    record.provenance?.depthSource ?? '',
    record.provenance?.method ?? '',
    ...point(record.fromInWorldM),
    ...point(record.toInWorldM),
    record.id,
  ]
}
