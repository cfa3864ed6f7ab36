import { useState } from 'react'
import type { RobotSource } from '../state/useRobotSource'

/** Seconds since the recording's start, as "12.3 s" (times are ns since the epoch). */
function secondsText(timeNs: bigint, startNs: bigint): string {
  return `${(Number(timeNs - startNs) / 1e9).toFixed(1)} s`
}

/** Play/pause, the seek slider (drag, release to seek) and "time / length" of a recording. */
export function RecordingSeekBar(props: {
  robot: RobotSource
  /** The recording's first and last message times, ns since the epoch (decimal strings). */
  range: { startNs: string; endNs: string }
}) {
  const { robot, range } = props
  const { latest, status } = robot
  /** While dragging: the slider's position (ms from the start), not yet sent. */
  const [dragMs, setDragMs] = useState<number | null>(null)
  const startNs = BigInt(range.startNs)
  const spanMs = Number(BigInt(range.endNs) - startNs) / 1e6
  const nowNs = latest ? BigInt(latest.timeNs) : status?.timeNs ? BigInt(status.timeNs) : startNs
  const positionMs = dragMs ?? Number(nowNs - startNs) / 1e6
  const commit = () => {
    if (dragMs === null) return
    robot.seek(startNs + BigInt(Math.round(dragMs * 1e6)))
    setDragMs(null)
  }
  return (
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
  )
}
