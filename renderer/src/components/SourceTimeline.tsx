import { useState } from 'react'
import type { RobotSource } from '../state/useRobotSource'

export interface SourceTimelineProps {
  robot: RobotSource
}

/** Seconds since the recording's start, as "12.3 s" (times are ns since the epoch). */
function secondsText(timeNs: bigint, startNs: bigint): string {
  return `${(Number(timeNs - startNs) / 1e9).toFixed(1)} s`
}

/**
 * The robot source's bar: play/pause and a seek slider for recordings (drag, release to seek), the
 * current time, frames processed and dropped (latest frame wins: frames the pipeline could not take
 * are dropped, never queued), and the TF fixed frame in use.
 */
export function SourceTimeline({ robot }: SourceTimelineProps) {
  const { session, latest, status } = robot
  /** While dragging: the slider's position (ms from the start), not yet sent. */
  const [dragMs, setDragMs] = useState<number | null>(null)
  if (!session || !robot.choice) return null
  const range = session.timeRange
  const startNs = range ? BigInt(range.startNs) : 0n
  const spanMs = range ? Number(BigInt(range.endNs) - startNs) / 1e6 : 0
  const nowNs = latest ? BigInt(latest.timeNs) : status?.timeNs ? BigInt(status.timeNs) : startNs
  const positionMs = dragMs ?? Number(nowNs - startNs) / 1e6
  const dropped = Math.max(latest?.droppedFrames ?? 0, status?.droppedFrames ?? 0)
  const commit = () => {
    if (dragMs === null) return
    robot.seek(startNs + BigInt(Math.round(dragMs * 1e6)))
    setDragMs(null)
  }
  return (
    <div className="source-timeline" role="group" aria-label="Robot source">
      <span className="source-timeline-name" title={session.description}>
        <strong>{session.kind === 'mcap' ? 'MCAP' : 'ROS 2'}</strong> {session.description}
      </span>
      {range && (
        <>
          <button
            type="button"
            className="button button-quiet"
            aria-label={robot.isPlaying ? 'Pause' : 'Play'}
            onClick={() => robot.setPlaying(!robot.isPlaying)}
          >
            {robot.isPlaying ? '❚❚' : '▶'}
          </button>
          <input
            type="range"
            className="source-seek"
            aria-label="Recording time"
            min={0}
            max={Math.max(1, Math.round(spanMs))}
            step={1}
            value={Math.round(positionMs)}
            onChange={(e) => setDragMs(Number(e.target.value))}
            onPointerUp={commit}
            onKeyUp={commit}
            onBlur={commit}
          />
          <span className="source-time" aria-label="Current time">
            {secondsText(startNs + BigInt(Math.round(positionMs * 1e6)), startNs)} /{' '}
            {(spanMs / 1000).toFixed(1)} s
          </span>
        </>
      )}
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
