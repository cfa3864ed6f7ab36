/**
 * Test helpers: scripted fake chat models for the orchestrator (LangChain's fakeModel / FakeListChatModel).
 */

import { AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages'
import { fakeModel, type FakeBuiltModel } from '@langchain/core/testing'

let n = 0

/** An AI message calling tools natively. */
export function callsTools(
  calls: Array<[string, Record<string, unknown>]>,
  content = '',
): AIMessage {
  return new AIMessage({
    content,
    tool_calls: calls.map(([name, args]) => ({
      name,
      args,
      id: `call_${++n}`,
      type: 'tool_call' as const,
    })),
  })
}

/** The parsed JSON of the last tool message the model has seen. */
export function lastToolResult(messages: BaseMessage[]): any {
  const last = [...messages].reverse().find((m) => ToolMessage.isInstance(m))
  return last ? JSON.parse(last.text) : null
}

/** A native tool-calling fake model answering with the given scripted turns, in order. */
export function scripted(
  ...turns: Array<AIMessage | ((messages: BaseMessage[]) => AIMessage)>
): FakeBuiltModel {
  const m = fakeModel()
  for (const t of turns) m.respond(t)
  return m
}
