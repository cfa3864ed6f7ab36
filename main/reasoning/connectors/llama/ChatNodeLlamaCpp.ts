/**
 * A LangChain chat model running a GGUF file in-process through node-llama-cpp. With tools bound, each
 * turn is generated under a JSON grammar (toolCallEnvelope.ts) and returned as native `tool_calls`, so
 * the orchestrator treats it like any tool-calling model; without tools it generates free text.
 */

import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models'
import { AIMessage, type BaseMessage, type ToolCall } from '@langchain/core/messages'
import type { ChatResult } from '@langchain/core/outputs'
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager'
import { convertToOpenAITool } from '@langchain/core/utils/function_calling'
import {
  envelopeForCall,
  envelopeInstructions,
  envelopeSchema,
  parseEnvelope,
  type ToolDefinition,
} from './toolCallEnvelope.js'
import { llamaSession, type LlamaGpuChoice, type LlamaSession } from './llamaSessions.js'
import type { LlamaHistoryItem } from './loadNodeLlamaCpp.js'
import type { LlmEnv } from '../llmSpec.js'

export interface ChatNodeLlamaCppParams extends BaseChatModelParams {
  /** Absolute path of the .gguf file. */
  modelPath: string
  /** CPU threads; on small machines fewer threads than cores is often faster. */
  threads?: number
  gpu?: LlamaGpuChoice
  temperature?: number
  /** Tokens per model turn (a tool call or an answer). */
  maxTokens?: number
  /** Context window cap in tokens. */
  maxContextTokens?: number
  /** Per-call time limit in milliseconds. */
  timeoutMs?: number
  env?: LlmEnv
}

export interface ChatNodeLlamaCppCallOptions extends BaseChatModelCallOptions {
  tools?: ToolDefinition[]
}

let callCounter = 0

/** LangChain messages → node-llama-cpp history (tool traffic written as the envelope protocol). */
export function toLlamaHistory(
  messages: BaseMessage[],
  toolInstructions: string | null,
): LlamaHistoryItem[] {
  const history: LlamaHistoryItem[] = []
  const pushUser = (text: string): void => {
    const last = history.at(-1)
    if (last?.type === 'user') last.text += `\n\n${text}`
    else history.push({ type: 'user', text })
  }
  for (const message of messages) {
    const type = message.getType()
    if (type === 'system') history.push({ type: 'system', text: message.text })
    else if (type === 'human') pushUser(message.text)
    else if (type === 'tool') pushUser(`Tool result (${message.name ?? 'tool'}): ${message.text}`)
    else if (type === 'ai') {
      const calls = (message as AIMessage).tool_calls ?? []
      const text = calls.length
        ? calls.map((call) => envelopeForCall(message.text, call.name, call.args)).join('\n')
        : message.text
      history.push({ type: 'model', response: [text] })
    }
  }
  if (toolInstructions) {
    const system = history.find((item) => item.type === 'system')
    if (system) system.text += `\n\n${toolInstructions}`
    else history.unshift({ type: 'system', text: toolInstructions })
  }
  return history
}

export class ChatNodeLlamaCpp extends BaseChatModel<ChatNodeLlamaCppCallOptions> {
  readonly modelPath: string
  readonly threads?: number
  readonly gpu: LlamaGpuChoice
  readonly temperature: number
  readonly maxTokens: number
  readonly maxContextTokens: number
  readonly timeoutMs?: number
  private readonly env?: LlmEnv

  static override lc_name(): string {
    return 'ChatNodeLlamaCpp'
  }

  constructor(params: ChatNodeLlamaCppParams) {
    // No retries by default: a failed local generation fails the same way again, only slower.
    super({ ...params, maxRetries: params.maxRetries ?? 0 })
    this.modelPath = params.modelPath
    this.threads = params.threads
    this.gpu = params.gpu ?? 'auto'
    this.temperature = params.temperature ?? 0
    this.maxTokens = params.maxTokens ?? 512
    this.maxContextTokens = params.maxContextTokens ?? 8192
    this.timeoutMs = params.timeoutMs
    this.env = params.env
  }

  override _llmType(): string {
    return 'node-llama-cpp'
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<ChatNodeLlamaCppCallOptions>) {
    const definitions: ToolDefinition[] = tools.map((tool) => {
      const fn = convertToOpenAITool(tool).function
      return { name: fn.name, description: fn.description ?? '', parameters: fn.parameters }
    })
    return this.withConfig({ tools: definitions, ...kwargs })
  }

  /** Loads the model (first call only) and returns its session. */
  session(): Promise<LlamaSession> {
    return llamaSession({
      modelPath: this.modelPath,
      threads: this.threads,
      maxContextTokens: this.maxContextTokens,
      gpu: this.gpu,
      env: this.env,
    })
  }

  override async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    options.signal?.throwIfAborted()
    const tools = options.tools ?? []
    const session = await this.session()
    const grammar = tools.length ? await session.grammarFor(envelopeSchema(tools)) : undefined
    const history = toLlamaHistory(messages, tools.length ? envelopeInstructions(tools) : null)
    const limit = this.timeoutMs ? AbortSignal.timeout(this.timeoutMs) : undefined
    const signal =
      options.signal && limit ? AbortSignal.any([options.signal, limit]) : (options.signal ?? limit)
    const { response } = await session.run(() => {
      signal?.throwIfAborted()
      return session.chat.generateResponse(history, {
        grammar,
        maxTokens: this.maxTokens,
        temperature: this.temperature,
        signal,
      })
    })
    const message = tools.length ? this.toolTurn(response, tools) : new AIMessage(response)
    return { generations: [{ text: message.text, message }] }
  }

  private toolTurn(response: string, tools: ToolDefinition[]): AIMessage {
    const turn = parseEnvelope(response, new Set(tools.map((tool) => tool.name)))
    const id = `llama_call_${++callCounter}`
    if (turn.type === 'final')
      return new AIMessage({ content: turn.answer, additional_kwargs: { thought: turn.thought } })
    if (turn.type === 'invalid') {
      return new AIMessage({
        content: '',
        invalid_tool_calls: [
          { type: 'invalid_tool_call', id, name: undefined, args: turn.raw, error: turn.error },
        ],
      })
    }
    const call: ToolCall = { type: 'tool_call', id, name: turn.name, args: turn.args }
    return new AIMessage({ content: turn.thought, tool_calls: [call] })
  }
}
