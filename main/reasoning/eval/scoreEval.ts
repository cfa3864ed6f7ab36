/**
 * Scores answers against the evaluation set with SpatialVLM's yardstick (within 0.5×–2× of the truth)
 * and a strict one (within ±10 %), and runs a whole set through an injected answer function (the
 * orchestrator's ask, a baseline, or a fake in tests).
 */
import { EVAL_KINDS, type EvalAnswer, type EvalItem, type EvalKind } from './evalTypes.js'

/** Metres per unit for length answers. */
const METRES_PER_UNIT: Record<string, number> = {
  m: 1,
  metre: 1,
  metres: 1,
  meter: 1,
  meters: 1,
  cm: 0.01,
  centimetre: 0.01,
  centimetres: 0.01,
  centimeter: 0.01,
  centimeters: 0.01,
  mm: 0.001,
  millimetre: 0.001,
  millimetres: 0.001,
  millimeter: 0.001,
  millimeters: 0.001,
  in: 0.0254,
  inch: 0.0254,
  inches: 0.0254,
  ft: 0.3048,
  foot: 0.3048,
  feet: 0.3048,
}

/** The score of one answer. `ratio` is answer / expected in the expected unit (null: no usable number). */
export interface EvalResult {
  id: string
  kind: EvalKind
  expected: EvalItem['expected']
  answer: EvalAnswer | null
  ratio: number | null
  isWithin2x: boolean
  isWithin10Percent: boolean
  /** True when no label is expected, or the answer names the expected object. */
  isLabelCorrect: boolean
  error?: string
}

/** Success counts and rates for one question kind (or overall). */
export interface EvalRates {
  count: number
  within2x: number
  within10Percent: number
  /** Fractions in [0, 1]; 0 when `count` is 0. */
  rate2x: number
  rate10Percent: number
}

export interface EvalReport {
  results: EvalResult[]
  perKind: Record<EvalKind, EvalRates>
  overall: EvalRates
}

/** Converts an answer to the expected unit; null when the number is missing or the unit does not fit. */
export function answerInExpectedUnit(item: EvalItem, answer: EvalAnswer): number | null {
  if (answer.value === null || !Number.isFinite(answer.value)) return null
  const unit = (answer.unit ?? '').trim().toLowerCase()
  if (item.expected.unit !== 'm')
    return unit === '' || unit === item.expected.unit || unit === 'x' || unit === 'times'
      ? answer.value
      : null
  if (unit === '') return answer.value
  const scale = METRES_PER_UNIT[unit]
  return scale === undefined ? null : answer.value * scale
}

function mentionsLabel(answer: EvalAnswer, label: string): boolean {
  const wanted = label.toLowerCase()
  const normalise = (s: string) => s.toLowerCase().replace(/[_-]/g, ' ')
  return [answer.label, answer.text].some((s) => s !== undefined && normalise(s).includes(wanted))
}

/** Scores one answer (null: the system failed; `error` says why). */
export function scoreAnswer(item: EvalItem, answer: EvalAnswer | null, error?: string): EvalResult {
  const value = answer ? answerInExpectedUnit(item, answer) : null
  const ratio = value === null ? null : value / item.expected.value
  const isLabelCorrect =
    !item.expected.label || (answer !== null && mentionsLabel(answer, item.expected.label))
  return {
    id: item.id,
    kind: item.kind,
    expected: item.expected,
    answer,
    ratio,
    isWithin2x: isLabelCorrect && ratio !== null && ratio >= 0.5 && ratio <= 2,
    // A hair of slack so answers rounded to the tolerance edge still count.
    isWithin10Percent: isLabelCorrect && ratio !== null && Math.abs(ratio - 1) <= 0.1 + 1e-9,
    isLabelCorrect,
    ...(error ? { error } : {}),
  }
}

function rates(results: EvalResult[]): EvalRates {
  const within2x = results.filter((r) => r.isWithin2x).length
  const within10Percent = results.filter((r) => r.isWithin10Percent).length
  const count = results.length
  return {
    count,
    within2x,
    within10Percent,
    rate2x: count ? within2x / count : 0,
    rate10Percent: count ? within10Percent / count : 0,
  }
}

/** Aggregates scored results per kind and overall. */
export function summariseEval(results: EvalResult[]): EvalReport {
  const perKind = Object.fromEntries(
    EVAL_KINDS.map((k) => [k, rates(results.filter((r) => r.kind === k))]),
  ) as Record<EvalKind, EvalRates>
  return { results, perKind, overall: rates(results) }
}

/** Answers one question; may throw (counted as a failure with the message kept). */
export type EvalAnswerFn = (
  item: EvalItem,
  options: { signal?: AbortSignal },
) => Promise<EvalAnswer>

export interface RunEvalOptions {
  /** Called after each question, e.g. to print progress. */
  onResult?: (result: EvalResult, index: number, total: number) => void
  /** Stops asking further questions; the report covers the answered ones. */
  signal?: AbortSignal
}

/** Asks every item in order (one at a time: local LLMs serve one request well) and scores the answers. */
export async function runEval(
  items: EvalItem[],
  answerFn: EvalAnswerFn,
  options: RunEvalOptions = {},
): Promise<EvalReport> {
  const results: EvalResult[] = []
  for (const [index, item] of items.entries()) {
    if (options.signal?.aborted) break
    let result: EvalResult
    try {
      result = scoreAnswer(item, await answerFn(item, { signal: options.signal }))
    } catch (error) {
      result = scoreAnswer(item, null, error instanceof Error ? error.message : String(error))
    }
    results.push(result)
    options.onResult?.(result, index, items.length)
  }
  return summariseEval(results)
}

const QUANTITY =
  /(-?\d+(?:\.\d+)?)\s*(millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?|inch(?:es)?|feet|foot|mm|cm|m|in|ft|x|times)?\b/i

/**
 * Reads the first number (with its unit, if any) from a free-text answer, for answer functions that
 * return prose. Structured answers from the orchestrator's trace are preferable when available.
 */
export function answerFromText(text: string): EvalAnswer {
  const match = QUANTITY.exec(text)
  if (!match) return { value: null, text }
  return { value: Number(match[1]), unit: match[2] ?? '', text }
}
