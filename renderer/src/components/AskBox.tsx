import { useState, type FormEvent } from 'react'
import { usePopovers } from '../state/AppContext'
import type { AskState } from '../state/useAsk'
import { AnswerCard } from './AnswerCard'
import { ReasoningCard } from './ReasoningCard'

export interface AskBoxProps {
  objectNames: string[]
  asker: AskState
  isEnabled: boolean
}

/** Example questions built from the scene's own names, so a first question always works. */
function examplesFor(names: string[]): string[] {
  if (names.length === 0) return []
  const [a, b] = names
  const examples = [`how tall is the ${a}`]
  if (b)
    examples.unshift(
      `how far is the ${a} from the ${b}`,
      `which is bigger, the ${a} or the ${b}`,
      `is the ${a} left of the ${b}`,
    )
  return examples
}

/**
 * The question box and the latest answer: the engine's answer card for template questions, the
 * chain of thought for multi-step ones (or what to configure for them).
 */
export function AskBox({ objectNames, asker, isEnabled }: AskBoxProps) {
  const { answer, run, isAsking } = asker
  const onAsk = (text: string) => void asker.ask(text)
  const { open } = usePopovers()
  const [question, setQuestion] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (question.trim()) onAsk(question)
  }
  const pick = (example: string) => {
    setQuestion(example)
    onAsk(example)
  }
  return (
    <section className="panel-section ask" aria-labelledby="ask-heading">
      <header className="section-header">
        <h2 id="ask-heading">Ask</h2>
      </header>
      <form className="ask-form" onSubmit={submit}>
        <input
          name="question"
          aria-label="Question"
          placeholder={isEnabled ? 'e.g. how far is the … from the …' : 'Load a scene first'}
          value={question}
          maxLength={500}
          disabled={!isEnabled}
          onChange={(event) => setQuestion(event.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={!isEnabled || isAsking || !question.trim()}
        >
          {isAsking ? 'Asking…' : 'Ask'}
        </button>
      </form>
      {isEnabled && !run && (
        <ul className="examples" aria-label="Example questions">
          {examplesFor(objectNames).map((example) => (
            <li key={example}>
              <button type="button" className="example" onClick={() => pick(example)}>
                {example}
              </button>
            </li>
          ))}
        </ul>
      )}
      {answer ? (
        <AnswerCard answer={answer} />
      ) : (
        run && (
          <ReasoningCard
            run={run}
            onCancel={asker.cancel}
            onOpenLlmSettings={() => open('settings', 'llm')}
          />
        )
      )}
    </section>
  )
}
