import { declutterLabels, labelPriority, type PlacedLabel } from '../layout/declutterLabels'
import type { Point2, Size2 } from './viewport'

type PixelBox = readonly [number, number, number, number]

/** How an object is drawn in the image view (the label's priority follows it). */
export type ImageEmphasis = 'hover' | 'picked' | 'answer' | 'normal'

/** What the image view knows of an object to label it. */
export interface ImageLabelInput {
  name: string
  boxInImagePx: PixelBox | null
  emphasis: ImageEmphasis
  /** Selected in the panel: placed first, like the hovered one. */
  isSelected?: boolean
}

/** A placed name: the layout's box plus the text and where the text starts (view pixels). */
export interface ImageLabel extends PlacedLabel {
  name: string
  textX: number
  textY: number
}

/** Label box height and text padding (view px), for the 11.5 px names of workspace.css. */
export const LABEL_HEIGHT_PX = 16
const PAD_X_PX = 4
/** From the label box's bottom to the text baseline (px): centres 11.5 px text in 16 px. */
const BASELINE_FROM_BOTTOM_PX = 4.5
/** The band at the top of the view where the hint and the zoom controls sit (workspace.css). */
const CONTROLS_BAND_PX = 40

/**
 * The image view's object names without overlaps: each name sits on its 2D box's top-left corner
 * (the corner of the part in view, when the box is cut by the view's edge), ordered by emphasis and
 * box area (hovered or selected first), below the band of controls at the top. `textWidthPx` measures a name (bold when emphasised). Objects without a 2D box get none.
 */
export function layoutImageLabels(
  objects: readonly ImageLabelInput[],
  toView: (pointInImage: Point2) => [number, number],
  view: Size2,
  textWidthPx: (text: string, isBold: boolean) => number,
): ImageLabel[] {
  const withBoxes = objects.filter(
    (object): object is ImageLabelInput & { boxInImagePx: PixelBox } => !!object.boxInImagePx,
  )
  const requests = withBoxes.map((object) => {
    const [x0, y0] = toView([object.boxInImagePx[0], object.boxInImagePx[1]])
    const [x1, y1] = toView([object.boxInImagePx[2], object.boxInImagePx[3]])
    const isInView = x1 >= 0 && y1 >= 0 && x0 <= view.width && y0 <= view.height
    const area = ((x1 - x0) * (y1 - y0)) / Math.max(1, view.width * view.height)
    return {
      anchorPx: isInView
        ? ([Math.max(0, x0), Math.max(0, y0)] as const)
        : ([Number.NaN, Number.NaN] as const),
      widthPx: textWidthPx(object.name, object.emphasis === 'hover') + 2 * PAD_X_PX,
      heightPx: LABEL_HEIGHT_PX,
      priority: labelPriority(
        object.emphasis === 'hover' || object.isSelected
          ? 'hover'
          : object.emphasis === 'picked' || object.emphasis === 'answer'
            ? 'answer'
            : 'normal',
        area,
      ),
    }
  })
  const placed = declutterLabels(requests, {
    viewport: view,
    alignX: 0,
    gapPx: 2,
    obstacles: [{ xPx: 0, yPx: 0, widthPx: view.width, heightPx: CONTROLS_BAND_PX }],
  })
  return placed.map((label, index) => ({
    ...label,
    name: withBoxes[index].name,
    textX: label.xPx + PAD_X_PX,
    textY: label.yPx + LABEL_HEIGHT_PX - BASELINE_FROM_BOTTOM_PX,
  }))
}
