import type { SceneSummary } from '../../../main/contract/sceneSchema'
import { formatCount } from '../format'
import { objectDetails } from '../objectText'
import { objectOrigin } from '../perceptionText'
import { useUnits } from '../state/AppContext'
import { boxColor } from '../viewer/buildObjectBox'

export interface ObjectPanelProps {
  objects: SceneSummary['objects']
  /** What perception ran (tells detector labels from geometry clusters). */
  perception: SceneSummary['perception']
  selectedName: string | null
  /** Object under the pointer anywhere (this list, the 3D view, the image view). */
  hoveredName?: string | null
  onHover(name: string | null): void
  onSelect(name: string | null): void
}

/**
 * The objects of the scene: name (a detector label, or a descriptive cluster name, tagged) with the
 * detector's confidence, size (W × D × H: the full-box estimate and the visible extent) and points,
 * and a note when the label was demoted or has few points; hover or click to find the box in 3D.
 */
export function ObjectPanel({
  objects,
  perception,
  selectedName,
  hoveredName = null,
  onHover,
  onSelect,
}: ObjectPanelProps) {
  const units = useUnits()
  return (
    <section className="panel-section objects" aria-labelledby="objects-heading">
      <header className="section-header">
        <h2 id="objects-heading">Objects</h2>
        <span className="section-count">{objects.length}</span>
      </header>
      {objects.length === 0 ? (
        <p className="empty">No objects found above the support plane.</p>
      ) : (
        <ul className="object-list" onMouseLeave={() => onHover(null)}>
          {objects.map((object, index) => {
            const origin = objectOrigin(object, perception)
            const details = objectDetails(object, units)
            return (
              <li key={object.id}>
                <button
                  type="button"
                  className="object-item"
                  aria-pressed={selectedName === object.name}
                  data-hovered={hoveredName === object.name ? 'true' : undefined}
                  data-object-name={object.name}
                  data-object-source={origin.source}
                  onMouseEnter={() => onHover(object.name)}
                  onFocus={() => onHover(object.name)}
                  onBlur={() => onHover(null)}
                  onClick={() => onSelect(selectedName === object.name ? null : object.name)}
                >
                  <span
                    className="object-swatch"
                    style={{ background: boxColor(index) }}
                    aria-hidden="true"
                  />
                  <span className="object-title">
                    <span className="object-name">{object.name}</span>
                    <span className="object-badges">
                      {details.confidence && (
                        <span className="object-confidence" title="Detector confidence">
                          {details.confidence}
                        </span>
                      )}
                      <span className="object-tag" data-source={origin.source} title={origin.title}>
                        {origin.source}
                      </span>
                    </span>
                  </span>
                  <span className="object-meta">
                    <span className="object-size" title={details.sizeTitle}>
                      {details.sizeChunks.map((chunk) => (
                        <span key={chunk}>{chunk}</span>
                      ))}
                    </span>
                    <span className="object-points">{formatCount(object.pointCount)} pts</span>
                  </span>
                  {(details.labelNote || details.fewPoints) && (
                    <span className="object-notes">
                      {details.labelNote && (
                        <span className="object-label-note">{details.labelNote}</span>
                      )}
                      {details.fewPoints && (
                        <span className="object-few-points">⚠ {details.fewPoints}</span>
                      )}
                    </span>
                  )}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
