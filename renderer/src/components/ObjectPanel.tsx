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
              <ObjectItem
                object={object}
                index={index}
                perception={perception}
                isSelected={selectedName === object.name}
                isHovered={hoveredName === object.name}
                onHover={onHover}
                onSelect={onSelect}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** One object: swatch, name with confidence and origin tag, size and points, notes. */
function ObjectItem(props: {
  object: SceneSummary['objects'][number]
  /** Position in the list: the box colour in the 3D view. */
  index: number
  perception: SceneSummary['perception']
  isSelected: boolean
  isHovered: boolean
  onHover(name: string | null): void
  onSelect(name: string | null): void
}) {
  const units = useUnits()
  const { object, onHover } = props
  const origin = objectOrigin(object, props.perception)
  const details = objectDetails(object, units)
  return (
    <button
      type="button"
      className="object-item"
      aria-pressed={props.isSelected}
      data-hovered={props.isHovered ? 'true' : undefined}
      data-object-name={object.name}
      data-object-source={origin.source}
      onMouseEnter={() => onHover(object.name)}
      onFocus={() => onHover(object.name)}
      onBlur={() => onHover(null)}
      onClick={() => props.onSelect(props.isSelected ? null : object.name)}
    >
      <span
        className="object-swatch"
        style={{ background: boxColor(props.index) }}
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
      <ObjectNotes labelNote={details.labelNote} fewPoints={details.fewPoints} />
    </button>
  )
}

function ObjectNotes(props: { labelNote?: string | null; fewPoints?: string | null }) {
  if (!props.labelNote && !props.fewPoints) return null
  return (
    <span className="object-notes">
      {props.labelNote && <span className="object-label-note">{props.labelNote}</span>}
      {props.fewPoints && <span className="object-few-points">⚠ {props.fewPoints}</span>}
    </span>
  )
}
