import type { AnswerJson } from '../../../main/contract/answerSchema'
import { formatAnswerValue, formatCount } from '../format'
import { useUnits } from '../state/AppContext'

/** One answer: the sentence, the value with its unit (display units), and where it came from. */
export function AnswerCard({ answer }: { answer: AnswerJson }) {
  const value = formatAnswerValue(answer, useUnits())
  const { provenance } = answer
  const pointCounts = Object.entries(provenance.pointCounts)
  return (
    <article className="answer" data-kind={answer.kind} aria-live="polite">
      <p className="answer-question">{answer.question}</p>
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
