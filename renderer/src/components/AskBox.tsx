import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { usePopovers } from '../state/AppContext'
import { browserStorage } from '../state/perceptionSettingsStorage'
import { addToHistory, loadHistory, moveRecallCursor, saveHistory } from '../state/questionHistory'
import type { AskState } from '../state/useAsk'
import { useShortcut } from '../state/useShortcut'
import type { VerifyState } from '../state/useVerify'
import { isStatement } from '../statementText'
import { AnswerCard } from './AnswerCard'
import { ReasoningCard } from './ReasoningCard'
import { VerdictCard } from './VerdictCard'

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
      `the ${a} is left of the ${b}`,
    )
  return examples
}

/**
 * The question box (↑/↓ recall earlier questions, "/" focuses it) and the latest answer: the
 * engine's answer card for template questions, the chain of thought for multi-step ones (or what
 * to configure for them), each with a Pin toggle. A statement instead of a question ("the mug is
 * left of the laptop") is verified: the button reads Verify, and the card shows the verdict.
 */
export function AskBox(props: AskBoxProps) {
  const { objectNames, asker, verifier, shown, onShownChange, isEnabled } = props
  const { isPinned, onTogglePin } = props
  const { answer, run } = asker
  const isAsking = asker.isAsking || verifier.pending !== null
  const { open } = usePopovers()
  const [question, setQuestion] = useState('')
  const [history, setHistory] = useState(() => loadHistory(browserStorage()))
  /** history.length: the text being typed; below it, a recalled question. */
  const [cursor, setCursor] = useState<number | null>(null)
  const [draft, setDraft] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useShortcut('focus-ask', isEnabled ? () => input.current?.focus() : null)

  const ask = (text: string) => {
    const next = addToHistory(history, text)
    setHistory(next)
    saveHistory(browserStorage(), next)
    setCursor(null)
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
  const recall = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    if (history.length === 0) return
    event.preventDefault()
    const from = cursor ?? history.length
    const to = moveRecallCursor(history, from, event.key === 'ArrowUp' ? -1 : 1)
    if (from === history.length) setDraft(question)
    setCursor(to)
    setQuestion(to === history.length ? draft : history[to])
  }
  const pinToggle = (asked: string) => onTogglePin && (() => onTogglePin(asked))
  return (
    <section className="panel-section ask" aria-labelledby="ask-heading">
      <header className="section-header">
        <h2 id="ask-heading">Ask</h2>
        {history.length > 0 && <span className="section-count">↑ earlier questions</span>}
      </header>
      <form className="ask-form" onSubmit={submit}>
        <input
          ref={input}
          name="question"
          aria-label="Question"
          placeholder={
            isEnabled
              ? 'e.g. how far is the … from the …, or: the … is left of the …'
              : 'Load a scene first'
          }
          value={question}
          maxLength={500}
          disabled={!isEnabled}
          autoComplete="off"
          onKeyDown={recall}
          onChange={(event) => {
            setQuestion(event.target.value)
            setCursor(null)
          }}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={!isEnabled || isAsking || !question.trim()}
        >
          {isAsking ? (isVerify ? 'Verifying…' : 'Asking…') : isVerify ? 'Verify' : 'Ask'}
        </button>
      </form>
      {isVerify && (
        <p className="ask-mode-hint">
          A statement: SpatialEnsemble will check whether it is true in this scene.
        </p>
      )}
      {isEnabled && !run && !verifier.verification && (
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
      {shown === 'verdict' ? (
        verifier.verification ? (
          <VerdictCard verification={verifier.verification} />
        ) : (
          verifier.pending && (
            <p className="ask-mode-hint" role="status">
              Verifying “{verifier.pending}”…
            </p>
          )
        )
      ) : answer ? (
        <AnswerCard
          answer={answer}
          isPinned={isPinned?.(answer.question)}
          onTogglePin={pinToggle(answer.question)}
        />
      ) : (
        run && (
          <ReasoningCard
            run={run}
            onCancel={asker.cancel}
            onOpenLlmSettings={() => open('settings', 'llm')}
            isPinned={isPinned?.(run.question)}
            onTogglePin={pinToggle(run.question)}
          />
        )
      )}
    </section>
  )
}
