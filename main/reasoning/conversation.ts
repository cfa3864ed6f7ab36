/**
 * The messages of one run with the chat model, and the protocol in use: native tool calling, or the
 * ReAct text protocol. In 'auto' a server that rejects tool definitions on the first call gets the
 * text protocol instead.
 */

import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import {
  HumanMessage,
  SystemMessage,
  type AIMessage,
  type BaseMessage,
} from '@langchain/core/messages'
import type { Runnable } from '@langchain/core/runnables'
import type { StructuredToolInterface } from '@langchain/core/tools'
import { reactSystemPrompt } from './react'
import type { StepRecorder } from './trace'
import { Stop, type RunControl } from './runControl'

/** How the model calls tools: 'auto' picks native when the model has bindTools. */
export type ProtocolChoice = 'auto' | 'native' | 'react'
export type ToolProtocol = 'native' | 'react'

/** The protocol a run starts with. */
export function initialProtocol(
  model: BaseChatModel,
  choice: ProtocolChoice = 'auto',
): ToolProtocol {
  const isText =
    choice === 'react' || (choice !== 'native' && typeof model.bindTools !== 'function')
  return isText ? 'react' : 'native'
}

/** One model reply and how long it took (milliseconds). */
export interface ModelReply {
  ai: AIMessage
  ms: number
}

/** The system prompt, the question and every turn since; {@link invoke} asks the model for the next. */
export class Conversation {
  readonly messages: BaseMessage[]
  protocol: ToolProtocol
  private runnable: Runnable<BaseMessage[], AIMessage>

  constructor(
    private readonly model: BaseChatModel,
    private readonly choice: ProtocolChoice,
    private readonly prompt: string,
    private readonly tools: StructuredToolInterface[],
    question: string,
    private readonly rec: StepRecorder,
    private readonly control: RunControl,
  ) {
    this.protocol = initialProtocol(model, choice)
    this.runnable = this.protocol === 'native' ? bindTools(model, tools) : model
    this.messages = [
      new SystemMessage(this.protocol === 'native' ? prompt : reactSystemPrompt(prompt, tools)),
      new HumanMessage(question),
    ]
  }

  /** Asks the model for its next turn over all messages so far (the caller appends the reply). */
  async invoke(): Promise<ModelReply> {
    const t0 = performance.now()
    try {
      const ai = await this.control.guarded(() =>
        this.runnable.invoke(this.messages, { signal: this.control.signal }),
      )
      return { ai, ms: performance.now() - t0 }
    } catch (error) {
      if (!this.canFallBack(error)) throw error
      this.switchToText(error)
      return this.invoke()
    }
  }

  /** 'auto' only, on the first call only, and only for an error about tools. */
  private canFallBack(error: unknown): boolean {
    const message = error instanceof Error ? error.message : String(error)
    const isFirst = this.messages.length === 2 && this.protocol === 'native'
    return isFirst && this.choice !== 'native' && !(error instanceof Stop) && /tool/i.test(message)
  }

  private switchToText(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    this.protocol = 'react'
    this.runnable = this.model
    this.messages[0] = new SystemMessage(reactSystemPrompt(this.prompt, this.tools))
    this.rec.add({
      kind: 'error',
      text: `Native tool calling failed (${message}); using the text (ReAct) protocol.`,
    })
  }
}

function bindTools(
  model: BaseChatModel,
  tools: StructuredToolInterface[],
): Runnable<BaseMessage[], AIMessage> {
  return (model.bindTools as NonNullable<BaseChatModel['bindTools']>)(tools) as Runnable<
    BaseMessage[],
    AIMessage
  >
}
