/**
 * One sample as one JSONL line, written so that every numeric field has one Arrow type in every shard. JSON has one
 * number type, but Arrow's JSON reader (behind Hugging Face `datasets`) types a field int64 when all its values in
 * a file are written without a fraction and double otherwise, and a dataset whose shards disagree does not load
 * ("Couldn't cast array of type double to int64"). `JSON.stringify(525)` writes "525": a camera with fx = 525 in
 * one shard and fx = 525.5 in another would break the dataset. So float fields are always written with a fraction
 * ("525.0"), and the few integer fields are checked to be integers. JSON readers see the same numbers either way.
 */

import type { SynthSample } from '../contract/synthSchema'

/** Field paths (list items as `[]`) whose values are integers: Arrow int64. Every other number is a double. */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set([
  'scene.intrinsics.width',
  'scene.intrinsics.height',
  'scene.objects[].point_count',
  'scene.objects[].color_rgb[]',
])

/**
 * The sample as one line of JSON (no newline), keys in the sample's own order.
 * @throws Error naming the field when a number is not finite or an integer field holds a fraction.
 */
export function sampleLine(sample: SynthSample): string {
  return write(sample, '')
}

function write(value: unknown, path: string): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return writeNumber(value, path)
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((item) => write(item, `${path}[]`)).join(',')}]`
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .map(([key, child]) => `${JSON.stringify(key)}:${write(child, path ? `${path}.${key}` : key)}`)
  return `{${fields.join(',')}}`
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new Error(`sample field ${path} is ${value}, not a number`)
  if (INTEGER_FIELDS.has(path)) {
    if (!Number.isInteger(value))
      throw new Error(`sample field ${path} must be an integer, got ${value}`)
    return String(value)
  }
  const text = JSON.stringify(value)
  // "1e+21" already reads as a float; "525" and "-0" need a fraction to read as one.
  return /[.e]/.test(text) ? text : `${text}.0`
}
