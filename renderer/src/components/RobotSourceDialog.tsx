import { useState } from 'react'
import type { SourceTopicChoice } from '../../../main/contract/sourceSchema'
import type { SpatialClient } from '../client/SpatialClient'
import type { RobotSource, WatchLogging } from '../state/useRobotSource'
import { OpenSourceForm, type SourceKind } from './OpenSourceForm'
import { TopicPicker } from './TopicPicker'

export interface RobotSourceDialogProps {
  client: SpatialClient
  robot: RobotSource
  onClose(): void
  /** The topics were chosen: frames start. */
  onStart(choice: SourceTopicChoice, logging: WatchLogging): void
}

/**
 * "Robot source…": open an MCAP recording (a file the service may open: under `serve --recordings`
 * on a server, any file in the desktop app) or a live ROS 2 graph through rosbridge, then pick the
 * colour, depth and camera-info topics (guessed from types and names) and the TF fixed frame.
 */
export function RobotSourceDialog({ client, robot, onClose, onStart }: RobotSourceDialogProps) {
  const [kind, setKind] = useState<SourceKind>('mcap')
  const [busy, setBusy] = useState(false)
  const session = robot.session
  const open = async (target: string) => {
    setBusy(true)
    const ok = await robot.open(kind === 'mcap' ? { kind, path: target } : { kind, url: target })
    setBusy(false)
    if (!ok) onClose()
  }
  return (
    <div className="popover robot-source" role="dialog" aria-label="Robot source">
      <h2>Robot source</h2>
      {!session ? (
        <>
          <SourceKindTabs kind={kind} onChange={setKind} />
          <OpenSourceForm
            kind={kind}
            client={client}
            busy={busy}
            onCancel={onClose}
            onOpen={(target) => void open(target)}
          />
        </>
      ) : (
        <TopicPicker
          key={session.sessionId}
          topics={session.topics}
          guess={session.guess}
          description={session.description}
          tfFrames={mergedFrames(
            session.tfFrames,
            robot.shown?.tfFrames.map((f) => f.frameId),
          )}
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

/** The frames known at open, and those of the frame on screen (a live graph names more as it runs). */
function mergedFrames(atOpen: string[], shown: string[] | undefined): string[] {
  return [...new Set([...atOpen, ...(shown ?? [])])].sort()
}

function SourceKindTabs(props: { kind: SourceKind; onChange(kind: SourceKind): void }) {
  return (
    <div className="robot-kinds" role="tablist" aria-label="Source kind">
      {(['mcap', 'rosbridge'] as const).map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={props.kind === k}
          className="button button-quiet"
          onClick={() => props.onChange(k)}
        >
          {k === 'mcap' ? 'Recording (MCAP)' : 'Live ROS 2 (rosbridge)'}
        </button>
      ))}
    </div>
  )
}
