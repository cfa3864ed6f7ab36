import type { UnitSystem } from '../../../main/contract/settingsSchema'
import { formatAnswerValue, formatLength } from '../format'
import { stopReasonTitle } from '../reasoningText'
import { useUnits } from '../state/AppContext'
import type { PinnedQuestions, PinnedValue } from '../state/usePinnedQuestions'
import { PinIcon } from './PinButton'
import type { SourceFrameEvent } from '../../../main/contract/sourceSchema'

export interface PinnedPanelProps {
  pinned: PinnedQuestions
  /** The scene on screen: values of older scenes are shown dimmed until the new ones arrive. */
  sceneId: string | null
  /**
   * A robot source's watch readings (pinned questions evaluated per frame on the tracks, logged
   * with a rate limit by the service), or null outside a robot source.
   */
  watches?: SourceFrameEvent['watches'] | null
  /** Pinned questions the robot source could not watch, with the reason. */
  refusedWatches?: { question: string; reason: string }[]
}

/** Pinned questions with their value on the latest scene (re-asked on every new scene), and unpin. */
export function PinnedPanel({
  pinned,
  sceneId,
  watches = null,
  refusedWatches = [],
}: PinnedPanelProps) {
  const units = useUnits()
  if (pinned.questions.length === 0) return null
  const watchOf = (question: string) => watches?.find((w) => w.question === question)
  const refusalOf = (question: string) => refusedWatches.find((r) => r.question === question)
  return (
    <section className="panel-section pinned" aria-labelledby="pinned-heading">
      <header className="section-header">
        <h2 id="pinned-heading">Pinned</h2>
        <span className="section-count">
          {watches ? 'watched on every frame (tracks)' : 're-asked on every new scene'}
        </span>
      </header>
      <ul className="pinned-list">
        {pinned.questions.map((question) => {
          const value = pinned.values[question]
          const isFresh = value !== undefined && value.sceneId === sceneId
          if (watches) {
            const reading = watchOf(question)
            const refusal = refusalOf(question)
            return (
              <li
                key={question}
                className="pinned-item"
                data-question={question}
                data-watch={reading ? (reading.isAlerting ? 'alert' : 'value') : 'none'}
              >
                <div className="pinned-text">
                  <span className="pinned-question">{question}</span>
                  <span className="pinned-value" aria-live="polite" title={reading?.text}>
                    {refusal
                      ? `not a watch: ${refusal.reason}`
                      : !reading
                        ? '…'
                        : reading.valueM === null
                          ? reading.text
                          : `${formatLength(reading.valueM, units)}${reading.isAlerting ? ' — ALERT' : ''}`}
                  </span>
                </div>
                <button
                  type="button"
                  className="unpin-button"
                  aria-label={`Unpin "${question}"`}
                  title="Unpin"
                  onClick={() => pinned.unpin(question)}
                >
                  <PinIcon />
                </button>
              </li>
            )
          }
          return (
            <li
              key={question}
              className="pinned-item"
              data-question={question}
              data-fresh={isFresh}
              data-source={value?.sourceName ?? ''}
              data-scene-id={value?.sceneId ?? ''}
            >
              <div className="pinned-text">
                <span className="pinned-question">{question}</span>
                <span className="pinned-value" aria-live="polite" title={value?.result?.answer}>
                  {describeValue(value, units)}
                </span>
                {value && <span className="pinned-source">{value.sourceName}</span>}
              </div>
              <button
                type="button"
                className="unpin-button"
                aria-label={`Unpin "${question}"`}
                title="Unpin"
                onClick={() => pinned.unpin(question)}
              >
                <PinIcon />
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function describeValue(value: PinnedValue | undefined, units: UnitSystem): string {
  if (!value) return '…'
  if (value.error) return value.error
  if (!value.result) return '—'
  const { templateAnswer, stopReason, answer } = value.result
  // Answers without a value (an object not in this scene) read best as their first sentence.
  if (templateAnswer)
    return formatAnswerValue(templateAnswer, units) ?? firstSentence(templateAnswer.text)
  const stopTitle = stopReasonTitle(stopReason)
  return stopTitle ? `${stopTitle}: ${firstSentence(answer)}` : firstSentence(answer)
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/)
  return end > 0 ? text.slice(0, end + 1) : text
}
