import type { Measurement } from '../../../main/contract/measureSchema'

/** How many recent measurements the panel lists. */
export const RECENT_MEASUREMENTS = 5

/** Names the two ends of a measurement ("laptop ↔ book", "point ↔ point"). */
function describeEnds(measurement: Measurement): string {
  const names = measurement.objects.map((object) => object.name)
  if (measurement.kind === 'points') return 'point ↔ point'
  if (measurement.kind === 'point-object') return `point ↔ ${names[0]}`
  return names.join(' ↔ ')
}

/** The latest click measurements (newest first), each with its value and sentence. */
export function MeasurementList({ measurements }: { measurements: readonly Measurement[] }) {
  if (measurements.length === 0) return null
  return (
    <section className="panel-section measurements" aria-labelledby="measurements-heading">
      <header className="section-header">
        <h2 id="measurements-heading">Measurements</h2>
        <span className="section-count">{measurements.length}</span>
      </header>
      <ol className="measurement-list">
        {measurements.map((measurement, index) => (
          <li key={index} className="measurement-item" title={measurement.text}>
            <span className="measurement-ends">{describeEnds(measurement)}</span>
            <span className="measurement-value">{measurement.label}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
