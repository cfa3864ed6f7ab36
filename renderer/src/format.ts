import type { AnswerJson } from '../../main/contract/answerSchema'
import type { UnitSystem } from '../../main/contract/settingsSchema'
import { fromMetres } from '../../main/engine/reasoning/units'
import type { MeasurementRecord } from '../../main/contract/measurementSchema'
import { formatVerdict } from './verdictText'

// Values stay in metres everywhere; these functions are the only place the display converts them.

/** At most two decimals, no trailing zeros. */
const rounded = (value: number) => String(Number(value.toFixed(2)))

/**
 * A length for people, as the answer texts write it. Metric: centimetres below 1 m, metres above.
 * Imperial: inches below 1 ft, feet above.
 */
export function formatLength(metres: number, units: UnitSystem = 'metric'): string {
  if (units === 'imperial') {
    const feet = fromMetres(metres, 'ft')
    return Math.abs(feet) < 1 ? `${rounded(fromMetres(metres, 'in'))} in` : `${rounded(feet)} ft`
  }
  return Math.abs(metres) < 1 ? `${rounded(metres * 100)} cm` : `${rounded(metres)} m`
}

/** Box extents as width × depth × height: whole centimetres, or inches to one decimal. */
export function formatSize(
  size: { width: number; depth: number; height: number },
  units: UnitSystem = 'metric',
): string {
  const [w, d, h] = [size.width, size.depth, size.height]
  if (units === 'imperial') {
    const inches = (metres: number) => fromMetres(metres, 'in').toFixed(1)
    return `${inches(w)} × ${inches(d)} × ${inches(h)} in`
  }
  const cm = (metres: number) => Math.round(metres * 100)
  return `${cm(w)} × ${cm(d)} × ${cm(h)} cm`
}

type Interval = readonly [number, number]

/**
 * Ranges of box extents as width × depth × height, rounded as {@link formatSize} rounds: "38–45 ×
 * 70–82 × 66–70 cm". An extent whose ends round to the same number is written once.
 */
export function formatSizeRange(
  range: { width: Interval; depth: Interval; height: Interval },
  units: UnitSystem = 'metric',
): string {
  const value =
    units === 'imperial'
      ? (metres: number) => fromMetres(metres, 'in').toFixed(1)
      : (metres: number) => String(Math.round(metres * 100))
  const extent = ([low, high]: Interval) => {
    const [a, b] = [value(low), value(high)]
    return a === b ? a : `${a}–${b}`
  }
  const unit = units === 'imperial' ? 'in' : 'cm'
  return `${extent(range.width)} × ${extent(range.depth)} × ${extent(range.height)} ${unit}`
}

/** A volume: litres (and m³), or cubic feet (and US gallons). */
export function formatVolume(cubicMetres: number, units: UnitSystem = 'metric'): string {
  if (units === 'imperial') {
    const cubicFeet = cubicMetres * fromMetres(1, 'ft') ** 3
    return `${cubicFeet.toPrecision(3)} ft³ (${(cubicMetres * 264.172).toFixed(2)} gal)`
  }
  return `${(cubicMetres * 1000).toFixed(2)} L (${cubicMetres.toPrecision(3)} m³)`
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** Milliseconds as "230 ms" or "4.2 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** An answer's value with its unit, or null for answers without one (unknown object, …). */
export function formatAnswerValue(answer: AnswerJson, units: UnitSystem = 'metric'): string | null {
  const { value, unit } = answer
  if (value === null) return null
  if (unit === 'm' && typeof value === 'number') return formatLength(value, units)
  if (unit === 'm3' && typeof value === 'number') return formatVolume(value, units)
  if (unit === 'clock' && typeof value === 'number') return `${value} o'clock`
  if (unit === 'bool' && typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

/** A logged record's value with its unit as the answers write it, or null for yes/no and name answers. */
export function formatRecordValue(record: MeasurementRecord): string | null {
  const { value } = record
  if (record.verdict) return formatVerdict(record.verdict.value, record.verdict.confidence)
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
