/**
 * Lengths and units in questions: the unit an answer is asked in ("… in inches", "how many cm …") and widths
 * given in a question ("a 8 cm gripper"). Widths are read whole — sign, decimals and exponent — so "-8 cm" and
 * "1e308 cm" are read as what they say and then rejected, never as 8 or 308. Pure TypeScript.
 */

import { METRES_PER_UNIT, parseLengthUnit, type LengthUnit } from '../reasoning/units'

/** Largest width a fits question accepts, metres (wider than any gap a tabletop or room scene has). */
export const MAX_WIDTH_M = 100

const UNIT_WORDS = String.raw`millimet(?:er|re)s?|centimet(?:er|re)s?|met(?:er|re)s?|inch(?:es)?|feet|foot|mm|cm|ft|in|m|"|'`
const NUMBER = String.raw`[-+−]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`
const WIDTH_RE = new RegExp(String.raw`(?<![\w.])(${NUMBER})\s*(${UNIT_WORDS})(?![a-z])`)

/** A width read from a phrase: metres, or why it cannot be used. */
export type WidthReading =
  { ok: true; widthM: number; text: string } | { ok: false; text: string; why: string }

/**
 * Read the first "number unit" in a phrase.
 * @returns null when the phrase has no number with a length unit; otherwise the width in metres, or the reason it is
 *   unusable (not finite, not positive, absurdly large).
 */
export function readWidth(phrase: string): WidthReading | null {
  const m = WIDTH_RE.exec(phrase)
  if (!m) return null
  const n = Number(m[1].replace('−', '-'))
  const unit = parseLengthUnit(m[2])
  const text = m[0].trim()
  if (unit === null) return null
  const widthM = n * METRES_PER_UNIT[unit]
  if (!Number.isFinite(widthM)) return { ok: false, text, why: `"${text}" is not a finite width` }
  if (widthM <= 0) return { ok: false, text, why: `a width must be positive, but "${text}" is not` }
  if (widthM > MAX_WIDTH_M) {
    return {
      ok: false,
      text,
      why: `"${text}" is not a plausible width (more than ${MAX_WIDTH_M} m)`,
    }
  }
  return { ok: true, widthM, text }
}

/** Width in metres of the first "number unit" in a phrase, or null (none, or not finite). Sign is kept. */
export function parseWidthM(phrase: string): number | null {
  const m = WIDTH_RE.exec(phrase)
  if (!m) return null
  const unit = parseLengthUnit(m[2])
  const v = Number(m[1].replace('−', '-')) * (unit ? METRES_PER_UNIT[unit] : NaN)
  return Number.isFinite(v) ? v : null
}

const ASKED_UNIT_RE = new RegExp(
  String.raw`(?:,\s*|\s+)(?:in|into|using|as|expressed in|measured in) (?:the )?(${UNIT_WORDS.replace(`|"|'`, '')}|metric|imperial)$`,
)

/** A question with its trailing "in inches" taken off, and the unit it named. */
export function takeAskedUnit(s: string): { rest: string; unit: LengthUnit | null } {
  const m = ASKED_UNIT_RE.exec(s)
  if (m) {
    const unit = m[1] === 'metric' ? 'm' : m[1] === 'imperial' ? 'in' : parseLengthUnit(m[1])
    if (unit) return { rest: s.slice(0, m.index).trim(), unit }
  }
  const lead =
    /^how many (millimet(?:er|re)s|centimet(?:er|re)s|met(?:er|re)s|inches|feet|mm|cm|ft|m) (.+)$/.exec(
      s,
    )
  const unit = lead ? parseLengthUnit(lead[1]) : null
  if (lead && unit) {
    const rest = lead[2]
    if (/^(?:tall|high|wide|deep|long|far|thick) /.test(rest)) return { rest: `how ${rest}`, unit }
    if (/^(?:away|apart|above|below|from) /.test(rest)) return { rest: `how far ${rest}`, unit }
    if (/^between /.test(rest)) return { rest: `what is the distance ${rest}`, unit }
    return { rest: `how far ${rest}`, unit }
  }
  return { rest: s, unit: null }
}

/** Readable length in a unit, at most 2 decimals ("16.54 in", "420 mm"). */
export function formatIn(valueM: number, unit: LengthUnit): string {
  const v = valueM / METRES_PER_UNIT[unit]
  const s = Number(v.toFixed(2)).toString()
  return `${s === '-0' ? '0' : s} ${unit}`
}
