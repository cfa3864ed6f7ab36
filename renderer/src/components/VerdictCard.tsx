import type { VerificationJson } from '../../../main/contract/verifySchema'
import { formatVerdict, voterName } from '../verdictText'

/**
 * A verified statement, drawn like an answer card: the verdict with its confidence, the sentence, then each
 * voter's vote with its weight and reason (weights are SpatialEnsemble's: validation accuracy per relation,
 * renormalised over the voters that voted), and where the weights came from.
 */
export function VerdictCard({ verification }: { verification: VerificationJson }) {
  const { parsed } = verification
  return (
    <article
      className="answer verdict"
      data-kind="verdict"
      data-verdict={verification.verdict}
      aria-live="polite"
    >
      <div className="answer-header">
        <p className="answer-question">Verify: {verification.statement}</p>
      </div>
      <p className="answer-value verdict-value">
        {formatVerdict(verification.verdict, verification.confidence)}
      </p>
      <p className="answer-text">{verification.text}</p>
      <table className="data-table verdict-votes" aria-label="Votes">
        <thead>
          <tr>
            <th scope="col">Voter</th>
            <th scope="col">Vote</th>
            <th scope="col" className="numeric">
              Weight
            </th>
          </tr>
        </thead>
        <tbody>
          {verification.votes.map((vote) => (
            <tr key={vote.voterId} data-voter={vote.voterId} data-vote={vote.verdict}>
              <td title={`validation accuracy ${Math.round(vote.accuracy * 100)} %`}>
                {voterName(vote.voterId)}
              </td>
              <td>
                <span className="verdict-vote">{formatVerdict(vote.verdict, vote.confidence)}</span>
                <span className="verdict-reason">{vote.reason}</span>
              </td>
              <td className="numeric verdict-weight">
                {vote.verdict === 'abstain' ? '—' : `${Math.round(vote.weight * 100)} %`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="answer-provenance">
        <dt>Relation</dt>
        <dd>
          {parsed.isNegated ? 'not ' : ''}
          {parsed.relation} ({parsed.metaCategory})
        </dd>
        <dt>Method</dt>
        <dd className="answer-method">{verification.provenance.method}</dd>
        <dt>Weights</dt>
        <dd>{verification.weightsFrom}</dd>
      </dl>
    </article>
  )
}
