import type { AnswerJson } from '../../main/contract/answerSchema'
import type { MeasurementRecord } from '../../main/contract/measurementSchema'

/** A length for people, as the answer texts write it: centimetres below 1 m, metres above, ≤ 2 decimals. */
export function formatLength(metres: number): string {
  const rounded = (value: number) => String(Number(value.toFixed(2)))
  return Math.abs(metres) < 1 ? `${rounded(metres * 100)} cm` : `${rounded(metres)} m`
}

/** Box extents as width × depth × height in whole centimetres. */
export function formatSizeCm(size: { width: number; depth: number; height: number }): string {
  const cm = (metres: number) => Math.round(metres * 100)
  return `${cm(size.width)} × ${cm(size.depth)} × ${cm(size.height)} cm`
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** An answer's value with its unit, or null for answers without one (unknown object, …). */
export function formatAnswerValue(answer: AnswerJson): string | null {
  const { value, unit } = answer
  if (value === null) return null
  if (unit === 'm' && typeof value === 'number') return formatLength(value)
  if (unit === 'm3' && typeof value === 'number')
    return `${(value * 1000).toFixed(2)} L (${value.toPrecision(3)} m³)`
  if (unit === 'clock' && typeof value === 'number') return `${value} o'clock`
  if (unit === 'bool' && typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

/** A logged record's value with its unit as the answers write it, or null for yes/no and name answers. */
export function formatRecordValue(record: MeasurementRecord): string | null {
  const { value } = record
  if (!value) return null
  if (value.unit === 'm') return formatLength(value.number)
  if (value.unit === 'm3') return `${(value.number * 1000).toFixed(2)} L`
  if (value.unit === 'clock') return `${value.number} o'clock`
  return `${value.number} ${value.unit}`
}

/** Local wall-clock time of an ISO timestamp (hh:mm), for tables; the full time goes in a tooltip. */
export function formatClockTime(timeIso: string): string {
  return new Date(timeIso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
}
