/**
 * The grammar-constrained tool-call protocol of the embedded connector. Each model turn is one JSON
 * object, generated under a grammar built from the bound tools, so it is always well-formed:
 *   {"thought": "…", "tool": "<name>", "arguments": {…}}   — call one tool
 *   {"thought": "…", "final_answer": "…"}                   — answer
 * Small local models rarely follow a tool-calling chat template reliably; a grammar makes every call
 * parseable and every tool name and enum value valid, whatever the model.
 */

import {
  GrammarSchemaError,
  MAX_STRING_CHARS,
  toGbnfSchema,
  type GbnfSchema,
} from './gbnfSchema.js'

/** A bound tool as the connector sees it (OpenAI function shape). */
export interface ToolDefinition {
  name: string
  description: string
  /** JSON Schema of the arguments. */
  parameters: unknown
}

/** One parsed envelope. */
export type EnvelopeTurn =
  | { type: 'tool'; thought: string; name: string; args: Record<string, unknown> }
  | { type: 'final'; thought: string; answer: string }
  | { type: 'invalid'; raw: string; error: string }

const thought: GbnfSchema = { type: 'string', maxLength: MAX_STRING_CHARS }
/** The answer may quote several numbers with units: allow more than a free argument string. */
const ANSWER_CHARS = 600

/** The grammar's JSON schema: one alternative per tool, plus the final answer. */
export function envelopeSchema(tools: readonly ToolDefinition[]): GbnfSchema {
  if (tools.length === 0) throw new GrammarSchemaError('the tool list', 'no tools are bound')
  const calls: GbnfSchema[] = tools.map((tool) => ({
    type: 'object',
    properties: {
      thought,
      tool: { const: tool.name },
      arguments: toGbnfSchema(tool.parameters ?? { type: 'object', properties: {} }, tool.name),
    },
    required: ['thought', 'tool', 'arguments'],
    additionalProperties: false,
  }))
  const final: GbnfSchema = {
    type: 'object',
    properties: { thought, final_answer: { type: 'string', maxLength: ANSWER_CHARS } },
    required: ['thought', 'final_answer'],
    additionalProperties: false,
  }
  return { oneOf: [...calls, final] }
}

/** A JSON Schema node as a short type: "gap"|"distance", number, string, {…}. */
function shortType(node: unknown): string {
  if (!node || typeof node !== 'object') return 'any'
  const n = node as Record<string, unknown>
  if (Array.isArray(n.enum)) return n.enum.map((v) => JSON.stringify(v)).join('|')
  if ('const' in n) return JSON.stringify(n.const)
  if (Array.isArray(n.anyOf ?? n.oneOf))
    return ((n.anyOf ?? n.oneOf) as unknown[]).map(shortType).join('|')
  if (n.type === 'array') return `${shortType(n.items)}[]`
  if (n.type === 'object') return '{…}'
  return typeof n.type === 'string' ? n.type : 'any'
}

/**
 * A tool as one line: `measure(quantity: "distance"|"gap", a: string, b?: number) — description`.
 * Far shorter than the JSON schema (small models have small contexts) and enough: the grammar
 * enforces the exact schema anyway.
 */
export function compactSignature(tool: ToolDefinition): string {
  const schema = (tool.parameters ?? {}) as {
    properties?: Record<string, unknown>
    required?: string[]
  }
  const required = new Set(schema.required ?? [])
  const args = Object.entries(schema.properties ?? {}).map(
    ([name, node]) => `${name}${required.has(name) ? '' : '?'}: ${shortType(node)}`,
  )
  return `${tool.name}(${args.join(', ')}) — ${tool.description}`
}

/** Instructions appended to the system prompt: the protocol and the tools' signatures. */
export function envelopeInstructions(tools: readonly ToolDefinition[]): string {
  return [
    'You can use these tools (a "?" marks an optional argument):',
    ...tools.map((t) => `- ${compactSignature(t)}`),
    '',
    'Reply with exactly one JSON object per turn.',
    'To call a tool: {"thought": "what you need next", "tool": "<tool name>", "arguments": {…}}',
    'The tool result comes back in the next message. When you know the answer:',
    '{"thought": "I know the answer", "final_answer": "<the answer, quoting the numbers and units the tools returned>"}',
  ].join('\n')
}

/** The JSON text the model wrote for a tool call, as it goes back into the history. */
export function envelopeForCall(
  thoughtText: string,
  name: string,
  args: Record<string, unknown>,
): string {
  return JSON.stringify({ thought: thoughtText, tool: name, arguments: args })
}

/** Parses one generated turn. Never throws: a cut-off or unexpected object becomes 'invalid'. */
export function parseEnvelope(raw: string, toolNames: ReadonlySet<string>): EnvelopeTurn {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      type: 'invalid',
      raw,
      error: `the reply is not complete JSON (${reason}); it may have hit the token limit`,
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { type: 'invalid', raw, error: 'the reply is not a JSON object' }
  const turn = value as Record<string, unknown>
  const thoughtText = typeof turn.thought === 'string' ? turn.thought.trim() : ''
  if (typeof turn.final_answer === 'string')
    return { type: 'final', thought: thoughtText, answer: turn.final_answer.trim() }
  if (typeof turn.tool !== 'string' || !toolNames.has(turn.tool))
    return { type: 'invalid', raw, error: `unknown tool ${JSON.stringify(turn.tool)}` }
  const args = turn.arguments
  if (!args || typeof args !== 'object' || Array.isArray(args))
    return { type: 'invalid', raw, error: `the arguments of ${turn.tool} are not a JSON object` }
  return {
    type: 'tool',
    thought: thoughtText,
    name: turn.tool,
    args: args as Record<string, unknown>,
  }
}
