import type { MeasureState } from '../state/useMeasure'

/**
 * Measure mode's strip under the view toolbar: what to click next, what a click snaps to, and the
 * result (or why there is none) — where the user is looking while measuring.
 */
export function MeasureBar({ measure }: { measure: MeasureState }) {
  const { picks, measurement, problem, isBusy } = measure
  const step = isBusy
    ? 'Measuring…'
    : picks.length === 0
      ? `Click the first ${measure.snap === 'objects' ? 'object (or point)' : 'point'} in 3D or in the image.`
      : picks.length === 1
        ? 'Now click the second one.'
        : 'Click to start a new measurement.'
  return (
    <div className="measure-bar" role="group" aria-label="Measure">
      <div className="segmented" role="radiogroup" aria-label="Clicks pick">
        {(['objects', 'points'] as const).map((snap) => (
          <button
            key={snap}
            type="button"
            role="radio"
            aria-checked={measure.snap === snap}
            onClick={() => measure.setSnap(snap)}
          >
            {snap === 'objects' ? 'Objects' : 'Points'}
          </button>
        ))}
      </div>
      {problem ? (
        <span className="measure-problem" role="status" title={problem}>
          {problem}
        </span>
      ) : measurement && !isBusy ? (
        <output className="measure-result" aria-label="Measurement" title={measurement.text}>
          <strong className="measure-value">{measurement.label}</strong>
          <span className="measure-text">{measurement.text}</span>
        </output>
      ) : (
        <span className="measure-step">{step}</span>
      )}
      <button type="button" className="button button-quiet measure-leave" onClick={measure.leave}>
        Done (Esc)
      </button>
    </div>
  )
}
