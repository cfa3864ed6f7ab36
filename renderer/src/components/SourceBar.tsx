import {
  MAX_HORIZONTAL_FOV_DEG,
  MIN_HORIZONTAL_FOV_DEG,
  isValidFov,
} from '../sources/intrinsicsFromFov'
import { useShortcut } from '../state/useShortcut'
import type { Sources } from '../state/useSources'
import type { SequenceView } from '../state/useSequencePlayer'
import type { LiveCamera } from '../state/useLiveCamera'
import { CommitInput } from './CommitInput'

/**
 * The controls of the source that produces frames over time, over the 3D view's top-left corner:
 * a folder sequence (previous, play/pause, next, frame counter) or the webcam (start/stop, camera,
 * field of view, frames analysed). Nothing for single frames.
 */
export function SourceBar({ sources }: { sources: Sources }) {
  const { active, sequence, camera } = sources
  const view = active === 'sequence' ? sequence.view : null
  const isWebcam = active === 'webcam'
  useShortcut('play-pause', view || isWebcam ? sources.togglePlayback : null)
  useShortcut('previous-frame', view ? () => sequence.step(-1) : null)
  useShortcut('next-frame', view ? () => sequence.step(1) : null)
  if (view) return <SequenceControls view={view} sources={sources} />
  if (isWebcam) return <WebcamControls camera={camera} onClose={sources.closeSource} />
  return null
}

function SequenceControls({ view, sources }: { view: SequenceView; sources: Sources }) {
  const { sequence } = sources
  return (
    <div
      className="source-bar"
      role="toolbar"
      aria-label="Sequence"
      data-frame-index={view.index}
      data-shown-index={view.shownIndex}
      data-playing={view.isPlaying}
    >
      <span className="source-bar-kind">Sequence</span>
      <span className="source-bar-name" title={view.folderName}>
        {view.folderName}
      </span>
      <SequenceButtons view={view} sequence={sequence} />
      <span className="source-bar-counter" aria-label="Frame counter">
        Frame {(view.shownIndex >= 0 ? view.shownIndex : view.index) + 1} / {view.frameCount}
      </span>
      <span className="source-bar-frame" title={view.frameName}>
        {view.frameName}
      </span>
      {view.isAnalysing && (
        <span className="source-bar-pending" aria-label="Analysing">
          <span className="spinner spinner-small" aria-hidden="true" />
          {view.index !== view.shownIndex && `frame ${view.index + 1}`}
        </span>
      )}
      {view.notes.map((note) => (
        <span key={note} className="source-bar-note" title={note}>
          {note}
        </span>
      ))}
      <CloseButton label="Close the sequence" onClick={sources.closeSource} />
    </div>
  )
}

/** Previous frame, play/pause, next frame. */
function SequenceButtons({
  view,
  sequence,
}: {
  view: SequenceView
  sequence: Sources['sequence']
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous frame"
        title="Previous frame (←)"
        disabled={view.index <= 0}
        onClick={() => sequence.step(-1)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 3v10M13 3 6 8l7 5z" fill="currentColor" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button icon-button-primary"
        aria-label={view.isPlaying ? 'Pause' : 'Play'}
        title={view.isPlaying ? 'Pause (Space)' : 'Play (Space)'}
        onClick={sequence.togglePlay}
      >
        {view.isPlaying ? (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2.5v11L13 8z" fill="currentColor" />
          </svg>
        )}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next frame"
        title="Next frame (→)"
        disabled={view.index >= view.frameCount - 1}
        onClick={() => sequence.step(1)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M12 3v10M3 3l7 5-7 5z" fill="currentColor" />
        </svg>
      </button>
    </>
  )
}

function WebcamControls({ camera, onClose }: { camera: LiveCamera; onClose(): void }) {
  const isOn = camera.status !== 'off'
  return (
    <div
      className="source-bar"
      role="toolbar"
      aria-label="Webcam"
      data-status={camera.status}
      data-mode={camera.mode}
      data-frames={camera.framesAnalysed}
    >
      <span className="source-bar-kind">
        {camera.status === 'live' && <span className="live-dot" aria-hidden="true" />}
        Webcam
      </span>
      {isOn ? (
        <button type="button" className="button button-compact" onClick={camera.stop}>
          Stop
        </button>
      ) : (
        <button
          type="button"
          className="button button-compact button-primary"
          onClick={() => void camera.start()}
        >
          Start
        </button>
      )}
      <WebcamSettings camera={camera} isOn={isOn} />
      <span className="source-bar-counter" aria-label="Frames analysed" aria-live="off">
        {camera.status === 'starting'
          ? 'Opening the camera…'
          : `${camera.framesAnalysed} frame${camera.framesAnalysed === 1 ? '' : 's'} analysed`}
      </span>
      {camera.mode === '2d' && <span className="source-bar-badge">2D only</span>}
      <CloseButton label="Close the webcam" onClick={onClose} />
    </div>
  )
}

/** Which camera (when there are several) and its horizontal field of view. */
function WebcamSettings({ camera, isOn }: { camera: LiveCamera; isOn: boolean }) {
  return (
    <>
      {camera.cameras.length > 1 && (
        <select
          className="source-bar-select"
          aria-label="Camera"
          value={camera.settings.deviceId ?? ''}
          onChange={(event) => {
            const deviceId = event.target.value || null
            camera.changeSettings({ deviceId })
            if (isOn) void camera.start(deviceId)
          }}
        >
          {camera.cameras.map((device) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label}
            </option>
          ))}
        </select>
      )}
      <label
        className="source-bar-field"
        title="The camera's horizontal field of view: sets the focal length of the intrinsics (most webcams: 55–78°)"
      >
        FOV
        <CommitInput
          key={camera.settings.fovDeg}
          type="number"
          aria-label="Horizontal field of view in degrees"
          min={MIN_HORIZONTAL_FOV_DEG}
          max={MAX_HORIZONTAL_FOV_DEG}
          step="0.1"
          value={String(camera.settings.fovDeg)}
          onCommit={(text) => {
            const fovDeg = Number(text)
            if (isValidFov(fovDeg)) camera.changeSettings({ fovDeg })
          }}
        />
        °
      </label>
    </>
  )
}

function CloseButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="m4 4 8 8M12 4l-8 8"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
    </button>
  )
}
