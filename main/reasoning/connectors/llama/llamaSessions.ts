/**
 * One loaded GGUF model per (file, threads, context size, GPU choice) per process, with one chat
 * sequence that generations take turns on. Loading a multi-GB model and allocating its context are
 * the slow parts, so they happen once; llama.cpp evaluates on its own native threads, so generating
 * never blocks the JavaScript event loop (Electron's main thread or serve's).
 */

import { existsSync } from 'node:fs'
import { LlmConfigError } from '../llmConfigError.js'
import { assertGgufHeader } from './ggufHeader.js'
import type { LlmEnv } from '../llmSpec.js'
import {
  loadNodeLlamaCpp,
  type LlamaChatLike,
  type LlamaLike,
  type LlamaModelLike,
  type NodeLlamaCppModule,
} from './loadNodeLlamaCpp.js'

/** Which llama.cpp backend to use: 'auto' picks an installed GPU build, else the CPU. */
export type LlamaGpuChoice = 'auto' | 'off' | 'cuda' | 'vulkan' | 'metal'

export interface LlamaSessionOptions {
  modelPath: string
  /** CPU threads for evaluation; undefined = llama.cpp's default (all cores). */
  threads?: number
  /** Upper bound on the context; the model's training context caps it. */
  maxContextTokens: number
  gpu: LlamaGpuChoice
  env?: LlmEnv
}

/** A loaded model with its chat sequence. `run` serialises generations on the sequence. */
export class LlamaSession {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly grammars = new Map<string, Promise<unknown>>()

  constructor(
    readonly llama: LlamaLike,
    readonly model: LlamaModelLike,
    readonly chat: LlamaChatLike,
    readonly contextTokens: number,
  ) {}

  /** Runs `work` after every earlier generation on this sequence has ended (success or not). */
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The compiled grammar of a JSON schema, compiled once per schema. */
  grammarFor(schema: unknown): Promise<unknown> {
    const key = JSON.stringify(schema)
    let grammar = this.grammars.get(key)
    if (!grammar) {
      grammar = this.llama.createGrammarForJsonSchema(schema)
      grammar.catch(() => this.grammars.delete(key))
      this.grammars.set(key, grammar)
    }
    return grammar
  }
}

const llamas = new Map<string, Promise<LlamaLike>>()
const sessions = new Map<string, Promise<LlamaSession>>()

function getLlama(runtime: NodeLlamaCppModule, gpu: LlamaGpuChoice): Promise<LlamaLike> {
  let llama = llamas.get(gpu)
  if (!llama) {
    // build: 'never' — use the prebuilt binaries only; compiling llama.cpp needs a toolchain and the network.
    llama = runtime.getLlama({
      gpu: gpu === 'off' ? false : gpu,
      build: 'never',
      logLevel: 'error',
      progressLogs: false,
    })
    llama.catch(() => llamas.delete(gpu))
    llamas.set(gpu, llama)
  }
  return llama
}

async function openSession(options: LlamaSessionOptions): Promise<LlamaSession> {
  if (!existsSync(options.modelPath))
    throw new LlmConfigError(`The GGUF model file ${options.modelPath} does not exist.`)
  assertGgufHeader(options.modelPath)
  const runtime = await loadNodeLlamaCpp(options.env)
  const llama = await getLlama(runtime, options.gpu)
  let model: LlamaModelLike
  try {
    model = await llama.loadModel({ modelPath: options.modelPath })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new LlmConfigError(
      `Cannot load the GGUF model ${options.modelPath}: ${reason}. Is it a complete GGUF file?`,
    )
  }
  const contextTokens = Math.min(
    model.trainContextSize || options.maxContextTokens,
    options.maxContextTokens,
  )
  const context = await model.createContext({
    contextSize: contextTokens,
    threads: options.threads,
  })
  const chat = new runtime.LlamaChat({ contextSequence: context.getSequence() })
  return new LlamaSession(llama, model, chat, contextTokens)
}

/** The session for these options, loading the model on first use. A failed load is retried next time. */
export function llamaSession(options: LlamaSessionOptions): Promise<LlamaSession> {
  const key = JSON.stringify([
    options.modelPath,
    options.threads ?? null,
    options.maxContextTokens,
    options.gpu,
  ])
  let session = sessions.get(key)
  if (!session) {
    session = openSession(options)
    session.catch(() => sessions.delete(key))
    sessions.set(key, session)
  }
  return session
}
