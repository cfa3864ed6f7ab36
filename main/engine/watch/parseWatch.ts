/**
 * The watch grammar: standing questions evaluated on every frame. Two kinds:
 * - alerts: "alert when the gripper is within 5 cm of the mug", "warn if A and B are closer than 3 in",
 *   "notify me when A is more than 20 cm from B" (gap between surfaces against a threshold);
 * - logs: "log the distance between A and B every frame", "watch the gap between A and B",
 *   or any measuring question on its own ("distance between mug and bottle").
 * The measured quantity is a question of the compositional grammar (main/engine/questions), parsed by it, so a
 * watch measures exactly what asking the question would. Pure TypeScript.
 */

import { parseQuery, readWidthM, type Query } from '../questions'

/** A parsed watch query. Thresholds in metres. */
export type WatchSpec =
  | {
      kind: 'alert'
      /** The measuring question evaluated per frame (e.g. "gap between gripper and mug"). */
      measure: string
      query: Query
      /** 'below': alert while value ≤ threshold; 'above': alert while value ≥ threshold. */
      comparison: 'below' | 'above'
      thresholdM: number
      text: string
    }
  | { kind: 'log'; measure: string; query: Query; text: string }

/** Result of parsing: the spec, or the reason the phrase is not a watch query. */
export type WatchParse = { ok: true; spec: WatchSpec } | { ok: false; reason: string }

const ALERT_HEAD =
  /^(?:please )?(?:alert|warn|notify|tell|ping)(?: me)? (?:when(?:ever)?|if|once|as soon as) /
const LOG_HEAD = /^(?:please )?(?:log|watch|track|monitor|record|follow|show)(?: me)? /
const EVERY =
  /\s*(?:,\s*)?(?:every|each|per|on every|on each|at every) (?:frame|update|time|second)s?$|\s+(?:continuously|live|over time)$/

const A = '(?:the )?(.+?)'
const NUM =
  '(-?[0-9]+(?:\\.[0-9]+)?\\s*(?:mm|cm|m|in|inch|inches|ft|feet|foot|millimetres?|centimetres?|metres?|millimeters?|centimeters?|meters?)\\b)'

/** Alert phrasings → [regex, comparison, index of A, of B, of the threshold]. */
const ALERT_RULES: [RegExp, 'below' | 'above', number, number, number][] = [
  [
    new RegExp(
      `^${A} (?:is|gets|comes|moves) (?:within|closer than|less than|under|nearer than) ${NUM} (?:of|to|from) ${A}$`,
    ),
    'below',
    1,
    3,
    2,
  ],
  [
    new RegExp(
      `^${A} and ${A} (?:are|get|come) (?:within|closer than|less than|under) ${NUM}(?: of each other| apart)?$`,
    ),
    'below',
    1,
    2,
    3,
  ],
  [
    new RegExp(
      `^${A} (?:is|gets|moves) (?:more than|farther than|further than|over|beyond) ${NUM} (?:from|away from|of) ${A}$`,
    ),
    'above',
    1,
    3,
    2,
  ],
  [
    new RegExp(
      `^${A} and ${A} (?:are|get|move) (?:more than|farther than|further than|over) ${NUM} apart$`,
    ),
    'above',
    1,
    2,
    3,
  ],
  [new RegExp(`^${A} (?:touches|hits|reaches|contacts) ${A}$`), 'below', 1, 2, 0],
]

function normalise(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[?!.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function measured(question: string): { query: Query } | { reason: string } {
  const q = parseQuery(question)
  if (q.op === 'unsupported') {
    const understood = q.understood ? ` (I understood: ${q.understood})` : ''
    return { reason: `I cannot measure "${question}"${understood}` }
  }
  return { query: q }
}

function parseAlert(body: string, text: string): WatchParse {
  for (const [re, comparison, ia, ib, it] of ALERT_RULES) {
    const m = re.exec(body)
    if (!m) continue
    const thresholdM = it === 0 ? 0 : readWidthM(m[it])
    if (thresholdM === null || !Number.isFinite(thresholdM) || thresholdM < 0) {
      return { ok: false, reason: `"${m[it]}" is not a usable distance` }
    }
    const measure = `gap between ${m[ia]} and ${m[ib]}`
    const r = measured(measure)
    if ('reason' in r) return { ok: false, reason: r.reason }
    return {
      ok: true,
      spec: { kind: 'alert', measure, query: r.query, comparison, thresholdM, text },
    }
  }
  return {
    ok: false,
    reason: `I understood an alert but not its condition in "${body}"; say e.g. "alert when A is within 5 cm of B"`,
  }
}

/** Parses a watch phrasing; a bare measuring question is a log watch. */
export function parseWatch(phrase: string): WatchParse {
  const text = normalise(phrase)
  if (text === '') return { ok: false, reason: 'The watch query is empty.' }
  const alert = ALERT_HEAD.exec(text)
  if (alert) return parseAlert(text.slice(alert[0].length), text)
  const body = text.replace(LOG_HEAD, '').replace(EVERY, '').trim()
  const r = measured(body)
  if ('reason' in r) return { ok: false, reason: r.reason }
  return { ok: true, spec: { kind: 'log', measure: body, query: r.query, text } }
}
