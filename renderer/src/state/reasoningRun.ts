import type { ReasoningResultJson, ReasoningStepJson } from '../../../main/contract/reasoningSchema'

/** One question and its chain of thought: steps as they stream, then the service's result. */
export interface ReasoningRun {
  requestId: string
  sceneId: string
  question: string
  steps: ReasoningStepJson[]
  result: ReasoningResultJson | null
  isCancelling: boolean
}

/** A question just asked about `sceneId` (trimmed), with no steps yet. */
export function startedRun(requestId: string, sceneId: string, question: string): ReasoningRun {
  return {
    requestId,
    sceneId,
    question: question.trim(),
    steps: [],
    result: null,
    isCancelling: false,
  }
}

/**
 * The run with a streamed step in its place (steps may arrive out of order); unchanged when the
 * step belongs to another request or the run already has its result.
 */
export function withStep(
  run: ReasoningRun | null,
  requestId: string,
  step: ReasoningStepJson,
): ReasoningRun | null {
  if (!run || run.requestId !== requestId || run.result) return run
  const steps = [...run.steps]
  steps[step.index] = step
  return { ...run, steps }
}

/** The run with the service's result (its steps replace the streamed ones); only for its request. */
export function withResult(
  run: ReasoningRun | null,
  requestId: string,
  result: ReasoningResultJson,
): ReasoningRun | null {
  return run?.requestId === requestId ? { ...run, steps: result.steps, result } : run
}

/** The run marked as being cancelled; only for its request. */
export function withCancelling(run: ReasoningRun | null, requestId: string): ReasoningRun | null {
  return run?.requestId === requestId ? { ...run, isCancelling: true } : run
}
