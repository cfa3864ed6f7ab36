import type { SceneSummary } from '../../../main/contract/sceneSchema'
import { formatCount, formatSizeCm } from '../format'
import { boxColor } from '../viewer/buildObjectBox'

export interface ObjectPanelProps {
  objects: SceneSummary['objects']
  selectedName: string | null
  onHover(name: string | null): void
  onSelect(name: string | null): void
}

/** The objects of the scene: name, size (W × D × H) and points; hover or click to find the box in 3D. */
export function ObjectPanel({ objects, selectedName, onHover, onSelect }: ObjectPanelProps) {
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
          {objects.map((object, index) => (
            <li key={object.id}>
              <button
                type="button"
                className="object-item"
                aria-pressed={selectedName === object.name}
                data-object-name={object.name}
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
                <span className="object-name">{object.name}</span>
                <span className="object-meta">
                  <span className="object-size" title="width × depth × height">
                    {formatSizeCm(object.sizeM)}
                  </span>
                  <span className="object-points">{formatCount(object.pointCount)} pts</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
