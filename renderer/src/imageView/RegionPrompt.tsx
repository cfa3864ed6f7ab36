import { formPosition, type DraftRegion } from './draftRegion'
import { RegionLabelForm } from './RegionLabelForm'
import type { Point2, Size2 } from './viewport'

export interface RegionPromptProps {
  /** The region waiting for its label, or null. */
  region: DraftRegion | null
  isMeasuring: boolean
  toView(pointInImage: Point2): [number, number]
  viewSize: Size2
  onSubmit(label: string): void
  onCancel(): void
}

/** Below the image: how to draw regions, or the form asking a drawn region's label beside it. */
export function RegionPrompt({
  region,
  isMeasuring,
  toView,
  viewSize,
  ...form
}: RegionPromptProps) {
  if (!region)
    return isMeasuring ? null : (
      <p className="image-hint">
        Click an object to name it · drag a box · wheel or + − to zoom · Shift-drag to pan
      </p>
    )
  return (
    <RegionLabelForm
      key={JSON.stringify(region)}
      kind={region.kind}
      {...formPosition(region, toView, viewSize)}
      onSubmit={form.onSubmit}
      onCancel={form.onCancel}
    />
  )
}
