import type { ReasoningStepJson } from '../../../main/contract/reasoningSchema'
import { formatDuration } from '../format'
import { stopReasonTitle } from '../reasoningText'
import type { ReasoningRun } from '../state/useAsk'
import { PinButton } from './PinButton'
import { ReasoningStepItem } from './ReasoningStepItem'

export interface ReasoningCardProps {
  run: ReasoningRun
  onCancel(): void
  /** Opens the language-model settings (no LLM, failures, limits). */
  onOpenLlmSettings(): void
  /** With a pin toggle: the question can be pinned (asked again on every new scene). */
  isPinned?: boolean
  onTogglePin?(): void
}

/**
 * A multi-step answer: the chain of thought as it streams (thoughts, tool calls, results with
 * units, errors), then the final answer and the consistency checks; Cancel while it runs.
 */
export function ReasoningCard({
  run,
  onCancel,
  onOpenLlmSettings,
  isPinned = false,
  onTogglePin,
}: ReasoningCardProps) {
  const { result } = run
  const stopTitle = result ? stopReasonTitle(result.stopReason) : null
  const visibleSteps =
    result?.stopReason === 'no_llm'
      ? []
      : run.steps.filter((step) => isShownInList(step, result?.answer))
  return (
    <article
      className="answer reasoning"
      data-stop-reason={result?.stopReason ?? 'running'}
      aria-label="Chain of thought answer"
      aria-busy={!result}
    >
      <div className="answer-header">
        <p className="answer-question">{run.question}</p>
        {onTogglePin && <PinButton isPinned={isPinned} onToggle={onTogglePin} />}
      </div>
      {result?.llm && <p className="reasoning-model">{result.llm}</p>}
      {visibleSteps.length > 0 && (
        <ol className="reasoning-steps" aria-label="Reasoning steps">
          {visibleSteps.map((step) => (
            <ReasoningStepItem key={step.index} step={step} />
          ))}
        </ol>
      )}
      {!result && <RunningStatus run={run} onCancel={onCancel} />}
      {result && stopTitle && (
        <div className="reasoning-stopped" data-stop-reason={result.stopReason} role="status">
          <strong className="reasoning-stopped-title">{stopTitle}</strong>
          <p>{result.answer}</p>
          {result.stopReason !== 'cancelled' && (
            <button type="button" className="button" onClick={onOpenLlmSettings}>
              {result.stopReason === 'no_llm' ? 'Configure an LLM' : 'Open LLM settings'}
            </button>
          )}
        </div>
      )}
      {result && !stopTitle && <p className="answer-text reasoning-answer">{result.answer}</p>}
      {result && <ReasoningChecks checks={result.checks} />}
      {result && result.protocol !== 'template' && (
        <p className="reasoning-meta">
          {result.steps.length} steps · {formatDuration(result.totalMs)} ·{' '}
          {result.protocol === 'native' ? 'native tool calling' : 'text (ReAct) protocol'}
        </p>
      )}
    </article>
  )
}

/** While the run goes on: how far it got, and Cancel. */
function RunningStatus({ run, onCancel }: { run: ReasoningRun; onCancel(): void }) {
  return (
    <div className="reasoning-running" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>
        {run.isCancelling
          ? 'Cancelling…'
          : run.steps.length === 0
            ? 'Thinking…'
            : `Thinking… ${run.steps.length} step${run.steps.length === 1 ? '' : 's'} so far`}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={onCancel}
        disabled={run.isCancelling}
      >
        Cancel
      </button>
    </div>
  )
}

type Checks = NonNullable<ReasoningRun['result']>['checks']

/** The consistency checks of the final answer (nothing when there are none). */
function ReasoningChecks({ checks }: { checks: Checks }) {
  if (checks.length === 0) return null
  return (
    <ul className="reasoning-checks" aria-label="Consistency checks">
      {checks.map((check, index) => (
        <li key={index} data-ok={check.ok}>
          <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span>{' '}
          {check.kind === 'mirror' ? 'Mirrored question' : 'Quoted numbers'}: {check.detail}
        </li>
      ))}
    </ul>
  )
}

/**
 * Steps in the list: the final answer and the checks have their own places below it, and the
 * closing error of a stopped run is its message.
 */
function isShownInList(step: ReasoningStepJson, answer: string | undefined): boolean {
  if (step.kind === 'final' || step.kind === 'check') return false
  return !(step.kind === 'error' && answer !== undefined && step.text === answer)
}
