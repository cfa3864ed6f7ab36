import { useEffect, useState, type FormEvent } from 'react'
import type { SpatialClient } from '../client/SpatialClient'
import { useRecordingList } from '../state/useRecordingList'
import { RecordingFields } from './RecordingFields'

export type SourceKind = 'mcap' | 'rosbridge'

/** The first step of "Robot source…": which recording to open, or which rosbridge to connect to. */
export function OpenSourceForm(props: {
  kind: SourceKind
  client: SpatialClient
  busy: boolean
  onOpen(target: string): void
  onCancel(): void
}) {
  const { client, kind } = props
  const [target, setTarget] = useState('')
  const recordings = useRecordingList(client, kind === 'mcap')
  const firstRecording = recordings.files[0]?.path
  useEffect(() => {
    if (firstRecording) setTarget((current) => current || firstRecording)
  }, [firstRecording])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (target.trim()) props.onOpen(target.trim())
  }
  return (
    <form
      className="robot-open"
      aria-label={kind === 'mcap' ? 'Open recording' : 'Connect to rosbridge'}
      onSubmit={submit}
    >
      {kind === 'mcap' ? (
        <RecordingFields recordings={recordings} target={target} onTarget={setTarget} />
      ) : (
        <RosbridgeField target={target} onTarget={setTarget} />
      )}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {kind === 'mcap' ? 'Open' : 'Connect'}
        </button>
      </div>
    </form>
  )
}

function RosbridgeField(props: { target: string; onTarget(target: string): void }) {
  return (
    <label className="field">
      <span>rosbridge URL (ws:// or wss://)</span>
      <input
        className="text-input"
        name="url"
        value={props.target}
        onChange={(e) => props.onTarget(e.target.value)}
        placeholder="ws://robot:9090"
        pattern="wss?://.+"
      />
      <small className="field-hint">
        On the robot: ros2 launch rosbridge_server rosbridge_websocket_launch.xml
      </small>
    </label>
  )
}
