/**
 * One model turn of a run, in either protocol: the model's thought is recorded, the tools it asks
 * for are run and their results appended to the conversation. A turn returns the final answer text,
 * or null when the model must be asked again.
 */

import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages'
import { badInputObservation, FORMAT_REMINDER, parseReactTurn } from './react'
import { TOOL_ERROR_PREFIX } from './toolSupport'
import type { StepRecorder } from './trace'
import type { Conversation, ModelReply } from './conversation'
import type { ToolCaller } from './toolCaller'

/** What a turn works with: the conversation, the tools, the trace. */
export interface TurnContext {
  conversation: Conversation
  tools: ToolCaller
  rec: StepRecorder
}

/** Runs the reply's turn in the conversation's protocol; the final text, or null to continue. */
export function takeTurn(context: TurnContext, reply: ModelReply): Promise<string | null> {
  return context.conversation.protocol === 'native'
    ? nativeTurn(context, reply)
    : reactTurn(context, reply)
}

/** One native tool-calling turn: tool calls (valid or not) are answered with tool messages. */
export async function nativeTurn(
  { conversation, tools, rec }: TurnContext,
  { ai, ms }: ModelReply,
): Promise<string | null> {
  const { messages } = conversation
  messages.push(ai)
  const toolCalls = ai.tool_calls ?? []
  const invalid = ai.invalid_tool_calls ?? []
  const text = ai.text.trim()
  if (toolCalls.length === 0 && invalid.length === 0) return text
  if (text) rec.add({ kind: 'thought', text, ms })
  for (const tc of toolCalls) {
    const result = await tools.call(tc.name, (tc.args ?? {}) as Record<string, unknown>)
    messages.push(new ToolMessage({ content: result, tool_call_id: tc.id ?? '', name: tc.name }))
  }
  for (const bad of invalid) {
    const name = bad.name ?? 'the tool'
    const obs = `${TOOL_ERROR_PREFIX} the arguments of ${name} are not valid JSON (${bad.error ?? 'parse error'}): ${String(bad.args ?? '').slice(0, 200)}. Call ${name} again with one JSON object matching its schema.`
    rec.add({ kind: 'error', text: obs, tool: bad.name, result: bad.args })
    messages.push(
      new ToolMessage({ content: obs, tool_call_id: bad.id ?? '', name: bad.name ?? 'invalid' }),
    )
  }
  return null
}

/** One ReAct text turn: a final answer, one action, or a reminder of the format. */
export async function reactTurn(
  { conversation, tools, rec }: TurnContext,
  { ai, ms }: ModelReply,
): Promise<string | null> {
  const { messages } = conversation
  const turn = parseReactTurn(ai.text)
  if (turn.thought && turn.type !== 'none') rec.add({ kind: 'thought', text: turn.thought, ms })
  if (turn.type === 'final') return turn.answer
  if (turn.type === 'none') {
    rec.add({
      kind: 'error',
      text: `No action or final answer in: ${turn.thought.slice(0, 200)}`,
      ms,
    })
    messages.push(new AIMessage(ai.text), new HumanMessage(FORMAT_REMINDER))
    return null
  }
  messages.push(new AIMessage(turn.text))
  if (turn.type === 'bad_input') {
    const obs = badInputObservation(turn.tool, turn.raw, turn.error)
    rec.add({ kind: 'error', text: obs, tool: turn.tool, result: turn.raw })
    messages.push(new HumanMessage(obs))
    return null
  }
  const result = await tools.call(turn.tool, turn.input)
  messages.push(new HumanMessage(`Observation: ${result}`))
  return null
}

/**
 * The guard's one repair round: asks the model to restate its answer with only the tools' numbers.
 * The restated answer, or null when the model gave none.
 */
export async function restateAnswer(
  { conversation, rec }: TurnContext,
  unsupported: string[],
  toolText: string,
): Promise<string | null> {
  const isText = conversation.protocol === 'react'
  conversation.messages.push(
    new HumanMessage(
      `Your answer quoted ${unsupported.join(', ')}, which no tool returned. Restate the final answer using only numbers from these tool results (same units or converted exactly):\n${toolText}` +
        (isText
          ? '\nReply as "Final Answer: …".'
          : '\nDo not call tools; reply with the answer text only.'),
    ),
  )
  const { ai, ms } = await conversation.invoke()
  const answer = isText ? finalOrText(ai.text) : ai.text.trim()
  rec.add({ kind: 'thought', text: `Restated answer: ${answer}`, ms })
  return answer || null
}

function finalOrText(text: string): string {
  const turn = parseReactTurn(text)
  return turn.type === 'final' ? turn.answer : text.trim()
}
