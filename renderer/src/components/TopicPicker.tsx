import { useState, type FormEvent, type ReactNode } from 'react'
import type { SourceTopic, SourceTopicChoice } from '../../../main/contract/sourceSchema'
import type { WatchLogging } from '../state/useRobotSource'
import { TopicTable } from './TopicTable'

export interface TopicPickerProps {
  topics: SourceTopic[]
  guess: Partial<SourceTopicChoice>
  description: string
  /** TF frame ids offered as fixed frames (typing another is allowed). */
  tfFrames: string[]
  onStart(choice: SourceTopicChoice, logging: WatchLogging): void
  onCancel(): void
}

/** The second step of "Robot source…": colour, depth and camera-info topics, fixed frame, logging. */
export function TopicPicker(props: TopicPickerProps) {
  const { topics, guess } = props
  const [color, setColor] = useState(guess.colorTopic ?? '')
  const [depth, setDepth] = useState(guess.depthTopic ?? '')
  const [info, setInfo] = useState(guess.cameraInfoTopic ?? '')
  const images = topics.filter((t) => t.role === 'color' || t.role === 'depth')
  const infos = topics.filter((t) => t.role === 'cameraInfo')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!color) return
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const number = (name: string) => Math.max(0, Number(data.get(name)) || 0)
    const fixed = String(data.get('fixedFrame') ?? '').trim()
    props.onStart(
      {
        colorTopic: color,
        ...(depth ? { depthTopic: depth } : {}),
        ...(info ? { cameraInfoTopic: info } : {}),
        ...(fixed ? { fixedFrame: fixed } : {}),
      },
      { minChangeCm: number('minChangeCm'), minIntervalS: number('minIntervalS') },
    )
  }
  return (
    <form className="topic-picker" aria-label="Topics" onSubmit={submit}>
      <p className="popover-note">{props.description}</p>
      <TopicTable topics={topics} />
      <TopicSelect name="colorTopic" label="Colour" value={color} onChange={setColor} required>
        <option value="">(choose)</option>
        <TopicOptions list={images} />
      </TopicSelect>
      <TopicSelect
        name="depthTopic"
        label="Depth (image or PointCloud2; none: depth model)"
        value={depth}
        onChange={setDepth}
      >
        <option value="">(none)</option>
        <TopicOptions list={images} />
      </TopicSelect>
      <TopicSelect name="cameraInfoTopic" label="Camera info" value={info} onChange={setInfo}>
        <option value="">(next to the colour topic)</option>
        <TopicOptions list={infos} />
      </TopicSelect>
      <FixedFrameField tfFrames={props.tfFrames} />
      <WatchLoggingFields />
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          Close source
        </button>
        <button type="submit" className="button button-primary">
          Start
        </button>
      </div>
    </form>
  )
}

function TopicSelect(props: {
  name: string
  label: string
  value: string
  onChange(value: string): void
  required?: boolean
  children: ReactNode
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
      >
        {props.children}
      </select>
    </label>
  )
}

function TopicOptions({ list }: { list: SourceTopic[] }) {
  return list.map((t) => (
    <option key={t.name} value={t.name}>
      {t.name}
    </option>
  ))
}

/** Free text with the source's TF frames as suggestions (the recording's static TF, known at open). */
function FixedFrameField({ tfFrames }: { tfFrames: string[] }) {
  const [fixed, setFixed] = useState('')
  return (
    <label className="field">
      <span>Fixed frame (TF; empty: the scene's own gravity-aligned frame)</span>
      <input
        className="text-input"
        name="fixedFrame"
        list="tf-frame-ids"
        value={fixed}
        onChange={(e) => setFixed(e.target.value)}
        placeholder={tfFrames.length > 0 ? tfFrames.slice(0, 3).join(', ') : 'map, odom, base_link'}
      />
      <datalist id="tf-frame-ids">
        {tfFrames.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </label>
  )
}

function WatchLoggingFields() {
  return (
    <fieldset className="field watch-logging">
      <legend>Pinned questions are watched on every frame; log a row when the value moves</legend>
      <label>
        ≥ <input type="number" name="minChangeCm" min="0" step="any" defaultValue="0.5" /> cm
      </label>
      <label>
        or every <input type="number" name="minIntervalS" min="0" step="any" defaultValue="0" /> s
        (0: on change only)
      </label>
    </fieldset>
  )
}
