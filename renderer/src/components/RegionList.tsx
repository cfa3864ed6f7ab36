import type { RegionInput } from '../../../main/contract/channels'

export interface RegionListProps {
  /** The regions the scene on screen was analysed with. */
  regions: readonly RegionInput[]
  /** Removes one region (the frame is analysed again without it). */
  onRemove(region: RegionInput): void
}

/** Describes where a region is, in image pixels. */
function describeRegion(region: RegionInput): string {
  if ('box' in region) return `box ${region.box.map(Math.round).join(', ')}`
  if ('point' in region) return `point ${region.point.map(Math.round).join(', ')}`
  return 'mask'
}

/**
 * The user's regions on this frame: label, where, and a remove button. They are added in the image
 * view (click a point or drag a box) and stay through re-analyses of the frame.
 */
export function RegionList({ regions, onRemove }: RegionListProps) {
  return (
    <section className="panel-section regions" aria-labelledby="regions-heading">
      <header className="section-header">
        <h2 id="regions-heading">Your regions</h2>
        <span className="section-count">{regions.length}</span>
      </header>
      {regions.length === 0 ? (
        <p className="empty hint">
          In the Image view (key 2), click an object or drag a box around it to name it yourself.
        </p>
      ) : (
        <ul className="region-list">
          {regions.map((region, index) => (
            <li
              key={`${index}-${region.label}`}
              className="region-item"
              data-region-label={region.label}
            >
              <span className="region-label">{region.label}</span>
              <span className="region-where">{describeRegion(region)}</span>
              <button
                type="button"
                className="region-remove"
                aria-label={`Remove region ${region.label}`}
                title="Remove this region and analyse the frame again"
                onClick={() => onRemove(region)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
