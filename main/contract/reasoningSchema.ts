import { z } from 'zod'
import { finite } from './primitives'
import { answerSchema } from './answerSchema'

/**
 * The chain of thought as it crosses a process boundary (`qa:reason`, `qa:step` events). Mirrors
 * ReasoningStep (main/reasoning/trace.ts) and ReasoningResult (main/reasoning/orchestrator.ts);
 * ReasoningService checks at compile time that they still fit.
 */
export const reasoningStepSchema = z.object({
  /** 0-based position in the trace. */
  index: z.number().int().nonnegative(),
  kind: z.enum(['thought', 'tool_call', 'tool_result', 'final', 'error', 'check']),
  text: z.string(),
  tool: z.string().optional(),
  /** Tool arguments as parsed (tool_call); lengths in metres, as the tools take them. */
  args: z.record(z.string(), z.unknown()).optional(),
  /** Tool result: the parsed JSON object (`*_m` keys are metres), or the raw string. */
  result: z.unknown().optional(),
  ms: finite,
  atMs: finite,
  /** A call the consistency guard made itself (mirrored question). */
  byGuard: z.boolean().optional(),
  /** For 'check' steps: whether the check passed. */
  ok: z.boolean().optional(),
})
export type ReasoningStepJson = z.infer<typeof reasoningStepSchema>

export const consistencyCheckSchema = z.object({
  kind: z.enum(['mirror', 'numbers']),
  ok: z.boolean(),
  detail: z.string(),
})

export const stopReasonSchema = z.enum([
  'final',
  'template',
  'no_llm',
  'step_limit',
  'timeout',
  'cancelled',
  'model_error',
])
export type StopReason = z.infer<typeof stopReasonSchema>

/** A reasoned answer: the final text, why the run ended, every step and the guard's checks. */
export const reasoningResultSchema = z.object({
  question: z.string(),
  answer: z.string(),
  stopReason: stopReasonSchema,
  protocol: z.enum(['native', 'react', 'template']),
  steps: z.array(reasoningStepSchema),
  checks: z.array(consistencyCheckSchema),
  /** The engine's answer when the deterministic template path answered (drawn in the 3D view). */
  templateAnswer: answerSchema.optional(),
  totalMs: finite,
  /** The LLM that ran (its spec, e.g. "ollama:qwen2.5:7b"), or null for template answers. */
  llm: z.string().nullable(),
})
export type ReasoningResultJson = z.infer<typeof reasoningResultSchema>

/** `qa:reason` input. `requestId` (chosen by the caller) tags the streamed steps and `qa:cancel`. */
export const reasonInputSchema = z
  .object({
    sceneId: z.string().min(1),
    question: z.string().trim().min(1).max(500),
    requestId: z.string().min(1).max(100),
  })
  .strict()

/** One step of a running `qa:reason`, sent as soon as it is recorded. */
export const qaStepEventSchema = z.object({
  requestId: z.string().min(1),
  step: reasoningStepSchema,
})
