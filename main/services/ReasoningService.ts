import { HumanMessage } from '@langchain/core/messages'
import type { DepthImage, RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import type { LlmTestResult } from '../contract/settingsSchema'
import type {
  ReasoningResultJson,
  ReasoningStepJson,
  StopReason as StopReasonJson,
} from '../contract/reasoningSchema'
import { askWithReasoning, type StopReason } from '../reasoning/orchestrator'
import type { ReasoningStep, StepListener } from '../reasoning/trace'
import {
  createChatModel,
  describeLlmError,
  parseLlmSpec,
  type ChatModelConnection,
} from '../reasoning/connectors'
import { chooseApiKey, type KeyChoice } from '../settings/llmKeyBinding'
import { describeTestFailure } from './llmTestMessages'
import type { SettingsStore } from '../settings/SettingsStore'
import type { StoredSettings } from '../settings/settingsFile'
import { isUserError, UserError } from '../app/userError'
import type { ServiceEvents } from './ServiceEvents'

// The contract mirrors the orchestrator's types: fail to compile when they drift apart.
type Fits<A extends B, B> = A
export type StepFitsContract = Fits<ReasoningStep, ReasoningStepJson>
export type StopReasonFitsContract = Fits<StopReason, StopReasonJson>

/** A kept scene, the frame's depth (metres) for point_at_pixel, and its image for the visual tools. */
export interface ReasoningScene {
  scene: Scene
  depth?: DepthImage
  /** The frame's colours (at its size, or the 2D view's downscaled copy). */
  image?: RgbImage
}

const TEST_PROMPT = 'Reply with the single word OK.'

/** The longest one verification waits for the LLM's yes/no (the settings' time limit, when shorter, wins). */
export const VERIFY_LLM_LIMIT_S = 20

/** An LLM a host picks itself instead of the settings' one: the spec, and CPU threads for a local GGUF model. */
export interface LlmChoice {
  spec: string
  threads?: number
}

/** The configured LLM as `qa:verify`'s LLM voter sees it: one question in, its text reply out. */
export interface LlmVoterAsk {
  ask(question: string): Promise<string>
  /** The spec it asks ("openai:http://…#model"), for the vote's reason. */
  spec: string
}

/**
 * `qa:reason`, `qa:cancel` and `llm:test`: the chain-of-thought orchestrator with the LLM of the
 * app settings (none: templates only, and a clear message for anything else). Steps stream as
 * `qa:step` events tagged with the caller's request id.
 */
export class ReasoningService {
  private readonly running = new Map<string, AbortController>()
  /** Aborted when the host closes: stops the LLM voter's questions. */
  private readonly closing = new AbortController()

  /**
   * @param llm the LLM this host asks instead of the settings' one (the CLI's `--llm SPEC [--llm-threads N]`;
   *   null: none, the CLI without `--llm`); the saved API key still goes only to the origin it was saved for.
   */
  constructor(
    private readonly settings: SettingsStore,
    private readonly events: ServiceEvents,
    private readonly llm?: LlmChoice | null,
  ) {}

  /** The spec to ask ('' for none): the host's choice when it made one, else the settings'. */
  private specFor(settings: StoredSettings): string {
    return this.llm === undefined ? settings.llm.spec : (this.llm?.spec ?? '')
  }

  /**
   * `vlm`: the installed vision-language model, asked by the visual tools (ask_image, …); without one
   * the LLM is told that visual questions cannot be answered.
   */
  async reason(
    target: ReasoningScene,
    input: { question: string; requestId: string },
    vlm?: VisionLanguageModel,
  ): Promise<ReasoningResultJson> {
    const { requestId } = input
    if (this.running.has(requestId)) throw new UserError(`request ${requestId} is already running`)
    const { settings } = await this.settings.load()
    const spec = this.specFor(settings)
    const connection = spec
      ? connect(spec, settings, { threads: this.llm?.threads }).connection
      : null
    const controller = new AbortController()
    this.running.set(requestId, controller)
    try {
      return await reasonReply(target, input.question, {
        connection,
        vlm,
        signal: controller.signal,
        maxSteps: settings.llm.maxSteps,
        timeoutMs: settings.llm.timeLimitS * 1000,
        onStep: (step) => this.events.emit('qa:step', { requestId, step }),
      })
    } finally {
      this.running.delete(requestId)
    }
  }

  cancel(requestId: string): { isCancelled: boolean } {
    const controller = this.running.get(requestId)
    controller?.abort(new Error('cancelled by the user'))
    return { isCancelled: controller !== undefined }
  }

  /**
   * One short request to the LLM (the given spec and key, else the stored ones). The stored key goes
   * only to the origin it was saved for (llmKeyBinding). The reply says whether the server answered,
   * never what it sent (its text, its error body), and every failure that is not an HTTP status
   * reads the same, so the test cannot be used to read other servers or to scan ports.
   */
  async test(input: { spec?: string; apiKey?: string }): Promise<LlmTestResult> {
    const { settings } = await this.settings.load()
    const spec = input.spec ?? settings.llm.spec
    if (!spec)
      return {
        isOk: false,
        message:
          'No LLM is set. Type one, e.g. ollama:qwen2.5:7b or openai:http://127.0.0.1:8080/v1#model.',
        endpoint: null,
        ms: null,
      }
    let connection: ChatModelConnection
    let key: KeyChoice
    try {
      ;({ connection, key } = connect(spec, settings, { typedKey: input.apiKey }))
    } catch (error) {
      if (!isUserError(error)) throw error
      return { isOk: false, message: (error as Error).message, endpoint: null, ms: null }
    }
    const startedMs = performance.now()
    try {
      await connection.model.invoke([new HumanMessage(TEST_PROMPT)])
      const ms = Math.round(performance.now() - startedMs)
      return {
        isOk: true,
        message: `${connection.spec.model} at ${connection.endpoint} answered in ${ms} ms`,
        endpoint: connection.endpoint,
        ms,
      }
    } catch (error) {
      const message = describeTestFailure(
        describeLlmError(error, connection),
        connection,
        key.keptFor,
      )
      return { isOk: false, message, endpoint: connection.endpoint, ms: null }
    }
  }

  /**
   * The LLM of the settings as a yes/no asker for `qa:verify`'s LLM scene voter, or null when none is set. Each
   * question is cut off after min(time limit, {@link VERIFY_LLM_LIMIT_S}) seconds, and when the host closes, so a
   * slow or hung server costs one abstention, never a hung verification.
   */
  async llmVoterAsk(): Promise<LlmVoterAsk | null> {
    const { settings } = await this.settings.load()
    const spec = this.specFor(settings)
    if (!spec) return null
    let connection: ChatModelConnection
    try {
      ;({ connection } = connect(spec, settings, { threads: this.llm?.threads }))
    } catch (error) {
      if (!isUserError(error)) throw error
      // A spec or key that does not work costs the LLM's vote, with the reason shown.
      const why = (error as Error).message
      return { spec, ask: () => Promise.reject(new UserError(why)) }
    }
    const limitMs = Math.min(settings.llm.timeLimitS, VERIFY_LLM_LIMIT_S) * 1000
    const closing = this.closing.signal
    return {
      spec: connection.spec.text,
      ask: async (question) => {
        const signal = AbortSignal.any([closing, AbortSignal.timeout(limitMs)])
        try {
          const reply = await connection.model.invoke([new HumanMessage(question)], { signal })
          return reply.text
        } catch (error) {
          if (signal.aborted && !closing.aborted)
            throw new UserError(`the LLM did not answer within ${limitMs / 1000} s`)
          throw new UserError(describeLlmError(error, connection).message)
        }
      },
    }
  }

  /** Cancels every run (the host is closing). */
  dispose(): void {
    this.closing.abort(new Error('closing'))
    for (const controller of this.running.values()) controller.abort(new Error('closing'))
  }
}

/** What one reasoned answer runs with: the LLM (null: templates only), its limits, where steps go. */
interface ReasonRun {
  connection: ChatModelConnection | null
  /** The installed vision-language model for the visual tools, if any. */
  vlm?: VisionLanguageModel
  signal?: AbortSignal
  /** Model calls before giving up (the orchestrator's default when absent). */
  maxSteps?: number
  /** Wall-clock limit, milliseconds (the orchestrator's default when absent). */
  timeoutMs?: number
  onStep?: StepListener
}

/**
 * One reasoned answer in the shape of the `qa:reason` reply.
 */
async function reasonReply(
  target: ReasoningScene,
  question: string,
  run: ReasonRun,
): Promise<ReasoningResultJson> {
  const { connection } = run
  const result = await askWithReasoning(target.scene, question, {
    model: connection?.model,
    depth: target.depth,
    image: target.image,
    vlm: run.vlm,
    signal: run.signal,
    maxSteps: run.maxSteps,
    timeoutMs: run.timeoutMs,
    describeError: connection ? (error) => describeLlmError(error, connection).message : undefined,
    onStep: run.onStep,
  })
  return { ...result, llm: connection ? connection.spec.text : null }
}

/**
 * A model for `spec` with the key it may use: the typed one, else the one bound to its origin.
 * `threads`: CPU threads of a local GGUF model (the connector's default when absent).
 */
function connect(
  spec: string,
  settings: StoredSettings,
  options: { typedKey?: string; threads?: number } = {},
): { connection: ChatModelConnection; key: KeyChoice } {
  const parsed = parseLlmSpec(spec)
  const key = chooseApiKey(parsed, settings.llm, options.typedKey)
  const connection = createChatModel(parsed, {
    apiKey: key.apiKey,
    env: key.env,
    timeoutMs: settings.llm.timeLimitS * 1000,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  })
  return { connection, key }
}
