import type { RegionInput } from '../../../main/contract/channels'
import type { Point2, Size2 } from './viewport'

/** A region the user is drawing or labelling, in image coordinates (pixel edges): a clicked pixel or a dragged box. */
export type DraftRegion =
  { kind: 'point'; pixel: Point2 } | { kind: 'box'; box: readonly [number, number, number, number] }

/** The region `scene:analyze` takes for a draft and its label. */
export function regionInputOf(region: DraftRegion, label: string): RegionInput {
  return region.kind === 'point'
    ? { label, point: [...region.pixel] as [number, number] }
    : { label, box: [...region.box] as [number, number, number, number] }
}

const FORM_WIDTH_PX = 260
const FORM_HEIGHT_PX = 64

/** Where the label form goes: just below the region (the point, or the box's lower-left corner), kept inside the view. */
export function formPosition(
  region: DraftRegion,
  toView: (pointInImage: Point2) => [number, number],
  view: Size2,
): { left: number; top: number } {
  const [x, y] =
    region.kind === 'point'
      ? toView([region.pixel[0] + 0.5, region.pixel[1] + 0.5])
      : toView([region.box[0], region.box[3]])
  return {
    left: Math.max(
      8,
      Math.min(view.width - FORM_WIDTH_PX - 8, x + (region.kind === 'point' ? 12 : 0)),
    ),
    top: Math.max(8, Math.min(view.height - FORM_HEIGHT_PX - 8, y + 10)),
  }
}
