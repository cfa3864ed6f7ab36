/**
 * What a reasoning run gives back: the answer with its whole chain of thought, and the answers of
 * runs that ended without one (stopped, cancelled, the model failed).
 */

import type { Answer } from '../engine/answers'
import type { ConsistencyCheck } from './guard'
import type { ReasoningStep, StepRecorder } from './trace'
import { Stop, type StopCause } from './runControl'

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

/** The result of a run so far: its steps as recorded and its total time now. */
export function finishRun(
  rec: StepRecorder,
  result: Omit<ReasoningResult, 'totalMs' | 'steps'>,
): ReasoningResult {
  return { ...result, steps: rec.steps, totalMs: rec.elapsedMs() }
}

/** How a run that threw ended: stopped from outside (time limit, cancel), or the model failed. */
export interface FailedRun {
  answer: string
  stopReason: StopCause | 'model_error'
}

/**
 * The answer for a run that threw `error`. `stopped`: the run's own stop cause when its signal had
 * fired (an error the stop caused is the stop, not a model failure).
 */
export function describeFailedRun(
  error: unknown,
  stopped: StopCause | null,
  options: { timeoutMs: number; describeError?: (error: unknown) => string },
): FailedRun {
  const cause = error instanceof Stop ? error.reason : stopped
  if (cause === 'timeout')
    return {
      answer: `Stopped: the time limit of ${options.timeoutMs} ms was reached; no answer is given.`,
      stopReason: cause,
    }
  if (cause === 'cancelled') return { answer: 'Cancelled; no answer is given.', stopReason: cause }
  const message = options.describeError
    ? options.describeError(error)
    : error instanceof Error
      ? error.message
      : String(error)
  return { answer: `The language model failed: ${message}`, stopReason: 'model_error' }
}
