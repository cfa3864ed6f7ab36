import { useEffect, useState, type FormEvent } from 'react'
import type { SourceTopic, SourceTopicChoice } from '../../../main/contract/sourceSchema'
import type { SpatialClient } from '../client/SpatialClient'
import type { RobotSource, WatchLogging } from '../state/useRobotSource'

export interface RobotSourceDialogProps {
  client: SpatialClient
  robot: RobotSource
  onClose(): void
  /** The topics were chosen: frames start. */
  onStart(choice: SourceTopicChoice, logging: WatchLogging): void
}

type Kind = 'mcap' | 'rosbridge'

/**
 * "Robot source…": open an MCAP recording (a file the service may open: under `serve --recordings`
 * on a server, any path in the desktop app) or a live ROS 2 graph through rosbridge, then pick the
 * colour, depth and camera-info topics (guessed from types and names) and the TF fixed frame.
 */
export function RobotSourceDialog({ client, robot, onClose, onStart }: RobotSourceDialogProps) {
  const [kind, setKind] = useState<Kind>('mcap')
  const [busy, setBusy] = useState(false)
  const session = robot.session
  return (
    <div className="popover robot-source" role="dialog" aria-label="Robot source">
      <h2>Robot source</h2>
      {!session ? (
        <>
          <div className="robot-kinds" role="tablist" aria-label="Source kind">
            {(['mcap', 'rosbridge'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={kind === k}
                className="button button-quiet"
                onClick={() => setKind(k)}
              >
                {k === 'mcap' ? 'Recording (MCAP)' : 'Live ROS 2 (rosbridge)'}
              </button>
            ))}
          </div>
          <OpenForm
            kind={kind}
            client={client}
            busy={busy}
            onCancel={onClose}
            onOpen={async (target) => {
              setBusy(true)
              const ok = await robot.open(
                kind === 'mcap' ? { kind, path: target } : { kind, url: target },
              )
              setBusy(false)
              if (!ok) onClose()
            }}
          />
        </>
      ) : (
        <TopicPicker
          key={session.sessionId}
          topics={session.topics}
          guess={session.guess}
          description={session.description}
          tfFrames={robot.shown?.tfFrames.map((f) => f.frameId) ?? session.tfFrames}
          onCancel={() => {
            robot.close()
            onClose()
          }}
          onStart={onStart}
        />
      )}
    </div>
  )
}

function OpenForm(props: {
  kind: Kind
  client: SpatialClient
  busy: boolean
  onOpen(target: string): void
  onCancel(): void
}) {
  const [files, setFiles] = useState<{ path: string; name: string }[]>([])
  const [anyPath, setAnyPath] = useState(true)
  const [directory, setDirectory] = useState<string | null>(null)
  const [target, setTarget] = useState('')
  const { client, kind } = props
  useEffect(() => {
    if (kind !== 'mcap') return
    let isCurrent = true
    client
      .invoke('source:recordings', {})
      .then((reply) => {
        if (!isCurrent) return
        setFiles(reply.files)
        setAnyPath(reply.isAnyPathAllowed)
        setDirectory(reply.directory)
        if (reply.files[0]) setTarget((current) => current || reply.files[0].path)
      })
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [client, kind])
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
        <>
          {files.length > 0 && (
            <label className="field">
              <span>Recordings{directory ? ` in ${directory}` : ''}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                {files.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>Recording path (.mcap on the service's machine)</span>
            <input
              className="text-input"
              name="path"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              placeholder="/data/run.mcap"
            />
            {!anyPath && !directory && (
              <small className="field-hint field-hint-warning">
                This server opens no recordings: start it with `spatial-lens serve --recordings
                DIR`.
              </small>
            )}
          </label>
        </>
      ) : (
        <label className="field">
          <span>rosbridge URL (ws:// or wss://)</span>
          <input
            className="text-input"
            name="url"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="ws://robot:9090"
            pattern="wss?://.+"
          />
          <small className="field-hint">
            On the robot: ros2 launch rosbridge_server rosbridge_websocket_launch.xml
          </small>
        </label>
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

const ROLE_TEXT: Record<SourceTopic['role'], string> = {
  color: 'colour',
  depth: 'depth',
  cameraInfo: 'camera info',
  tf: 'TF',
  other: '',
}

function TopicPicker(props: {
  topics: SourceTopic[]
  guess: Partial<SourceTopicChoice>
  description: string
  tfFrames: string[]
  onStart(choice: SourceTopicChoice, logging: WatchLogging): void
  onCancel(): void
}) {
  const { topics, guess } = props
  const [color, setColor] = useState(guess.colorTopic ?? '')
  const [depth, setDepth] = useState(guess.depthTopic ?? '')
  const [info, setInfo] = useState(guess.cameraInfoTopic ?? '')
  const [fixed, setFixed] = useState('')
  const images = topics.filter((t) => t.role === 'color' || t.role === 'depth')
  const infos = topics.filter((t) => t.role === 'cameraInfo')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!color) return
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const number = (name: string) => Math.max(0, Number(data.get(name)) || 0)
    props.onStart(
      {
        colorTopic: color,
        ...(depth ? { depthTopic: depth } : {}),
        ...(info ? { cameraInfoTopic: info } : {}),
        ...(fixed.trim() ? { fixedFrame: fixed.trim() } : {}),
      },
      { minChangeCm: number('minChangeCm'), minIntervalS: number('minIntervalS') },
    )
  }
  const options = (list: SourceTopic[]) =>
    list.map((t) => (
      <option key={t.name} value={t.name}>
        {t.name}
      </option>
    ))
  return (
    <form className="topic-picker" aria-label="Topics" onSubmit={submit}>
      <p className="popover-note">{props.description}</p>
      <table className="topic-table">
        <thead>
          <tr>
            <th>Topic</th>
            <th>Type</th>
            <th>Msgs</th>
            <th>Hz</th>
            <th>Looks like</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.name} data-topic={t.name}>
              <td>{t.name}</td>
              <td>{t.type}</td>
              <td>{t.messageCount ?? '–'}</td>
              <td>{t.rateHz !== undefined ? t.rateHz.toFixed(1) : '–'}</td>
              <td>{ROLE_TEXT[t.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>Colour</span>
        <select name="colorTopic" value={color} onChange={(e) => setColor(e.target.value)} required>
          <option value="">(choose)</option>
          {options(images)}
        </select>
      </label>
      <label className="field">
        <span>Depth (image or PointCloud2; none: depth model)</span>
        <select name="depthTopic" value={depth} onChange={(e) => setDepth(e.target.value)}>
          <option value="">(none)</option>
          {options(images)}
        </select>
      </label>
      <label className="field">
        <span>Camera info</span>
        <select name="cameraInfoTopic" value={info} onChange={(e) => setInfo(e.target.value)}>
          <option value="">(next to the colour topic)</option>
          {options(infos)}
        </select>
      </label>
      <label className="field">
        <span>Fixed frame (TF; empty: the scene's own gravity-aligned frame)</span>
        <input
          className="text-input"
          name="fixedFrame"
          list="tf-frame-ids"
          value={fixed}
          onChange={(e) => setFixed(e.target.value)}
          placeholder="map, odom, base_link"
        />
        <datalist id="tf-frame-ids">
          {props.tfFrames.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
      </label>
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
