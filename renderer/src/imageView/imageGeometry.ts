/**
 * Pixels of the 2D view, pure maths, no DOM. "Image coordinates" are pixel edges of the intrinsics'
 * image (pixel u spans u…u+1, as region boxes are given); the engine's pixel coordinates put pixel
 * centres at integers (u_engine = x − 0.5). The image sent to the view may be downscaled: `SceneImage`
 * arrays are indexed through {@link imagePixelIndex}.
 */
import type { Point2, Size2 } from './viewport'

type PixelBox = readonly [number, number, number, number]

/** The engine's pixel coordinates (centres at integers) of a point in image coordinates. */
export function enginePixelOf(pointInImage: Point2): [number, number] {
  return [pointInImage[0] - 0.5, pointInImage[1] - 0.5]
}

/** Image coordinates of a point given in the engine's pixel coordinates. */
export function imagePointOfEnginePixel(pixel: Point2): [number, number] {
  return [pixel[0] + 0.5, pixel[1] + 0.5]
}

/** The whole pixel (column, row) a point falls in, or null outside the image. */
export function pixelAt(pointInImage: Point2, size: Size2): [number, number] | null {
  const [x, y] = pointInImage
  if (!(x >= 0 && y >= 0 && x < size.width && y < size.height)) return null
  return [Math.floor(x), Math.floor(y)]
}

/** Index into the (possibly downscaled) image's arrays for a point in image coordinates, or −1. */
export function imagePixelIndex(pointInImage: Point2, intrinsicsSize: Size2, image: Size2): number {
  if (!pixelAt(pointInImage, intrinsicsSize)) return -1
  const column = Math.min(
    image.width - 1,
    Math.floor((pointInImage[0] * image.width) / intrinsicsSize.width),
  )
  const row = Math.min(
    image.height - 1,
    Math.floor((pointInImage[1] * image.height) / intrinsicsSize.height),
  )
  return row * image.width + column
}

/**
 * The box region a drag from `a` to `b` draws: corners in either order, clamped to the image and
 * grown to whole pixels; null when thinner than `minSizePx` in either direction.
 */
export function boxFromDrag(a: Point2, b: Point2, size: Size2, minSizePx = 2): PixelBox | null {
  const clampX = (x: number) => Math.min(size.width, Math.max(0, x))
  const clampY = (y: number) => Math.min(size.height, Math.max(0, y))
  const x0 = Math.floor(clampX(Math.min(a[0], b[0])))
  const y0 = Math.floor(clampY(Math.min(a[1], b[1])))
  const x1 = Math.ceil(clampX(Math.max(a[0], b[0])))
  const y1 = Math.ceil(clampY(Math.max(a[1], b[1])))
  return x1 - x0 >= minSizePx && y1 - y0 >= minSizePx ? [x0, y0, x1, y1] : null
}

/**
 * Projects a world point into image coordinates with the scene's pose (worldFromCamera, 4×4
 * column-major) and intrinsics; null when it lies behind the camera.
 */
export function projectToImage(
  worldFromCamera: readonly number[],
  intrinsics: { fx: number; fy: number; cx: number; cy: number },
  pointInWorld: readonly [number, number, number],
): [number, number] | null {
  const m = worldFromCamera
  const d = [pointInWorld[0] - m[12], pointInWorld[1] - m[13], pointInWorld[2] - m[14]]
  // cameraFromWorld's rotation is the transpose: camera axis i is column i of worldFromCamera.
  const [x, y, z] = [0, 4, 8].map((c) => m[c] * d[0] + m[c + 1] * d[1] + m[c + 2] * d[2])
  if (!(z > 1e-6)) return null
  return imagePointOfEnginePixel([
    (x / z) * intrinsics.fx + intrinsics.cx,
    (y / z) * intrinsics.fy + intrinsics.cy,
  ])
}

export interface ImageObject {
  id: number
  name: string
  boxInImagePx: PixelBox | null
}

/**
 * The object at a point: the one whose lifted pixels cover it (the mask), else the smallest 2D box
 * around it (boxes overlap; the smallest is the one a person points into); null for none.
 */
export function objectAtImagePoint(
  pointInImage: Point2,
  objects: readonly ImageObject[],
  mask: { objectOfPixel: Int16Array } & Size2,
  intrinsicsSize: Size2,
): string | null {
  const index = imagePixelIndex(pointInImage, intrinsicsSize, mask)
  if (index < 0) return null
  const id = mask.objectOfPixel[index]
  const covering = id >= 0 ? objects.find((object) => object.id === id) : undefined
  if (covering) return covering.name
  let best: { name: string; area: number } | null = null
  for (const object of objects) {
    const box = object.boxInImagePx
    if (!box || !isInside(pointInImage, box)) continue
    const area = (box[2] - box[0]) * (box[3] - box[1])
    if (!best || area < best.area) best = { name: object.name, area }
  }
  return best?.name ?? null
}

function isInside(point: Point2, box: PixelBox): boolean {
  return point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3]
}
