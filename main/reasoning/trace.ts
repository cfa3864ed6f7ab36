/**
 * The chain of thought as data: every reasoning step is recorded with its timing, emitted as it happens and kept
 * with the final answer for export.
 */

/** Kind of a reasoning step. 'check' records a consistency check (mirrored question, quoted numbers). */
export type StepKind = 'thought' | 'tool_call' | 'tool_result' | 'final' | 'error' | 'check'

/** One step of the chain of thought. */
export interface ReasoningStep {
  /** 0-based position in the trace. */
  index: number
  kind: StepKind
  /** Readable text: the thought, the tool call, the observation, the answer, the error or the check outcome. */
  text: string
  /** Tool name (tool_call, tool_result, tool errors). */
  tool?: string
  /** Tool arguments as parsed (tool_call). */
  args?: Record<string, unknown>
  /** Tool result: the parsed JSON object, or the raw string when it is not JSON. */
  result?: unknown
  /** Milliseconds this step took (model call for thought/tool_call/final, tool run for tool_result). */
  ms: number
  /** Milliseconds since the run started, when the step was recorded. */
  atMs: number
  /** True for tool calls the orchestrator made itself to check the answer (mirrored questions). */
  byGuard?: boolean
  /** For 'check' steps: whether the check passed. */
  ok?: boolean
}

/** Callback receiving each step as soon as it is recorded. */
export type StepListener = (step: ReasoningStep) => void

/** Records steps with timing and forwards them to a listener. A throwing listener never breaks the run. */
export class StepRecorder {
  readonly steps: ReasoningStep[] = []
  private readonly t0 = performance.now()

  constructor(private readonly onStep?: StepListener) {}

  /** Milliseconds since the recorder was created. */
  elapsedMs(): number {
    return performance.now() - this.t0
  }

  /** Record a step; returns it. */
  add(step: Omit<ReasoningStep, 'index' | 'atMs' | 'ms'> & { ms?: number }): ReasoningStep {
    const full: ReasoningStep = {
      ...step,
      ms: step.ms ?? 0,
      index: this.steps.length,
      atMs: this.elapsedMs(),
    }
    this.steps.push(full)
    try {
      this.onStep?.(full)
    } catch {
      // A faulty UI listener must not stop the reasoning.
    }
    return full
  }
}

/** Parse a tool result string as JSON when it is JSON, else keep the string. */
export function parseToolResult(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return s
  }
}
