import { useEffect, useRef } from 'react'
import type { LiveCamera } from '../state/useLiveCamera'
import { formatStep } from '../perceptionText'

export interface LiveViewProps {
  camera: LiveCamera
  /** Detections below this score are not drawn (the perception settings' minimum score). */
  minScore: number
}

/**
 * The webcam's picture over the 3D view: small in a corner while frames become 3D scenes, the whole
 * view in 2D-only mode, with the latest 2D detections drawn over it and the one-time notice of why.
 */
export function LiveView({ camera, minScore }: LiveViewProps) {
  const stage = useRef<HTMLDivElement>(null)
  const { session, detections, mode } = camera
  // The <video> belongs to the session (its stream outlives renders): mount it, never recreate it.
  useEffect(() => {
    stage.current?.prepend(session.video)
    return () => session.video.remove()
  }, [session])
  const shown = detections?.detections.filter((detection) => detection.score >= minScore) ?? []
  return (
    <section
      className={`live-view ${mode === '2d' ? 'live-view-full' : 'live-view-corner'}`}
      aria-label="Live camera"
    >
      {camera.notice && (
        <div className="live-notice" role="status">
          <span className="live-notice-text">{camera.notice}</span>
          <button
            type="button"
            className="button button-quiet button-compact"
            onClick={camera.dismissNotice}
          >
            Dismiss
          </button>
        </div>
      )}
      <div className="live-stage" ref={stage}>
        {detections && <DetectionOverlay detections={detections} shown={shown} />}
      </div>
      {mode === '2d' && (
        <p className="live-caption">
          {detections?.step
            ? `2D detections · ${formatStep(detections.step)} · ${shown.length} found`
            : detections
              ? '2D only · detector off (Settings)'
              : '2D only · waiting for the first frame…'}
        </p>
      )}
    </section>
  )
}

type Detections = NonNullable<LiveCamera['detections']>

/** The latest 2D detections (those at or above the minimum score) drawn over the picture. */
function DetectionOverlay(props: { detections: Detections; shown: Detections['detections'] }) {
  const { detections, shown } = props
  return (
    <svg
      className="detection-overlay"
      viewBox={`0 0 ${detections.width} ${detections.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-label="2D detections"
      data-frame={detections.frameNumber}
      data-count={shown.length}
    >
      {shown.map((detection, index) => {
        const [x0, y0, x1, y1] = detection.box
        return (
          <g key={index} className="detection" data-label={detection.label}>
            <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} />
            <text x={x0 + 4} y={Math.max(y0 - 6, 14)}>
              {detection.label} {Math.round(detection.score * 100)}%
            </text>
          </g>
        )
      })}
    </svg>
  )
}
