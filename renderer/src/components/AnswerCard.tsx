import type { AnswerJson } from '../../../main/contract/answerSchema'
import { formatAnswerValue, formatCount } from '../format'

export interface AnswerCardProps {
  answer: AnswerJson
  /** With a pin toggle: the question can be pinned (asked again on every new scene). */
  isPinned?: boolean
  onTogglePin?(): void
}

/** One answer: the sentence, the value with its unit, and where the number came from. */
export function AnswerCard({ answer, isPinned = false, onTogglePin }: AnswerCardProps) {
  const value = formatAnswerValue(answer)
  const { provenance } = answer
  const pointCounts = Object.entries(provenance.pointCounts)
  return (
    <article className="answer" data-kind={answer.kind} aria-live="polite">
      <div className="answer-header">
        <p className="answer-question">{answer.question}</p>
        {onTogglePin && (
          <button
            type="button"
            className="pin-button"
            aria-pressed={isPinned}
            title={
              isPinned
                ? 'Unpin: stop asking it on new scenes'
                : 'Pin: ask it again on every new scene'
            }
            onClick={onTogglePin}
          >
            <PinIcon />
            {isPinned ? 'Pinned' : 'Pin'}
          </button>
        )}
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

export function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="pin-icon">
      <path
        d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7V14L8 15l-.7-1V9.5H4V8l2.6-2.3z"
        fill="currentColor"
      />
    </svg>
  )
}
