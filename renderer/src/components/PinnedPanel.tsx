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
  if (pinned.questions.length === 0) return null
  return (
    <section className="panel-section pinned" aria-labelledby="pinned-heading">
      <header className="section-header">
        <h2 id="pinned-heading">Pinned</h2>
        <span className="section-count">
          {watches ? 'watched on every frame (tracks)' : 're-asked on every new scene'}
        </span>
      </header>
      <ul className="pinned-list">
        {pinned.questions.map((question) =>
          watches ? (
            <WatchedItem
              key={question}
              question={question}
              reading={watches.find((w) => w.question === question)}
              refusal={refusedWatches.find((r) => r.question === question)}
              onUnpin={pinned.unpin}
            />
          ) : (
            <AskedItem
              key={question}
              question={question}
              value={pinned.values[question]}
              isFresh={isFresh(pinned.values[question], sceneId)}
              onUnpin={pinned.unpin}
            />
          ),
        )}
      </ul>
    </section>
  )
}

type WatchReading = SourceFrameEvent['watches'][number]

/** A pinned question watched on a robot source: its reading on the frame shown, or why it is not a watch. */
function WatchedItem(props: {
  question: string
  reading: WatchReading | undefined
  refusal: { reason: string } | undefined
  onUnpin(question: string): void
}) {
  const units = useUnits()
  const { question, reading, refusal } = props
  return (
    <li
      className="pinned-item"
      data-question={question}
      data-watch={reading ? (reading.isAlerting ? 'alert' : 'value') : 'none'}
    >
      <div className="pinned-text">
        <span className="pinned-question">{question}</span>
        <span className="pinned-value" aria-live="polite" title={reading?.text}>
          {refusal ? `not a watch: ${refusal.reason}` : describeReading(reading, units)}
        </span>
      </div>
      <UnpinButton question={question} onUnpin={props.onUnpin} />
    </li>
  )
}

/** A pinned question re-asked on every new scene, with its latest value (dimmed while stale). */
function AskedItem(props: {
  question: string
  value: PinnedValue | undefined
  isFresh: boolean
  onUnpin(question: string): void
}) {
  const units = useUnits()
  const { question, value } = props
  return (
    <li
      className="pinned-item"
      data-question={question}
      data-fresh={props.isFresh}
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
      <UnpinButton question={question} onUnpin={props.onUnpin} />
    </li>
  )
}

function isFresh(value: PinnedValue | undefined, sceneId: string | null): boolean {
  return value !== undefined && value.sceneId === sceneId
}

function UnpinButton(props: { question: string; onUnpin(question: string): void }) {
  return (
    <button
      type="button"
      className="unpin-button"
      aria-label={`Unpin "${props.question}"`}
      title="Unpin"
      onClick={() => props.onUnpin(props.question)}
    >
      <PinIcon />
    </button>
  )
}

function describeReading(reading: WatchReading | undefined, units: UnitSystem): string {
  if (!reading) return '…'
  if (reading.valueM === null) return reading.text
  return `${formatLength(reading.valueM, units)}${reading.isAlerting ? ' — ALERT' : ''}`
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
