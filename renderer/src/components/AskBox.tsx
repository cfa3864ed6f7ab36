import { useRef, type FormEvent, type KeyboardEvent, type RefObject } from 'react'
import type { AskState } from '../state/useAsk'
import { useShortcut } from '../state/useShortcut'
import type { VerifyState } from '../state/useVerify'
import { isStatement } from '../statementText'
import { examplesFor } from './askExamples'
import { AskResult } from './AskResult'
import { useQuestionRecall } from './useQuestionRecall'

/** Which card the box shows: the latest question's answer, or the latest statement's verdict. */
export type AskBoxShown = 'answer' | 'verdict'

export interface AskBoxProps {
  objectNames: string[]
  asker: AskState
  /** Statements ("the mug is left of the laptop") go to SpatialEnsemble instead of the question path. */
  verifier: VerifyState
  shown: AskBoxShown
  onShownChange(shown: AskBoxShown): void
  isEnabled: boolean
  /** Pinning: questions asked again on every new scene (see PinnedPanel). */
  isPinned?(question: string): boolean
  onTogglePin?(question: string): void
}

/**
 * The question box (↑/↓ recall earlier questions, "/" focuses it) and the latest answer: the
 * engine's answer card for template questions, the chain of thought for multi-step ones (or what
 * to configure for them), each with a Pin toggle. A statement instead of a question ("the mug is
 * left of the laptop") is verified: the button reads Verify, and the card shows the verdict.
 */
export function AskBox(props: AskBoxProps) {
  const { objectNames, asker, verifier, onShownChange, isEnabled } = props
  const isAsking = asker.isAsking || verifier.pending !== null
  const { question, setQuestion, hasHistory, record, recall, type } = useQuestionRecall()
  const input = useRef<HTMLInputElement>(null)
  useShortcut('focus-ask', isEnabled ? () => input.current?.focus() : null)

  const ask = (text: string) => {
    record(text)
    if (isStatement(text)) {
      onShownChange('verdict')
      void verifier.verify(text)
    } else {
      onShownChange('answer')
      void asker.ask(text)
    }
  }
  const isVerify = isStatement(question)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (question.trim()) ask(question)
  }
  const pick = (example: string) => {
    setQuestion(example)
    ask(example)
  }
  return (
    <section className="panel-section ask" aria-labelledby="ask-heading">
      <header className="section-header">
        <h2 id="ask-heading">Ask</h2>
        {hasHistory && <span className="section-count">↑ earlier questions</span>}
      </header>
      <QuestionForm
        inputRef={input}
        question={question}
        isEnabled={isEnabled}
        isAsking={isAsking}
        onSubmit={submit}
        onKeyDown={recall}
        onType={type}
      />
      {isVerify && (
        <p className="ask-mode-hint">
          A statement: SpatialEnsemble will check whether it is true in this scene.
        </p>
      )}
      {isEnabled && !asker.run && !verifier.verification && (
        <ExampleQuestions examples={examplesFor(objectNames)} onPick={pick} />
      )}
      <AskResult {...props} />
    </section>
  )
}

function ExampleQuestions(props: { examples: string[]; onPick(example: string): void }) {
  return (
    <ul className="examples" aria-label="Example questions">
      {props.examples.map((example) => (
        <li key={example}>
          <button type="button" className="example" onClick={() => props.onPick(example)}>
            {example}
          </button>
        </li>
      ))}
    </ul>
  )
}

/** The question input and its button (Ask, or Verify for a statement). */
function QuestionForm(props: {
  inputRef: RefObject<HTMLInputElement | null>
  question: string
  isEnabled: boolean
  isAsking: boolean
  onSubmit(event: FormEvent): void
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void
  onType(text: string): void
}) {
  const { isEnabled, isAsking } = props
  const isVerify = isStatement(props.question)
  return (
    <form className="ask-form" onSubmit={props.onSubmit}>
      <input
        ref={props.inputRef}
        name="question"
        aria-label="Question"
        placeholder={
          isEnabled
            ? 'e.g. how far is the … from the …, or: the … is left of the …'
            : 'Load a scene first'
        }
        value={props.question}
        maxLength={500}
        disabled={!isEnabled}
        autoComplete="off"
        onKeyDown={props.onKeyDown}
        onChange={(event) => props.onType(event.target.value)}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={!isEnabled || isAsking || !props.question.trim()}
      >
        {isAsking ? (isVerify ? 'Verifying…' : 'Asking…') : isVerify ? 'Verify' : 'Ask'}
      </button>
    </form>
  )
}
