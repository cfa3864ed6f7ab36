import { useState, type KeyboardEvent } from 'react'
import { browserStorage } from '../state/perceptionSettingsStorage'
import { addToHistory, loadHistory, moveRecallCursor, saveHistory } from '../state/questionHistory'

/**
 * The question input's text and its history, kept in this browser: ↑/↓ recall earlier questions
 * (the text being typed comes back below the newest); `record` adds an asked one.
 */
export function useQuestionRecall() {
  const [question, setQuestion] = useState('')
  const [history, setHistory] = useState(() => loadHistory(browserStorage()))
  /** history.length: the text being typed; below it, a recalled question. */
  const [cursor, setCursor] = useState<number | null>(null)
  const [draft, setDraft] = useState('')

  const record = (text: string) => {
    const next = addToHistory(history, text)
    setHistory(next)
    saveHistory(browserStorage(), next)
    setCursor(null)
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
  /** The user typed: the text is theirs again, not a recalled one. */
  const type = (text: string) => {
    setQuestion(text)
    setCursor(null)
  }
  return { question, setQuestion, hasHistory: history.length > 0, record, recall, type }
}
