/**
 * Runs the consistency guard over a finished chain of thought: mirrored pairwise questions through the same tools,
 * then the quoted-number check with one repair round (the model restates using tool numbers) or a clear note.
 * Every check is recorded as a 'check' step.
 */

import type { StructuredToolInterface } from '@langchain/core/tools'
import { checkQuotedNumbers, mirrorAgrees, mirrorArgs, PAIRWISE_TOOLS } from './consistency'
import { TOOL_ERROR_PREFIX } from './toolSupport'
import { parseToolResult, type StepRecorder } from './trace'

/** One check of the guard, kept with the answer. */
export interface ConsistencyCheck {
  kind: 'mirror' | 'numbers'
  ok: boolean
  detail: string
}

/** A successful tool call of the run. */
export interface ToolRecord {
  tool: string
  args: Record<string, unknown>
  result: string
}

/** Run a tool with parsed arguments; never throws (schema errors become "Error: …" strings). */
export async function runTool(
  tools: StructuredToolInterface[],
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const t = tools.find((x) => x.name === name)
  if (!t)
    return `${TOOL_ERROR_PREFIX} unknown tool "${name}". Available tools: ${tools.map((x) => x.name).join(', ')}.`
  try {
    const out: unknown = await t.invoke(args)
    return typeof out === 'string' ? out : JSON.stringify(out)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return `${TOOL_ERROR_PREFIX} the arguments for ${name} do not match its schema: ${msg.slice(0, 400)}`
  }
}

/** Ask every distinct pairwise call mirrored (B vs A) and check agreement. */
export async function mirrorChecks(
  tools: StructuredToolInterface[],
  calls: ToolRecord[],
  rec: StepRecorder,
): Promise<ConsistencyCheck[]> {
  const seen = new Set<string>()
  const checks: ConsistencyCheck[] = []
  for (const c of calls) {
    if (!(PAIRWISE_TOOLS as readonly string[]).includes(c.tool)) continue
    const key = `${c.tool}:${JSON.stringify(c.args)}`
    if (seen.has(key)) continue
    seen.add(key)
    const args = mirrorArgs(c.tool, c.args)
    if (!args) continue
    rec.add({
      kind: 'tool_call',
      text: `${c.tool} ${JSON.stringify(args)} (mirrored check)`,
      tool: c.tool,
      args,
      byGuard: true,
    })
    const t0 = performance.now()
    const result = await runTool(tools, c.tool, args)
    rec.add({
      kind: 'tool_result',
      text: result,
      tool: c.tool,
      result: parseToolResult(result),
      ms: performance.now() - t0,
      byGuard: true,
    })
    const { ok, detail } = mirrorAgrees(c.tool, c.result, result)
    const check: ConsistencyCheck = { kind: 'mirror', ok, detail: `${c.tool}: ${detail}` }
    checks.push(check)
    rec.add({
      kind: 'check',
      text: `Mirrored ${c.tool} ${ok ? 'agrees' : 'DISAGREES'}: ${detail}`,
      tool: c.tool,
      ok,
    })
  }
  return checks
}

/** Outcome of {@link guardAnswer}. */
export interface GuardedAnswer {
  answer: string
  checks: ConsistencyCheck[]
}

/**
 * Check the answer's quoted numbers, repairing once through `repair` (which asks the model to restate), then the
 * mirrored questions. Notes are appended to the answer when a check fails.
 */
export async function guardAnswer(
  question: string,
  answer: string,
  tools: StructuredToolInterface[],
  calls: ToolRecord[],
  rec: StepRecorder,
  repair: ((unsupported: string[], toolNumbersText: string) => Promise<string | null>) | null,
): Promise<GuardedAnswer> {
  const results = calls.map((c) => c.result)
  const checks: ConsistencyCheck[] = []
  let text = answer
  let nc = checkQuotedNumbers(text, results, question)
  const record = (repaired: boolean): void => {
    const detail = nc.ok
      ? `all ${nc.checked} quoted number(s) match tool results${repaired ? ' after repair' : ''}`
      : `number(s) not returned by any tool: ${nc.unsupported.join(', ')}`
    checks.push({ kind: 'numbers', ok: nc.ok, detail })
    rec.add({ kind: 'check', text: `Quoted numbers: ${detail}`, ok: nc.ok })
  }
  record(false)
  if (!nc.ok && repair) {
    const restated = await repair(nc.unsupported, results.join('\n'))
    if (restated !== null) {
      text = restated
      nc = checkQuotedNumbers(text, results, question)
      record(true)
    }
  }
  if (!nc.ok) {
    text += `\n\nNote: ${nc.unsupported.join(', ')} did not come from any spatial measurement; treat ${nc.unsupported.length > 1 ? 'them' : 'it'} as unverified.`
  }
  const mirror = await mirrorChecks(tools, calls, rec)
  checks.push(...mirror)
  const bad = mirror.filter((m) => !m.ok)
  if (bad.length > 0) {
    text += `\n\nNote: the mirrored check disagreed (${bad.map((b) => b.detail).join('; ')}); the answer may be unreliable.`
  }
  return { answer: text, checks }
}
