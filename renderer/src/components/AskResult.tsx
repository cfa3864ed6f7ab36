import { usePopovers } from '../state/AppContext'
import type { AskState } from '../state/useAsk'
import type { VerifyState } from '../state/useVerify'
import { AnswerCard } from './AnswerCard'
import type { AskBoxShown } from './AskBox'
import { ReasoningCard } from './ReasoningCard'
import { VerdictCard } from './VerdictCard'

export interface AskResultProps {
  asker: AskState
  verifier: VerifyState
  shown: AskBoxShown
  isPinned?(question: string): boolean
  onTogglePin?(question: string): void
}

/**
 * The latest result under the question box: the statement's verdict (or that it is being
 * verified), else the engine's answer card or the chain of thought, each with a Pin toggle.
 */
export function AskResult({ asker, verifier, shown, isPinned, onTogglePin }: AskResultProps) {
  const { open } = usePopovers()
  const { answer, run } = asker
  const pinToggle = (asked: string) => onTogglePin && (() => onTogglePin(asked))
  if (shown === 'verdict') {
    if (verifier.verification) return <VerdictCard verification={verifier.verification} />
    return (
      verifier.pending && (
        <p className="ask-mode-hint" role="status">
          Verifying “{verifier.pending}”…
        </p>
      )
    )
  }
  if (answer)
    return (
      <AnswerCard
        answer={answer}
        isPinned={isPinned?.(answer.question)}
        onTogglePin={pinToggle(answer.question)}
      />
    )
  return (
    run && (
      <ReasoningCard
        run={run}
        onCancel={asker.cancel}
        onOpenLlmSettings={() => open('settings', 'llm')}
        isPinned={isPinned?.(run.question)}
        onTogglePin={pinToggle(run.question)}
      />
    )
  )
}
