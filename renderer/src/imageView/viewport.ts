/**
 * Where the 2D view shows the image: pure maths, no DOM. Image coordinates are pixel edges of the
 * intrinsics' image (pixel u spans u…u+1, the image spans 0…width); view coordinates are CSS pixels
 * of the view's box. At zoom 1 the whole image fits, centred, with bars on two sides (letterbox).
 */

export type Point2 = readonly [number, number]

export interface Size2 {
  width: number
  height: number
}

/** What the user chose: a zoom relative to the fitted size and the image point at the view centre. */
export interface Viewport {
  zoom: number
  centerInImage: Point2
}

/** view = image · scale + offset, for one view size. */
export interface ViewTransform {
  scale: number
  offsetX: number
  offsetY: number
}

export const MAX_ZOOM = 32

/** The viewport that fits the whole image (zoom 1, centred). */
export function fittedViewport(image: Size2): Viewport {
  return { zoom: 1, centerInImage: [image.width / 2, image.height / 2] }
}

/** The scale at which the whole image fits the view (letterboxed). */
export function fitScale(image: Size2, view: Size2): number {
  return Math.min(view.width / image.width, view.height / image.height)
}

export function transformFor(viewport: Viewport, image: Size2, view: Size2): ViewTransform {
  const scale = fitScale(image, view) * viewport.zoom
  return {
    scale,
    offsetX: view.width / 2 - viewport.centerInImage[0] * scale,
    offsetY: view.height / 2 - viewport.centerInImage[1] * scale,
  }
}

export function viewFromImage(transform: ViewTransform, pointInImage: Point2): [number, number] {
  return [
    pointInImage[0] * transform.scale + transform.offsetX,
    pointInImage[1] * transform.scale + transform.offsetY,
  ]
}

export function imageFromView(transform: ViewTransform, pointInView: Point2): [number, number] {
  return [
    (pointInView[0] - transform.offsetX) / transform.scale,
    (pointInView[1] - transform.offsetY) / transform.scale,
  ]
}

/**
 * Keeps the image on screen: along an axis where the image is smaller than the view it is centred
 * (the letterbox); where it is larger, no empty band shows at either end. Zoom stays in 1…MAX_ZOOM.
 */
export function clampViewport(viewport: Viewport, image: Size2, view: Size2): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, viewport.zoom))
  const scale = fitScale(image, view) * zoom
  const clampAxis = (center: number, imageLength: number, viewLength: number) => {
    const halfVisible = viewLength / 2 / scale
    if (halfVisible >= imageLength / 2) return imageLength / 2
    return Math.min(imageLength - halfVisible, Math.max(halfVisible, center))
  }
  return {
    zoom,
    centerInImage: [
      clampAxis(viewport.centerInImage[0], image.width, view.width),
      clampAxis(viewport.centerInImage[1], image.height, view.height),
    ],
  }
}

/** Zooms by `factor` keeping the image point under `anchorInView` (the pointer) where it is. */
export function zoomAt(
  viewport: Viewport,
  factor: number,
  anchorInView: Point2,
  image: Size2,
  view: Size2,
): Viewport {
  const before = transformFor(viewport, image, view)
  const anchorInImage = imageFromView(before, anchorInView)
  const zoom = Math.min(MAX_ZOOM, Math.max(1, viewport.zoom * factor))
  const scale = fitScale(image, view) * zoom
  const centerInImage: Point2 = [
    anchorInImage[0] - (anchorInView[0] - view.width / 2) / scale,
    anchorInImage[1] - (anchorInView[1] - view.height / 2) / scale,
  ]
  return clampViewport({ zoom, centerInImage }, image, view)
}

/** Moves the image with the pointer by (dx, dy) view pixels. */
export function panBy(
  viewport: Viewport,
  dx: number,
  dy: number,
  image: Size2,
  view: Size2,
): Viewport {
  const scale = fitScale(image, view) * viewport.zoom
  const centerInImage: Point2 = [
    viewport.centerInImage[0] - dx / scale,
    viewport.centerInImage[1] - dy / scale,
  ]
  return clampViewport({ zoom: viewport.zoom, centerInImage }, image, view)
}
