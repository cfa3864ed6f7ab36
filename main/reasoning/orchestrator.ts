/**
 * The LLM orchestrator: a chat model answers multi-step metric questions by calling the spatial tools of one scene.
 * Native tool calling where the model has bindTools, else the ReAct text protocol. The chain of thought is recorded
 * step by step; a step limit, a time limit and an AbortSignal bound the run; the consistency guard checks the
 * answer. Without a model, template questions are answered by the deterministic engine and anything else gets a
 * message on how to configure an LLM — never a guess.
 *
 * The pieces: runControl (limits and cancel), conversation (messages and protocol), modelTurns (one turn per
 * protocol, the guard's repair), stepLoop (the loop and the guard), toolCaller (tools and their trace),
 * reasoningResult (what a run gives back).
 */

import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import type { StructuredToolInterface } from '@langchain/core/tools'
import type { DepthImage, RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import { createSpatialTools } from './spatialTools'
import { answerWithoutLlm, systemPrompt } from './prompts'
import { StepRecorder, type StepListener } from './trace'
import { RunControl } from './runControl'
import { Conversation, initialProtocol, type ProtocolChoice } from './conversation'
import { ToolCaller } from './toolCaller'
import { runToAnswer } from './stepLoop'
import { describeFailedRun, finishRun, type ReasoningResult } from './reasoningResult'

export { LLM_HELP, systemPrompt } from './prompts'
export type { ReasoningResult, StopReason } from './reasoningResult'

/** Default limits of a run. */
export const DEFAULT_MAX_STEPS = 8
export const DEFAULT_TIMEOUT_MS = 120_000

/** Options of {@link askWithReasoning}. */
export interface ReasoningOptions {
  /** The chat model; without one only template questions are answered. */
  model?: BaseChatModel
  /** 'auto' (default): native tool calling when the model has bindTools, else ReAct text. */
  protocol?: ProtocolChoice
  /** Maximum model calls before giving up (default 8). The one repair call of the guard is extra. */
  maxSteps?: number
  /** Wall-clock limit in milliseconds (default 120 000). */
  timeoutMs?: number
  signal?: AbortSignal
  onStep?: StepListener
  /** The frame's depth (metres) for point_at_pixel. */
  depth?: DepthImage
  /** The frame's colour image; with `vlm`, visual questions get the visual tools (ask_image, …). */
  image?: RgbImage
  /** A vision-language model for visual questions; without one the prompt says they cannot be answered. */
  vlm?: VisionLanguageModel
  /** Tools to use instead of createSpatialTools(scene) (tests, extra tools). */
  tools?: StructuredToolInterface[]
  /** Turns a client error into a message that names the server and what to do (connectors' describeLlmError). */
  describeError?: (error: unknown) => string
}

/**
 * Answer `question` about `scene` with a chat model and the spatial tools (see file comment).
 * Never throws for model or tool failures, timeouts or cancellation: they end the run with a stopReason.
 */
export async function askWithReasoning(
  scene: Scene,
  question: string,
  opts: ReasoningOptions = {},
): Promise<ReasoningResult> {
  const rec = new StepRecorder(opts.onStep)
  if (!opts.model)
    return finishRun(rec, {
      question,
      protocol: 'template',
      checks: [],
      ...answerWithoutLlm(scene, question, rec),
    })
  const control = new RunControl(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.signal)
  try {
    return await reasonWithModel(opts.model, scene, question, opts, rec, control)
  } finally {
    control.dispose()
  }
}

/** The model's run: tools, prompt, conversation, the step loop; failures end it with their answer. */
async function reasonWithModel(
  model: BaseChatModel,
  scene: Scene,
  question: string,
  opts: ReasoningOptions,
  rec: StepRecorder,
  control: RunControl,
): Promise<ReasoningResult> {
  const choice = opts.protocol ?? 'auto'
  const tools =
    opts.tools ??
    createSpatialTools(scene, {
      depth: opts.depth,
      image: opts.image,
      vlm: opts.vlm,
      signal: control.signal,
    })
  const caller = new ToolCaller(tools, rec, control)
  const prompt = systemPrompt(scene, { hasVision: caller.hasVision })
  let conversation: Conversation | undefined
  try {
    conversation = new Conversation(model, choice, prompt, tools, question, rec, control)
    const context = { conversation, tools: caller, rec }
    const outcome = await runToAnswer(context, question, opts.maxSteps ?? DEFAULT_MAX_STEPS)
    return finishRun(rec, { question, protocol: conversation.protocol, ...outcome })
  } catch (error) {
    const failed = describeFailedRun(error, control.isStopped ? control.stopCause() : null, {
      timeoutMs: control.timeoutMs,
      describeError: opts.describeError,
    })
    rec.add({ kind: 'error', text: failed.answer })
    const protocol = conversation?.protocol ?? initialProtocol(model, choice)
    return finishRun(rec, { question, protocol, checks: [], ...failed })
  }
}
