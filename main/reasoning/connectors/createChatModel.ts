/**
 * LangChain chat models for the connectors a robotics user runs: Ollama, any OpenAI-compatible
 * endpoint (llama.cpp server, vLLM, LM Studio, the hosted API), and a GGUF model run in-process by
 * node-llama-cpp (an optional install: `npm run setup:llm`).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import { ChatOllama } from '@langchain/ollama'
import { ChatOpenAICompletions } from '@langchain/openai'
import type { MessageContent } from '@langchain/core/messages'
import { parseLlmSpec, type LlmEnv, type LlmSpec } from './llmSpec.js'
import { LlmConfigError } from './llmConfigError.js'
import { ChatNodeLlamaCpp } from './llama/ChatNodeLlamaCpp.js'
import type { LlamaGpuChoice } from './llama/llamaSessions.js'
import {
  findLlamaRuntime,
  LlamaRuntimeMissingError,
  llamaRuntimeFolders,
} from './llama/loadNodeLlamaCpp.js'
import { ModelStore } from '../../models/ModelStore'
import { resolve as resolvePath } from 'node:path'

export { LlmConfigError }

/** Default per-request time limit. Local 7B models on CPU can take a minute for a long answer. */
export const DEFAULT_LLM_TIMEOUT_MS = 120_000
/** Default retries: one, so a dead server fails fast instead of a retry storm. */
export const DEFAULT_LLM_MAX_RETRIES = 1

/** Options for {@link createChatModel}. */
export interface ChatModelOptions {
  /** API key from settings; wins over the environment. */
  apiKey?: string
  /** Per-request time limit in milliseconds (connect + full response). */
  timeoutMs?: number
  /** Retries after a failed request (OpenAI client only; Ollama does not retry). */
  maxRetries?: number
  /** Sampling temperature; 0 by default so tool arguments are reproducible. */
  temperature?: number
  /** Environment for `OLLAMA_HOST`, `OPENAI_API_KEY`, `SPATIAL_LENS_LLM_API_KEY`. */
  env?: LlmEnv
  /** Fetch implementation (tests, proxies); defaults to the global fetch. */
  fetch?: typeof fetch
  /** Embedded models: CPU threads (default `SPATIAL_LENS_LLM_THREADS`, else llama.cpp's choice). */
  threads?: number
  /** Embedded models: GPU backend (default `SPATIAL_LENS_LLM_GPU`, else 'auto'). */
  gpu?: LlamaGpuChoice
  /** Embedded models: where `llama:<model id>` is looked up (default: the user's model cache). */
  modelStore?: ModelStore
}

/** What the orchestrator may assume about a connector before talking to it. */
export interface ChatModelCapabilities {
  /**
   * Native tool calling is attempted first. Both connectors support it on the wire; a model that
   * rejects tools makes the orchestrator fall back to the text ReAct protocol.
   */
  isToolCallingSupported: boolean
  /** Tokens arrive incrementally (`.stream()`). */
  isStreaming: boolean
}

/** A created chat model with the spec it came from. */
export interface ChatModelConnection {
  spec: LlmSpec
  model: BaseChatModel
  capabilities: ChatModelCapabilities
  /** Where requests go, for messages and traces (never contains the key). */
  endpoint: string
  /** The per-request time limit in milliseconds. */
  timeoutMs: number
}

/** Resolves the API key: settings, then `SPATIAL_LENS_LLM_API_KEY`, then `OPENAI_API_KEY`. */
export function resolveApiKey(options: ChatModelOptions): string | undefined {
  const env = options.env ?? process.env
  const key = options.apiKey ?? env.SPATIAL_LENS_LLM_API_KEY ?? env.OPENAI_API_KEY
  return key?.trim() || undefined
}

/**
 * Wraps fetch so every request ends after `timeoutMs`, while still honouring the caller's signal
 * (LangChain's `signal` call option, cancellation from the orchestrator).
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return base(input, { ...init, signal })
  }
}

/**
 * The Chat Completions client (what llama.cpp server, vLLM and LM Studio speak; not the Responses API)
 * with token counting kept offline: LangChain's default estimate after every streamed call downloads a
 * tiktoken table from tiktoken.pages.dev, which a robot without internet must not attempt.
 */
export class OfflineChatOpenAI extends ChatOpenAICompletions {
  /** Roughly 4 characters per token; used only for usage metadata when the server sends none. */
  override async getNumTokens(content: MessageContent): Promise<number> {
    const text =
      typeof content === 'string'
        ? content
        : content
            .map((part) =>
              typeof part === 'string' ? part : 'text' in part ? String(part.text) : '',
            )
            .join('')
    return Math.ceil(text.length / 4)
  }
}

/** The abort signal of the LangChain call in progress, read by the Ollama fetch wrapper. */
const ollamaCallSignal = new AsyncLocalStorage<AbortSignal | undefined>()

/**
 * ChatOllama that honours the caller's abort signal while waiting for the server: the stock class only
 * checks the signal between streamed chunks (a model still loading never cancels) and, aborted
 * mid-stream, returns a truncated answer instead of throwing. Each step of the stream runs with the
 * call's signal in async-local storage so the fetch of this call, and only this call, is aborted.
 */
export class CancellableChatOllama extends ChatOllama {
  override async *_streamResponseChunks(
    messages: Parameters<ChatOllama['_streamResponseChunks']>[0],
    options: Parameters<ChatOllama['_streamResponseChunks']>[1],
    runManager?: Parameters<ChatOllama['_streamResponseChunks']>[2],
  ): ReturnType<ChatOllama['_streamResponseChunks']> {
    const signal = options.signal
    signal?.throwIfAborted()
    const inner = super._streamResponseChunks(messages, options, runManager)
    try {
      for (;;) {
        const step = await ollamaCallSignal.run(signal, () => inner.next())
        if (step.done) break
        yield step.value
      }
    } finally {
      // A consumer that stops early must also end the inner stream (and its HTTP response).
      await inner.return(undefined)
    }
    signal?.throwIfAborted()
  }
}

/** Fetch for the Ollama client: the time limit plus the current call's abort signal. */
function ollamaFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  const limited = fetchWithTimeout(timeoutMs, base)
  return (input, init) => {
    const callSignal = ollamaCallSignal.getStore()
    if (!callSignal) return limited(input, init)
    const signal = init?.signal ? AbortSignal.any([init.signal, callSignal]) : callSignal
    return limited(input, { ...init, signal })
  }
}

function createOllama(spec: Extract<LlmSpec, { provider: 'ollama' }>, options: ChatModelOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS
  return new CancellableChatOllama({
    model: spec.model,
    baseUrl: spec.baseUrl,
    streaming: true,
    temperature: options.temperature ?? 0,
    // Pulling a multi-GB model implicitly would look like a hang; the user pulls it themselves.
    checkOrPullModel: false,
    fetch: ollamaFetch(timeoutMs, options.fetch),
  })
}

function createOpenAi(spec: Extract<LlmSpec, { provider: 'openai' }>, options: ChatModelOptions) {
  let apiKey = resolveApiKey(options)
  if (!apiKey && !spec.baseUrl) {
    throw new LlmConfigError(
      `"${spec.text}" uses the hosted OpenAI API, which needs an API key: set it in settings, or ` +
        'export SPATIAL_LENS_LLM_API_KEY or OPENAI_API_KEY. For a local server use ' +
        'openai:http://host:port/v1#<model>.',
    )
  }
  // Local OpenAI-compatible servers ignore the key, but the client refuses to start without one.
  apiKey ??= 'not-needed'
  return new OfflineChatOpenAI({
    model: spec.model,
    apiKey,
    streaming: true,
    temperature: options.temperature ?? 0,
    timeout: options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_LLM_MAX_RETRIES,
    configuration: {
      ...(spec.baseUrl ? { baseURL: spec.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  })
}

const GPU_CHOICES: readonly LlamaGpuChoice[] = ['auto', 'off', 'cuda', 'vulkan', 'metal']

function embeddedThreads(options: ChatModelOptions, env: LlmEnv): number | undefined {
  if (options.threads !== undefined) return options.threads
  const raw = env.SPATIAL_LENS_LLM_THREADS?.trim()
  if (!raw) return undefined
  const threads = Number(raw)
  if (!Number.isInteger(threads) || threads < 1)
    throw new LlmConfigError(`SPATIAL_LENS_LLM_THREADS must be a whole number ≥ 1, got "${raw}".`)
  return threads
}

function embeddedGpu(options: ChatModelOptions, env: LlmEnv): LlamaGpuChoice {
  const raw = options.gpu ?? env.SPATIAL_LENS_LLM_GPU?.trim().toLowerCase() ?? 'auto'
  if (!GPU_CHOICES.includes(raw as LlamaGpuChoice))
    throw new LlmConfigError(
      `The LLM GPU choice must be one of ${GPU_CHOICES.join(', ')}, got "${raw}".`,
    )
  return raw as LlamaGpuChoice
}

/** The GGUF file of a `llama:` spec: the given path, or the model manager's file for the id. */
function embeddedModelPath(
  spec: Extract<LlmSpec, { provider: 'llama' }>,
  options: ChatModelOptions,
): string {
  if (spec.modelPath) return resolvePath(spec.modelPath)
  const store = options.modelStore ?? new ModelStore()
  const entry = store.entry(spec.model)
  if (entry.task !== 'language-model') {
    const ids = store.manifest.models.filter((m) => m.task === 'language-model').map((m) => m.id)
    throw new LlmConfigError(
      `"${spec.model}" is a ${entry.task} model, not a language model. Language models: ${ids.join(', ') || 'none'}.`,
    )
  }
  return store.filePath(spec.model, 'gguf')
}

function createEmbedded(spec: Extract<LlmSpec, { provider: 'llama' }>, options: ChatModelOptions) {
  const env = options.env ?? process.env
  // Fail before the first question, with the install command, rather than at the first model call.
  if (!findLlamaRuntime(env)) throw new LlamaRuntimeMissingError(llamaRuntimeFolders(env))
  const modelPath = embeddedModelPath(spec, options)
  return new ChatNodeLlamaCpp({
    modelPath,
    threads: embeddedThreads(options, env),
    gpu: embeddedGpu(options, env),
    temperature: options.temperature ?? 0,
    timeoutMs: options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
    env,
  })
}

/**
 * Creates a LangChain chat model for a spec (text or parsed).
 * Throws {@link LlmSpecError} for malformed specs and {@link LlmConfigError} for a missing key, a missing
 * embedded runtime or a model that is not installed (the message names the command that fixes it).
 * Nothing is sent until the model is invoked.
 */
export function createChatModel(
  spec: string | LlmSpec,
  options: ChatModelOptions = {},
): ChatModelConnection {
  const parsed = typeof spec === 'string' ? parseLlmSpec(spec, options.env ?? process.env) : spec
  const capabilities = { isToolCallingSupported: true, isStreaming: true }
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS
  if (parsed.provider === 'llama') {
    const model = createEmbedded(parsed, options)
    // Tool calls come from a JSON grammar (every model can); turns arrive whole, not as tokens.
    const embedded = { isToolCallingSupported: true, isStreaming: false }
    return { spec: parsed, model, capabilities: embedded, endpoint: model.modelPath, timeoutMs }
  }
  if (parsed.provider === 'ollama') {
    const model = createOllama(parsed, options)
    return { spec: parsed, model, capabilities, endpoint: parsed.baseUrl, timeoutMs }
  }
  const endpoint = parsed.baseUrl ?? 'https://api.openai.com/v1'
  return { spec: parsed, model: createOpenAi(parsed, options), capabilities, endpoint, timeoutMs }
}
