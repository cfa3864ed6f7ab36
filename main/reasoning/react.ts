/**
 * ReAct-style text protocol for chat models without native tool calling:
 *   Thought: … / Action: tool_name / Action Input: {json} / (Observation: … from us) / Final Answer: …
 * The parser is lenient (code fences, single quotes, unquoted keys, trailing commas) and never throws: a broken
 * step becomes an instruction telling the model how to fix it.
 */

import type { StructuredToolInterface } from '@langchain/core/tools'
import { toJsonSchema } from '@langchain/core/utils/json_schema'

/** One parsed model turn of the text protocol. */
export type ReactTurn =
  | { type: 'final'; thought: string; answer: string }
  | { type: 'action'; thought: string; tool: string; input: Record<string, unknown>; text: string }
  | { type: 'bad_input'; thought: string; tool: string; raw: string; error: string; text: string }
  | { type: 'none'; thought: string }

/** System prompt of the text protocol, listing the tools with their JSON argument schemas. */
export function reactSystemPrompt(base: string, tools: StructuredToolInterface[]): string {
  const lines = tools.map((t) => {
    let schema = '{}'
    try {
      schema = JSON.stringify(toJsonSchema(t.schema as never))
    } catch {
      // keep '{}'
    }
    return `- ${t.name}: ${t.description} Arguments (JSON schema): ${schema}`
  })
  return [
    base,
    '',
    'You can use these tools:',
    ...lines,
    '',
    'Answer in exactly this format, one tool call per turn:',
    'Thought: what you need next',
    'Action: <one tool name>',
    'Action Input: <a JSON object with the arguments, on one line>',
    'Then stop and wait: the tool result comes back as "Observation: …". When you know the answer:',
    'Thought: I know the answer',
    'Final Answer: <the answer, quoting the numbers and units the tools returned>',
  ].join('\n')
}

/** The first balanced {...} of a text (strings respected), or null. */
export function firstJsonObject(text: string): string | null {
  const start = text.indexOf('{')
  if (start < 0) return null
  let depth = 0
  let quote: string | null = null
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return null
}

/** Parse a JSON object leniently; returns the object or the parse error. */
export function parseLenientJson(
  raw: string,
): { value: Record<string, unknown> } | { error: string } {
  const body = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```\s*$/, '')
    .trim()
  if (body === '' || /^(?:none|null|\{\s*\})$/i.test(body)) return { value: {} }
  const obj = firstJsonObject(body)
  if (obj === null) return { error: 'no JSON object found (expected {"name": value, …})' }
  const attempts = [
    obj,
    obj
      .replace(/'([^'\\]*)'/g, '"$1"')
      .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":')
      .replace(/,\s*([}\]])/g, '$1'),
  ]
  let lastError = ''
  for (const a of attempts) {
    try {
      const v: unknown = JSON.parse(a)
      if (v && typeof v === 'object' && !Array.isArray(v))
        return { value: v as Record<string, unknown> }
      lastError = 'the input must be a JSON object'
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e)
    }
  }
  return { error: lastError }
}

const FIELD = (name: string): RegExp =>
  new RegExp(`^\\s*\\**\\s*${name}\\s*\\**\\s*:\\s*\\**`, 'im')

/** Parse one model turn. Text after a model-written "Observation:" is ignored (the model must not invent them). */
export function parseReactTurn(output: string): ReactTurn {
  const cut = output.search(FIELD('Observation'))
  const text = cut >= 0 ? output.slice(0, cut) : output
  const actionAt = text.search(FIELD('Action'))
  const finalAt = text.search(FIELD('Final Answer'))
  const thoughtMatch =
    /^\s*\**\s*Thought\s*\**\s*:\s*\**([\s\S]*?)(?=^\s*\**\s*(?:Action|Final Answer)\s*\**\s*:|$(?![\s\S]))/im.exec(
      text,
    )
  const thought = thoughtMatch ? thoughtMatch[1].trim() : ''
  if (actionAt >= 0 && (finalAt < 0 || actionAt < finalAt)) {
    const after = text.slice(actionAt).replace(FIELD('Action'), '')
    const tool = (after.split('\n')[0] ?? '')
      .replace(/[`*"']/g, '')
      .trim()
      .replace(/\.$/, '')
    const inputAt = after.search(FIELD('Action Input'))
    const raw = inputAt >= 0 ? after.slice(inputAt).replace(FIELD('Action Input'), '').trim() : ''
    const actionText = text.trim()
    const parsed = parseLenientJson(raw)
    if ('error' in parsed)
      return { type: 'bad_input', thought, tool, raw, error: parsed.error, text: actionText }
    return { type: 'action', thought, tool, input: parsed.value, text: actionText }
  }
  if (finalAt >= 0) {
    return {
      type: 'final',
      thought,
      answer: text.slice(finalAt).replace(FIELD('Final Answer'), '').trim(),
    }
  }
  return { type: 'none', thought: thought || output.trim() }
}

/** Observation sent back when the model wrote neither an action nor a final answer. */
export const FORMAT_REMINDER =
  'Observation: I could not find "Action:" + "Action Input:" or "Final Answer:" in your reply. Use exactly:\n' +
  'Thought: …\nAction: <tool name>\nAction Input: {"arg": value}\nor\nFinal Answer: …'

/** Observation sent back for an Action Input that is not valid JSON. */
export function badInputObservation(tool: string, raw: string, error: string): string {
  return (
    `Observation: Error: the Action Input for ${tool || 'the tool'} is not valid JSON (${error}). You wrote: ${raw.slice(0, 200)}\n` +
    'Write it again as one JSON object with double-quoted keys and strings, e.g. {"quantity": "gap", "a": "mug", "b": "laptop"}.'
  )
}
