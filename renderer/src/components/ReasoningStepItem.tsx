import type { ReasoningStepJson } from '../../../main/contract/reasoningSchema'
import { formatDuration } from '../format'
import { describeArgs, describeToolResult } from '../reasoningText'
import { useUnits } from '../state/AppContext'

const KIND_LABELS: Record<ReasoningStepJson['kind'], string> = {
  thought: 'Thought',
  tool_call: 'Tool call',
  tool_result: 'Result',
  final: 'Answer',
  error: 'Error',
  check: 'Check',
}

/** One step of the chain of thought; numbers from the tools in the user's units. */
export function ReasoningStepItem({ step }: { step: ReasoningStepJson }) {
  const units = useUnits()
  return (
    <li className="reasoning-step" data-kind={step.kind} data-tool={step.tool}>
      <span className="reasoning-step-kind">
        {KIND_LABELS[step.kind]}
        {step.byGuard && ' (check)'}
      </span>
      <div className="reasoning-step-body">
        <StepBody step={step} units={units} />
      </div>
      {step.ms >= 1 && <span className="reasoning-step-ms">{formatDuration(step.ms)}</span>}
    </li>
  )
}

function StepBody({
  step,
  units,
}: {
  step: ReasoningStepJson
  units: ReturnType<typeof useUnits>
}) {
  if (step.kind === 'tool_call')
    return (
      <code className="reasoning-call">
        {step.tool}({describeArgs(step.args, units)})
      </code>
    )
  if (step.kind === 'tool_result') {
    const described = describeToolResult(step.result, units)
    if (typeof described === 'string') return <p>{described}</p>
    return (
      <dl className="reasoning-result">
        {described.map((field, index) => (
          <div key={index} className="reasoning-result-field">
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
    )
  }
  return <p>{step.text}</p>
}
