/**
 * Range rules for pinhole intrinsics, checked where they enter (the contract and intrinsics.json),
 * so hostile values never reach the engine: cx = 1e308 made the voxel hash's keys non-finite (a
 * quadratic hang), fx = 1e-12 lifted every pixel to infinity (minutes of CPU, then "0 objects").
 * Pure; shared by the zod schemas and the file reader so both give the same message.
 */

/** Widest image side accepted (pixels); the pixel-count limit (main/app/limits.ts) is checked on decode. */
export const MAX_IMAGE_SIDE_PX = 100_000
/** Field of view bounds (degrees) that fx and fy must give across the image. */
export const MIN_FOV_DEG = 1
export const MAX_FOV_DEG = 179
/** The principal point may lie outside the image (crops), but within this many image sizes of it. */
export const PRINCIPAL_POINT_MARGIN = 1

/** Depth units per metre accepted (1 = metres … 1e6 = micrometres). */
export const MIN_DEPTH_SCALE = 1e-3
export const MAX_DEPTH_SCALE = 1e6

export interface IntrinsicsValues {
  width: number
  height: number
  fx: number
  fy: number
  cx: number
  cy: number
}

/** A range problem with the field it is about, or null. Assumes each value is already a finite number. */
export function intrinsicsRangeProblem(
  k: IntrinsicsValues,
): { field: keyof IntrinsicsValues; message: string } | null {
  for (const side of ['width', 'height'] as const) {
    if (k[side] > MAX_IMAGE_SIDE_PX)
      return {
        field: side,
        message: `${side} must be at most ${MAX_IMAGE_SIDE_PX} pixels (got ${k[side]})`,
      }
  }
  for (const [focal, side] of [
    ['fx', 'width'],
    ['fy', 'height'],
  ] as const) {
    const [min, max] = focalRange(k[side])
    if (!(k[focal] >= min && k[focal] <= max)) {
      return {
        field: focal,
        message:
          `${focal} must give a field of view between ${MIN_FOV_DEG}° and ${MAX_FOV_DEG}° across the ${side} of ${k[side]} px, ` +
          `i.e. ${round(min)} … ${round(max)} px (got ${k[focal]}); focal lengths are in pixels`,
      }
    }
  }
  for (const [centre, side] of [
    ['cx', 'width'],
    ['cy', 'height'],
  ] as const) {
    const low = -PRINCIPAL_POINT_MARGIN * k[side]
    const high = (1 + PRINCIPAL_POINT_MARGIN) * k[side]
    if (!(k[centre] >= low && k[centre] <= high)) {
      return {
        field: centre,
        message: `${centre} must lie within ${low} … ${high} px for a ${side} of ${k[side]} px (got ${k[centre]}); the principal point is in pixels, near the image centre`,
      }
    }
  }
  return null
}

/** fx (or fy) bounds in pixels for an image side: fov = 2·atan(side / (2·f)). */
export function focalRange(sidePx: number): [number, number] {
  const atFov = (deg: number) => sidePx / (2 * Math.tan((deg * Math.PI) / 360))
  return [atFov(MAX_FOV_DEG), atFov(MIN_FOV_DEG)]
}

/** What is wrong with a depth scale (stored units per metre), as "must be … (got …); …", or null. */
export function depthScaleProblem(depthScale: number): string | null {
  if (Number.isFinite(depthScale) && depthScale >= MIN_DEPTH_SCALE && depthScale <= MAX_DEPTH_SCALE)
    return null
  return `must be a finite number between ${MIN_DEPTH_SCALE} and ${MAX_DEPTH_SCALE} depth units per metre (got ${depthScale}); use 1000 for millimetre PNGs or 5000 for TUM`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
