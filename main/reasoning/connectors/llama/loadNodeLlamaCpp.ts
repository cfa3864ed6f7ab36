/**
 * Finds and loads node-llama-cpp, the embedded LLM runtime. It is an optional install kept outside the
 * app's node_modules (scripts/installLlamaRuntime.js explains why), so it is imported at run time from
 * `SPATIAL_LENS_LLAMA_RUNTIME` (a folder holding node_modules/node-llama-cpp) when set, else the app's
 * vendor/node-llama-cpp. Only the members we call are typed here,
 * so the rest of the app typechecks and runs without the runtime.
 */

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { packageRoot } from '../../../app/paths'
import type { LlmEnv } from '../llmSpec.js'
import { LlmConfigError } from '../llmConfigError.js'

/** One item of node-llama-cpp's chat history. */
export type LlamaHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: string[] }

/** The options of LlamaChat.generateResponse we use. */
export interface LlamaGenerateOptions {
  grammar?: unknown
  maxTokens?: number
  temperature?: number
  signal?: AbortSignal
}

export interface LlamaChatLike {
  readonly chatWrapper: { readonly wrapperName: string }
  generateResponse(
    history: LlamaHistoryItem[],
    options: LlamaGenerateOptions,
  ): Promise<{ response: string; metadata: { stopReason: string } }>
}

export interface LlamaContextLike {
  getSequence(): unknown
  dispose(): Promise<void>
}

export interface LlamaModelLike {
  readonly trainContextSize: number
  createContext(options: { contextSize: number; threads?: number }): Promise<LlamaContextLike>
  dispose(): Promise<void>
}

export interface LlamaLike {
  /** The GPU backend in use, or false for CPU. */
  readonly gpu: string | false
  loadModel(options: { modelPath: string }): Promise<LlamaModelLike>
  createGrammarForJsonSchema(schema: unknown): Promise<unknown>
}

export interface NodeLlamaCppModule {
  getLlama(options: {
    gpu?: false | 'auto' | 'cuda' | 'vulkan' | 'metal'
    build?: 'never'
    logLevel?: string
    progressLogs?: boolean
  }): Promise<LlamaLike>
  LlamaChat: new (options: { contextSequence: unknown }) => LlamaChatLike
}

/** The runtime is not installed; the message says how to install it. */
export class LlamaRuntimeMissingError extends LlmConfigError {
  constructor(searched: string[]) {
    super(
      'The embedded LLM runtime (node-llama-cpp) is not installed. Install it with `npm run setup:llm` ' +
        '(≈ 85 MB, CPU; add `-- --gpu cuda` or `-- --gpu vulkan` for a GPU build), or use an LLM server ' +
        `with --llm ollama:… or --llm openai:…. Looked in: ${searched.join(', ')}.`,
    )
  }
}

/** Folders that may hold node_modules/node-llama-cpp: the user's choice only, else the app's vendor folder. */
export function llamaRuntimeFolders(env: LlmEnv = process.env): string[] {
  const custom = env.SPATIAL_LENS_LLAMA_RUNTIME?.trim()
  return custom ? [custom] : [join(packageRoot(), 'vendor', 'node-llama-cpp')]
}

/** The runtime's entry file, or null when it is not installed in any of the folders. */
export function findLlamaRuntime(env: LlmEnv = process.env): string | null {
  for (const folder of llamaRuntimeFolders(env)) {
    const entry = join(folder, 'node_modules', 'node-llama-cpp', 'dist', 'index.js')
    if (existsSync(entry)) return entry
  }
  return null
}

const loaded = new Map<string, Promise<NodeLlamaCppModule>>()

/** Imports the runtime once per process (see file comment); throws LlamaRuntimeMissingError. */
export function loadNodeLlamaCpp(env: LlmEnv = process.env): Promise<NodeLlamaCppModule> {
  const entry = findLlamaRuntime(env)
  if (!entry) return Promise.reject(new LlamaRuntimeMissingError(llamaRuntimeFolders(env)))
  let module = loaded.get(entry)
  if (!module) {
    // A variable specifier keeps the bundler from resolving the optional runtime at build time.
    const specifier = pathToFileURL(entry).href
    module = (import(/* @vite-ignore */ specifier) as Promise<NodeLlamaCppModule>).catch(
      (error: unknown) => {
        loaded.delete(entry)
        const reason = error instanceof Error ? error.message : String(error)
        throw new LlmConfigError(
          `The embedded LLM runtime at ${entry} failed to load (${reason}). Reinstall it with \`npm run setup:llm\`.`,
        )
      },
    )
    loaded.set(entry, module)
  }
  return module
}
