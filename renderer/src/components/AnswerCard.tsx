import type { AnswerJson } from '../../../main/contract/answerSchema'
import { formatAnswerValue, formatCount } from '../format'
import { useUnits } from '../state/AppContext'
import { PinButton } from './PinButton'

export interface AnswerCardProps {
  answer: AnswerJson
  /** With a pin toggle: the question can be pinned (asked again on every new scene). */
  isPinned?: boolean
  onTogglePin?(): void
}

/** One answer: the sentence, the value with its unit (display units), and where it came from. */
export function AnswerCard({ answer, isPinned = false, onTogglePin }: AnswerCardProps) {
  const value = formatAnswerValue(answer, useUnits())
  const { provenance } = answer
  const pointCounts = Object.entries(provenance.pointCounts)
  return (
    <article className="answer" data-kind={answer.kind} aria-live="polite">
      <div className="answer-header">
        <p className="answer-question">{answer.question}</p>
        {onTogglePin && <PinButton isPinned={isPinned} onToggle={onTogglePin} />}
      </div>
      {value !== null && <p className="answer-value">{value}</p>}
      <p className="answer-text">{answer.text}</p>
      <dl className="answer-provenance">
        <dt>Method</dt>
        <dd className="answer-method">{provenance.method}</dd>
        <dt>Depth</dt>
        <dd>
          {provenance.depthSource},{' '}
          {provenance.frameKind === 'support-plane'
            ? 'support-plane frame'
            : 'camera frame (no plane)'}
        </dd>
        {pointCounts.length > 0 && (
          <>
            <dt>Points</dt>
            <dd>
              {pointCounts.map(([name, count]) => `${name}: ${formatCount(count)}`).join(' · ')}
            </dd>
          </>
        )}
      </dl>
    </article>
  )
}
