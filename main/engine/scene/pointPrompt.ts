import type { LiftContext } from './liftContext'
import { growSurfaceFromPoint, SNAP_RADIUS_PX } from './surfaceGrow'
import { createSurfaceField, type SurfaceField } from './surfaceScore'

/** An object needs this many lifted points to be measured. */
export const MIN_OBJECT_POINTS = 10
/** How far (pixels) a click on the plane looks for an object outline around it (a plate's rim). */
const ENCLOSING_SEARCH_PX = 200

/** The points a point prompt selects, or why it selects none (a sentence for a warning). */
export type PointSelection =
  { pointIndices: Uint32Array; note?: string } | { pointIndices: null; why: string }

/**
 * The object under a clicked pixel: its surface grown in the image (surfaceGrow.ts), as lifted
 * off-plane points. A click on the support plane inside an object's outline (the floor of a plate or
 * a shallow tray, flush with the table) takes the object around it, and says so. When nothing can
 * be selected the answer says why: no depth there, only the table there, or too few points.
 */
export function selectPointPrompt(context: LiftContext, point: [number, number]): PointSelection {
  const field = surfaceFieldOf(context)
  const [u, v] = [Math.round(point[0]), Math.round(point[1])]
  const grown = liftedOffPlane(context, growSurfaceFromPoint(surfaceInput(context), u, v, field))
  if (grown.length >= MIN_OBJECT_POINTS) return { pointIndices: grown }
  if (grown.length > 0) {
    return {
      pointIndices: null,
      why: `the object under point [${u}, ${v}] has only ${grown.length} points with depth, too few to measure`,
    }
  }
  if (!hasDepthNear(context, u, v)) {
    return {
      pointIndices: null,
      why: `no valid depth at or within ${SNAP_RADIUS_PX} px of point [${u}, ${v}] (the sensor saw nothing there); click where the object has depth`,
    }
  }
  const enclosing = enclosingObject(context, field, u, v)
  if (enclosing)
    return {
      pointIndices: enclosing,
      note: `point [${u}, ${v}] lies on the support plane inside an object's outline: took the object around it`,
    }
  return {
    pointIndices: null,
    why: `point [${u}, ${v}] is on the support plane (table or floor), not on an object: nothing rises above the plane within ${SNAP_RADIUS_PX} px; click on the object itself`,
  }
}

/** The frame's surface field, built on first use and shared by all point prompts of the scene. */
function surfaceFieldOf(context: LiftContext): SurfaceField {
  context.surfaceField ??= createSurfaceField(surfaceInput(context))
  return context.surfaceField
}

function surfaceInput(context: LiftContext) {
  return {
    depth: context.depth,
    intrinsics: context.frame.intrinsics,
    pointsInCamera: context.cloud.pointsInCamera,
    pointOfPixel: context.cloud.pointOfPixel,
    isCandidate: context.isCandidatePixel,
    relativeNoise: context.relativeNoise,
  }
}

function liftedOffPlane(context: LiftContext, pixels: Uint32Array): Uint32Array {
  const out = new Uint32Array(pixels.length)
  let n = 0
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && context.isOffPlane[point]) out[n++] = point
  }
  return out.subarray(0, n)
}

function hasDepthNear(context: LiftContext, u: number, v: number): boolean {
  const { width, height } = context.depth
  const r = SNAP_RADIUS_PX
  for (let y = Math.max(0, v - r); y <= Math.min(height - 1, v + r); y++) {
    for (let x = Math.max(0, u - r); x <= Math.min(width - 1, u + r); x++) {
      if (context.cloud.pointOfPixel[y * width + x] >= 0) return true
    }
  }
  return false
}

/**
 * An object whose outline surrounds the click: the first object pixel along each of the four image
 * directions; the surface grown from the nearest must contain all four (one object all round).
 */
function enclosingObject(
  context: LiftContext,
  field: SurfaceField,
  u: number,
  v: number,
): Uint32Array | null {
  const hits: number[] = []
  for (const [du, dv] of [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ]) {
    let hit = -1
    for (
      let i = 1, x = u + du, y = v + dv;
      i <= ENCLOSING_SEARCH_PX && hit < 0;
      i++, x += du, y += dv
    ) {
      if (x < 0 || y < 0 || x >= field.width || y >= field.height) break
      if (field.z[y * field.width + x] > 0) hit = y * field.width + x
    }
    if (hit < 0) return null
    hits.push(hit)
  }
  const distance = (p: number) =>
    Math.abs((p % field.width) - u) + Math.abs(Math.floor(p / field.width) - v)
  const nearest = hits.reduce((a, b) => (distance(b) < distance(a) ? b : a))
  const pixels = growSurfaceFromPoint(
    surfaceInput(context),
    nearest % field.width,
    Math.floor(nearest / field.width),
    field,
  )
  const isMember = (p: number) => binaryHas(pixels, p)
  if (!hits.every(isMember)) return null
  const points = liftedOffPlane(context, pixels)
  return points.length >= MIN_OBJECT_POINTS ? points : null
}

function binaryHas(sorted: Uint32Array, value: number): boolean {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (sorted[mid] === value) return true
    if (sorted[mid] < value) low = mid + 1
    else high = mid - 1
  }
  return false
}
