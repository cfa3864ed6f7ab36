import type { StopReason } from '../../main/contract/reasoningSchema'
import type { UnitSystem } from '../../main/contract/settingsSchema'
import { formatLength, formatVolume } from './format'

/**
 * How the answer card writes tool calls and results. The tools speak metres in keys ending `_m`
 * (volumes `_m3`, angles `_deg`); these are shown in the user's units, everything else as is.
 */

export interface ResultField {
  label: string
  value: string
}

/** A tool result as label/value pairs, or its text when it is not an object. */
export function describeToolResult(result: unknown, units: UnitSystem): ResultField[] | string {
  if (result === null || typeof result !== 'object' || Array.isArray(result))
    return typeof result === 'string' ? result : JSON.stringify(result)
  const entries = Object.entries(result as Record<string, unknown>)
  // The engine's sentence repeats the number in metric; keep it only when nothing else says it.
  const hasLengths = entries.some(([key]) => /_m3?$/.test(key))
  return entries
    .filter(([key]) => !(key === 'text' && hasLengths))
    .flatMap(([key, value]) => describeField(key, value, units, ''))
}

/** Tool arguments, e.g. "quantity: distance, a: mug, distance_m: 20 cm" (lengths converted). */
export function describeArgs(args: Record<string, unknown> | undefined, units: UnitSystem): string {
  if (!args) return ''
  return Object.entries(args)
    .flatMap(([key, value]) => describeField(key, value, units, ''))
    .map((field) => `${field.label}: ${field.value}`)
    .join(', ')
}

function describeField(
  key: string,
  value: unknown,
  units: UnitSystem,
  prefix: string,
): ResultField[] {
  const label = `${prefix}${key.replace(/_(m3|m|deg)$/, '').replace(/_/g, ' ')}`
  if (typeof value === 'number') return [{ label, value: formatNumber(key, value, units) }]
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number'))
      return [
        { label, value: `(${value.map((item) => formatNumber(key, item, units)).join(', ')})` },
      ]
    const names = value.map((item) =>
      item && typeof item === 'object' && 'name' in item ? String(item.name) : null,
    )
    if (names.every((name) => name !== null))
      return [{ label, value: `${value.length}: ${names.join(', ')}` }]
    return [{ label, value: JSON.stringify(value) }]
  }
  if (value && typeof value === 'object') {
    // A nested group: its members carry the parent's unit when they have none of their own
    // (size_m: {width, depth, height}).
    const unitSuffix = /_(m3|m|deg)$/.exec(key)?.[0] ?? ''
    return Object.entries(value as Record<string, unknown>).flatMap(([child, item]) =>
      describeField(
        /_(m3|m|deg)$/.test(child) ? child : `${child}${unitSuffix}`,
        item,
        units,
        `${label} `,
      ),
    )
  }
  if (typeof value === 'boolean') return [{ label, value: value ? 'yes' : 'no' }]
  return [{ label, value: value === null ? '—' : String(value) }]
}

function formatNumber(key: string, value: number, units: UnitSystem): string {
  if (key.endsWith('_m3')) return formatVolume(value, units)
  if (key.endsWith('_m')) return formatLength(value, units)
  if (key.endsWith('_deg')) return `${Number(value.toFixed(1))}°`
  return String(Number(value.toFixed(4)))
}

/** The heading of a run that ended without a final answer; null when it has one. */
export function stopReasonTitle(reason: StopReason): string | null {
  switch (reason) {
    case 'cancelled':
      return 'Cancelled'
    case 'timeout':
      return 'Time limit reached'
    case 'step_limit':
      return 'Step limit reached'
    case 'model_error':
      return 'The language model failed'
    case 'no_llm':
      return 'This question needs a language model'
    default:
      return null
  }
}
