import type { AnswerJson } from '../../main/contract/answerSchema'

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
