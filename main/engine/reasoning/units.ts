/**
 * Length unit conversion for reasoning tools and answer checks: metres, centimetres, millimetres, inches, feet.
 * Pure TypeScript.
 */

/** Supported length units. */
export type LengthUnit = 'm' | 'cm' | 'mm' | 'in' | 'ft'

/** Metres per unit. */
export const METRES_PER_UNIT: Readonly<Record<LengthUnit, number>> = {
  m: 1,
  cm: 0.01,
  mm: 0.001,
  in: 0.0254,
  ft: 0.3048,
}

const ALIASES: Array<[RegExp, LengthUnit]> = [
  [/^(?:mm|millimet(?:er|re)s?)$/, 'mm'],
  [/^(?:cm|centimet(?:er|re)s?)$/, 'cm'],
  [/^(?:m|met(?:er|re)s?)$/, 'm'],
  [/^(?:in|inch|inches|")$/, 'in'],
  [/^(?:ft|foot|feet|')$/, 'ft'],
]

/** Read a unit word ("cm", "inches", "metre", "ft", …); null when it is not a length unit. */
export function parseLengthUnit(word: string): LengthUnit | null {
  const w = word.trim().toLowerCase().replace(/\.$/, '')
  for (const [re, unit] of ALIASES) if (re.test(w)) return unit
  return null
}

/**
 * Convert a length between units.
 * @example convertLength(20, 'cm', 'in') ≈ 7.874
 */
export function convertLength(value: number, from: LengthUnit, to: LengthUnit): number {
  return (value * METRES_PER_UNIT[from]) / METRES_PER_UNIT[to]
}

/** A length in metres expressed in a unit. */
export function fromMetres(valueM: number, to: LengthUnit): number {
  return valueM / METRES_PER_UNIT[to]
}

/** A length in a unit expressed in metres. */
export function toMetres(value: number, from: LengthUnit): number {
  return value * METRES_PER_UNIT[from]
}
