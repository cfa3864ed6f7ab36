import type { RobotSource } from '../state/useRobotSource'
import { RecordingSeekBar } from './RecordingSeekBar'

export interface SourceTimelineProps {
  robot: RobotSource
}

/**
 * The robot source's bar: play/pause and a seek slider for recordings (drag, release to seek), the
 * current time, frames processed and dropped (latest frame wins: frames the pipeline could not take
 * are dropped, never queued), and the TF fixed frame in use.
 */
export function SourceTimeline({ robot }: SourceTimelineProps) {
  const { session, latest, status } = robot
  if (!session || !robot.choice) return null
  const dropped = Math.max(latest?.droppedFrames ?? 0, status?.droppedFrames ?? 0)
  return (
    <div className="source-timeline" role="group" aria-label="Robot source">
      <span className="source-timeline-name" title={session.description}>
        <strong>{session.kind === 'mcap' ? 'MCAP' : 'ROS 2'}</strong> {session.description}
      </span>
      {session.timeRange && <RecordingSeekBar robot={robot} range={session.timeRange} />}
      <span className="source-counts">
        <span data-testid="frames-processed">{latest?.processedFrames ?? 0} frames</span>
        {' · '}
        <span data-testid="frames-dropped">{dropped} dropped</span>
        {latest && ` · ${latest.latencyMs.toFixed(0)} ms`}
      </span>
      {latest?.fixed && <span className="source-fixed">frame: {latest.fixed.frameId}</span>}
      {status?.state === 'ended' && <span className="source-state">end</span>}
      {status?.state === 'error' && (
        <span className="source-state source-state-error" role="alert">
          {status.message}
        </span>
      )}
      <button type="button" className="button button-quiet" onClick={robot.close}>
        Close
      </button>
    </div>
  )
}
