/**
 * Consistency guard: (1) numbers quoted in a final answer must equal, within rounding and unit-aware, some tool
 * result or a number of the question; (2) pairwise tool calls are re-asked mirrored (B vs A) and must agree.
 * Only compares tool outputs; no geometry here.
 */

import { parseLengthUnit, toMetres, type LengthUnit } from '../engine/reasoning'
import { TOOL_ERROR_PREFIX } from './toolSupport'

/** A number found in text. */
export interface QuotedNumber {
  /** As written, e.g. "12.5 cm". */
  text: string
  value: number
  /** Length unit when one follows the number. */
  unit: LengthUnit | null
  /** Half of the last written digit, in the number's unit: the rounding tolerance. */
  halfDigit: number
  /** True when followed by "o'clock". */
  clock: boolean
}

const NUM_RE =
  /(-?\d+(?:[.,]\d+)?)(\s*(?:millimet(?:er|re)s?|centimet(?:er|re)s?|met(?:er|re)s?|inch(?:es)?|feet|foot|mm|cm|ft|m|in(?!\s+[a-z])|"|')(?![a-z]))?(\s*o['’]?\s*clock)?/gi

/** Numbers in a text, with their length unit when given ("0.42 m", "12 cm", "3 o'clock", "2.5"). */
export function quotedNumbers(text: string): QuotedNumber[] {
  const out: QuotedNumber[] = []
  for (const m of text.matchAll(NUM_RE)) {
    const raw = m[1].replace(',', '.')
    const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0
    const unit = m[2] ? parseLengthUnit(m[2].trim()) : null
    out.push({
      text: m[0].trim(),
      value: Number(raw),
      unit,
      halfDigit: 0.5 * 10 ** -decimals,
      clock: Boolean(m[3]),
    })
  }
  return out
}

/** A number returned by a tool: metres for lengths (`*_m` keys and lengths in texts), else as is. */
export interface ToolNumber {
  value: number
  isLengthM: boolean
}

function walk(v: unknown, key: string, out: ToolNumber[]): void {
  if (typeof v === 'number' && Number.isFinite(v)) {
    out.push({ value: v, isLengthM: /_m$/.test(key) })
  } else if (typeof v === 'string') {
    for (const q of quotedNumbers(v)) {
      out.push(
        q.unit
          ? { value: toMetres(q.value, q.unit), isLengthM: true }
          : { value: q.value, isLengthM: false },
      )
    }
  } else if (Array.isArray(v)) {
    for (const x of v) walk(x, key, out)
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    // convert_units: {value, unit} is a length in that unit.
    if (typeof o.value === 'number' && typeof o.unit === 'string' && parseLengthUnit(o.unit)) {
      out.push({ value: toMetres(o.value, parseLengthUnit(o.unit) as LengthUnit), isLengthM: true })
    }
    for (const [k, x] of Object.entries(o)) walk(x, k, out)
  }
}

/** All numbers of successful tool results (raw strings as the tools returned them). */
export function toolNumbers(results: string[]): ToolNumber[] {
  const out: ToolNumber[] = []
  for (const r of results) {
    if (r.startsWith(TOOL_ERROR_PREFIX)) continue
    try {
      walk(JSON.parse(r), '', out)
    } catch {
      walk(r, '', out)
    }
  }
  return out
}

/** Whether a quoted number is supported by a tool number or the question. */
function supported(q: QuotedNumber, tools: ToolNumber[], question: QuotedNumber[]): boolean {
  if (question.some((x) => x.unit === q.unit && Math.abs(x.value - q.value) <= 1e-9)) return true
  if (q.unit) {
    const m = toMetres(q.value, q.unit)
    const tol = toMetres(q.halfDigit, q.unit) + 0.005 * Math.abs(m) + 1e-4
    return tools.some((t) => t.isLengthM && Math.abs(Math.abs(t.value) - Math.abs(m)) <= tol)
  }
  const tol = q.halfDigit + 1e-9
  return tools.some((t) => Math.abs(t.value - q.value) <= tol)
}

/** Outcome of the quoted-number check. */
export interface NumberCheck {
  ok: boolean
  /** Quoted numbers that match no tool result, as written. */
  unsupported: string[]
  /** How many numbers were checked. */
  checked: number
}

/**
 * Check every number with a length unit, every "N o'clock" and every unitless decimal of `answer` against the
 * tool results and the question. Bare integers without a unit (counts, list numbers) are not checked.
 */
export function checkQuotedNumbers(
  answer: string,
  toolResults: string[],
  question: string,
): NumberCheck {
  const tools = toolNumbers(toolResults)
  const inQuestion = quotedNumbers(question)
  const checkedNums = quotedNumbers(answer).filter(
    (q) => q.unit !== null || q.clock || !Number.isInteger(q.value),
  )
  const unsupported = checkedNums.filter((q) => !supported(q, tools, inQuestion)).map((q) => q.text)
  return { ok: unsupported.length === 0, unsupported, checked: checkedNums.length }
}

const INVERSE: Record<string, string> = {
  left: 'right',
  right: 'left',
  above: 'below',
  below: 'above',
  front: 'behind',
  behind: 'front',
  wider: 'thinner',
  thinner: 'wider',
  bigger: 'smaller',
  smaller: 'bigger',
  taller: 'shorter',
  shorter: 'taller',
}

/** Tools whose question has a mirrored form (B vs A). */
export const PAIRWISE_TOOLS = ['measure', 'relation', 'direction', 'fits_between'] as const

/** The mirrored arguments of a pairwise tool call (A↔B, relation inverted), or null when it has none. */
export function mirrorArgs(
  tool: string,
  args: Record<string, unknown>,
): Record<string, unknown> | null {
  switch (tool) {
    case 'measure':
    case 'fits_between':
      return { ...args, a: args.b, b: args.a }
    case 'relation': {
      const inv = INVERSE[String(args.relation)]
      return inv ? { relation: inv, a: args.b, b: args.a } : null
    }
    case 'direction':
      return { from: args.to, to: args.from }
    default:
      return null
  }
}

/** Whether a pairwise result and its mirrored result agree; `detail` says what was compared. */
export function mirrorAgrees(
  tool: string,
  original: string,
  mirrored: string,
): { ok: boolean; detail: string } {
  if (mirrored.startsWith(TOOL_ERROR_PREFIX))
    return { ok: false, detail: `the mirrored call failed: ${mirrored}` }
  const a = JSON.parse(original) as Record<string, unknown>
  const b = JSON.parse(mirrored) as Record<string, unknown>
  const num = (x: unknown): number => (typeof x === 'number' ? x : NaN)
  switch (tool) {
    case 'measure': {
      const ok = Math.abs(num(a.value_m) - num(b.value_m)) <= 1e-3
      return {
        ok,
        detail: `${a.quantity} ${a.a}→${a.b} = ${a.value_m} m, ${b.a}→${b.b} = ${b.value_m} m`,
      }
    }
    case 'relation': {
      const ok = a.holds === b.holds
      return {
        ok,
        detail: `${a.a} ${a.relation} ${a.b}: ${a.holds}; ${b.a} ${b.relation} ${b.b}: ${b.holds}`,
      }
    }
    case 'direction': {
      const diff = Math.abs(((((num(a.angle_deg) - num(b.angle_deg)) % 360) + 360) % 360) - 180)
      return {
        ok: diff <= 1,
        detail: `${a.from}→${a.to} ${a.angle_deg}°, ${b.from}→${b.to} ${b.angle_deg}° (expected 180° apart)`,
      }
    }
    case 'fits_between': {
      const ok = a.fits === b.fits && Math.abs(num(a.free_gap_m) - num(b.free_gap_m)) <= 1e-3
      return {
        ok,
        detail: `fits ${a.fits} / ${b.fits}, free gap ${a.free_gap_m} m / ${b.free_gap_m} m`,
      }
    }
    default:
      return { ok: true, detail: 'no mirrored form' }
  }
}
