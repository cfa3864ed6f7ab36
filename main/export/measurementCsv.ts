import type { MeasurementRecord } from '../contract/measurementSchema'

/**
 * Columns of the CSV export, in order. Lengths in metres; ends in the world frame (z up). Verified statements
 * (`kind` verdict) fill the last three: true/false/abstain, the ensemble's confidence (0.5…1), and each vote as
 * "voter: verdict (weight)" joined by "; ".
 */
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
  'verdict',
  'confidence',
  'votes',
] as const

/**
 * One field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF (quotes doubled);
 * also when it starts or ends with a space, which some readers would trim.
 */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR:
 * `=cmd|' /C calc'!A0`) gets a leading apostrophe, as OWASP's CSV-injection advice says: shown
 * as text, never evaluated. Numbers are written by the exporter, not the user, and stay as they are.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** The CSV export: a header, then one row per record, CRLF line ends (RFC 4180). */
export function measurementsToCsv(records: readonly MeasurementRecord[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...records.map((record) => csvRow(record).map(csvField).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}

function csvRow(record: MeasurementRecord): string[] {
  const point = (p: readonly number[] | undefined) => (p ? p.map(String) : ['', '', ''])
  const text = neutralizeFormula
  return [
    text(record.timeIso),
    text(record.kind),
    text(record.frame.name),
    text(record.frame.sceneId),
    text(record.text),
    text(record.objects.join('; ')),
    record.value ? String(record.value.number) : '',
    text(record.value?.unit ?? ''),
    text(record.answer),
    text(record.provenance?.depthSource ?? ''),
    text(record.provenance?.method ?? ''),
    ...point(record.fromInWorldM),
    ...point(record.toInWorldM),
    text(record.id),
    text(record.verdict?.value ?? ''),
    record.verdict ? String(record.verdict.confidence) : '',
    text(record.verdict ? votesCell(record.verdict.votes) : ''),
  ]
}

function votesCell(votes: NonNullable<MeasurementRecord['verdict']>['votes']): string {
  return votes.map((v) => `${v.voterId}: ${v.verdict} (${Number(v.weight.toFixed(3))})`).join('; ')
}
