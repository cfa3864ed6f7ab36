/**
 * The LLM orchestrator: a chat model answers multi-step metric questions by calling the spatial tools of one scene.
 * Native tool calling where the model has bindTools, else the ReAct text protocol. The chain of thought is recorded
 * step by step; a step limit, a time limit and an AbortSignal bound the run; the consistency guard checks the
 * answer. Without a model, template questions are answered by the deterministic engine and anything else gets a
 * message on how to configure an LLM — never a guess.
 */

import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages'
import type { StructuredToolInterface } from '@langchain/core/tools'
import type { Answer } from '../engine/answers'
import type { DepthImage, RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import { guardAnswer, runTool, type ConsistencyCheck, type ToolRecord } from './guard'
import { badInputObservation, FORMAT_REMINDER, parseReactTurn, reactSystemPrompt } from './react'
import {
  createSpatialTools,
  NO_VLM_MESSAGE,
  TOOL_ERROR_PREFIX,
  VISUAL_TOOL_NAMES,
} from './spatialTools'
import { answerWithoutLlm, systemPrompt } from './prompts'
import { parseToolResult, StepRecorder, type ReasoningStep, type StepListener } from './trace'

export { LLM_HELP, systemPrompt } from './prompts'

/** Options of {@link askWithReasoning}. */
export interface ReasoningOptions {
  /** The chat model; without one only template questions are answered. */
  model?: BaseChatModel
  /** 'auto' (default): native tool calling when the model has bindTools, else ReAct text. */
  protocol?: 'auto' | 'native' | 'react'
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

/** Why the run ended. */
export type StopReason =
  'final' | 'template' | 'no_llm' | 'step_limit' | 'timeout' | 'cancelled' | 'model_error'

/** The answer with its whole chain of thought. */
export interface ReasoningResult {
  question: string
  answer: string
  stopReason: StopReason
  protocol: 'native' | 'react' | 'template'
  steps: ReasoningStep[]
  checks: ConsistencyCheck[]
  /** The engine's answer when the deterministic template path answered. */
  templateAnswer?: Answer
  totalMs: number
}

class Stop extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason)
  }
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
  const done = (r: Omit<ReasoningResult, 'totalMs'>): ReasoningResult => ({
    ...r,
    totalMs: rec.elapsedMs(),
  })
  if (!opts.model)
    return done({
      question,
      protocol: 'template',
      steps: rec.steps,
      checks: [],
      ...answerWithoutLlm(scene, question, rec),
    })
  const model = opts.model
  let protocol: 'native' | 'react' =
    opts.protocol === 'react' ||
    (opts.protocol !== 'native' && typeof model.bindTools !== 'function')
      ? 'react'
      : 'native'
  const maxSteps = opts.maxSteps ?? 8
  const ctl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctl.abort(new Error('time limit'))
  }, opts.timeoutMs ?? 120_000)
  const onAbort = (): void => ctl.abort(opts.signal?.reason)
  if (opts.signal?.aborted) onAbort()
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  const stopReason = (): 'timeout' | 'cancelled' => (timedOut ? 'timeout' : 'cancelled')
  const tools =
    opts.tools ??
    createSpatialTools(scene, {
      depth: opts.depth,
      image: opts.image,
      vlm: opts.vlm,
      signal: ctl.signal,
    })
  const hasVision = tools.some((t) => (VISUAL_TOOL_NAMES as readonly string[]).includes(t.name))
  const prompt = systemPrompt(scene, { hasVision })

  /** Await a promise unless the run is aborted first. */
  const guarded = <T>(start: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (ctl.signal.aborted) return reject(new Stop(stopReason()))
      const abort = (): void => reject(new Stop(stopReason()))
      ctl.signal.addEventListener('abort', abort, { once: true })
      start()
        .then(resolve, reject)
        .finally(() => ctl.signal.removeEventListener('abort', abort))
    })
  const calls: ToolRecord[] = []
  const callTool = async (name: string, args: Record<string, unknown>): Promise<string> => {
    rec.add({ kind: 'tool_call', text: `${name} ${JSON.stringify(args)}`, tool: name, args })
    const t0 = performance.now()
    // A visual tool called without a vision model gets the clear reason, not "unknown tool".
    const result =
      !hasVision && (VISUAL_TOOL_NAMES as readonly string[]).includes(name)
        ? `${TOOL_ERROR_PREFIX} ${NO_VLM_MESSAGE}`
        : await guarded(() => runTool(tools, name, args))
    const ms = performance.now() - t0
    if (result.startsWith(TOOL_ERROR_PREFIX))
      rec.add({ kind: 'error', text: result, tool: name, result, ms })
    else {
      rec.add({
        kind: 'tool_result',
        text: result,
        tool: name,
        result: parseToolResult(result),
        ms,
      })
      calls.push({ tool: name, args, result })
    }
    return result
  }

  const messages: BaseMessage[] = []
  try {
    let runnable =
      protocol === 'native'
        ? (model.bindTools as NonNullable<BaseChatModel['bindTools']>)(tools)
        : model
    messages.push(
      new SystemMessage(protocol === 'native' ? prompt : reactSystemPrompt(prompt, tools)),
    )
    messages.push(new HumanMessage(question))
    const invoke = async (): Promise<{ ai: AIMessage; ms: number }> => {
      const t0 = performance.now()
      try {
        const ai = (await guarded(() =>
          runnable.invoke(messages, { signal: ctl.signal }),
        )) as AIMessage
        return { ai, ms: performance.now() - t0 }
      } catch (e) {
        // 'auto': a server that rejects tool definitions on the first call gets the text protocol instead.
        const msg = e instanceof Error ? e.message : String(e)
        const first = messages.length === 2 && protocol === 'native'
        if (!first || opts.protocol === 'native' || e instanceof Stop || !/tool/i.test(msg)) throw e
        protocol = 'react'
        runnable = model
        messages[0] = new SystemMessage(reactSystemPrompt(prompt, tools))
        rec.add({
          kind: 'error',
          text: `Native tool calling failed (${msg}); using the text (ReAct) protocol.`,
        })
        return invoke()
      }
    }
    let final: string | null = null
    for (let step = 0; step < maxSteps && final === null; step++) {
      const { ai, ms } = await invoke()
      final = protocol === 'native' ? await nativeTurn(ai, ms) : await reactTurn(ai, ms)
    }
    if (final === null) {
      const answer = `I stopped after ${maxSteps} model steps without a final answer (step limit); no answer is given.`
      rec.add({ kind: 'error', text: answer })
      return done({
        question,
        answer,
        stopReason: 'step_limit',
        protocol,
        steps: rec.steps,
        checks: [],
      })
    }
    const repair = async (unsupported: string[], toolText: string): Promise<string | null> => {
      messages.push(
        new HumanMessage(
          `Your answer quoted ${unsupported.join(', ')}, which no tool returned. Restate the final answer using only numbers from these tool results (same units or converted exactly):\n${toolText}` +
            (protocol === 'react'
              ? '\nReply as "Final Answer: …".'
              : '\nDo not call tools; reply with the answer text only.'),
        ),
      )
      const { ai, ms } = await invoke()
      const text = ai.text
      const answer =
        protocol === 'react'
          ? (() => {
              const t = parseReactTurn(text)
              return t.type === 'final' ? t.answer : text.trim()
            })()
          : text.trim()
      rec.add({ kind: 'thought', text: `Restated answer: ${answer}`, ms })
      return answer || null
    }
    const guardedAnswer = await guardAnswer(question, final, tools, calls, rec, repair)
    rec.add({ kind: 'final', text: guardedAnswer.answer })
    return done({
      question,
      answer: guardedAnswer.answer,
      stopReason: 'final',
      protocol,
      steps: rec.steps,
      checks: guardedAnswer.checks,
    })
  } catch (e) {
    if (e instanceof Stop || ctl.signal.aborted) {
      const reason = e instanceof Stop ? e.reason : stopReason()
      const answer =
        reason === 'timeout'
          ? `Stopped: the time limit of ${opts.timeoutMs ?? 120_000} ms was reached; no answer is given.`
          : 'Cancelled; no answer is given.'
      rec.add({ kind: 'error', text: answer })
      return done({ question, answer, stopReason: reason, protocol, steps: rec.steps, checks: [] })
    }
    const msg = opts.describeError
      ? opts.describeError(e)
      : e instanceof Error
        ? e.message
        : String(e)
    const answer = `The language model failed: ${msg}`
    rec.add({ kind: 'error', text: answer })
    return done({
      question,
      answer,
      stopReason: 'model_error',
      protocol,
      steps: rec.steps,
      checks: [],
    })
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
  }

  /** One native tool-calling turn; returns the final text or null to continue. */
  async function nativeTurn(ai: AIMessage, ms: number): Promise<string | null> {
    messages.push(ai)
    const toolCalls = ai.tool_calls ?? []
    const invalid = ai.invalid_tool_calls ?? []
    const text = ai.text.trim()
    if (toolCalls.length === 0 && invalid.length === 0) return text
    if (text) rec.add({ kind: 'thought', text, ms })
    for (const tc of toolCalls) {
      const result = await callTool(tc.name, (tc.args ?? {}) as Record<string, unknown>)
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

  /** One ReAct text turn; returns the final text or null to continue. */
  async function reactTurn(ai: AIMessage, ms: number): Promise<string | null> {
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
    const result = await callTool(turn.tool, turn.input)
    messages.push(new HumanMessage(`Observation: ${result}`))
    return null
  }
}
