import type { Intrinsics } from '../../../main/engine/types'

/** A webcam's usual horizontal field of view; most laptop cameras are 55–78°. */
export const DEFAULT_HORIZONTAL_FOV_DEG = 60
export const MIN_HORIZONTAL_FOV_DEG = 20
export const MAX_HORIZONTAL_FOV_DEG = 150

/**
 * Intrinsics of an ideal camera (square pixels, centred principal point) from its horizontal field
 * of view: fx = (width / 2) / tan(fov / 2). Webcams do not report their calibration, so this is the
 * best guess without one; metric depth models need the focal length.
 * @throws RangeError for a size that is not a positive whole number of pixels, or a field of view
 *   outside [MIN_HORIZONTAL_FOV_DEG, MAX_HORIZONTAL_FOV_DEG].
 */
export function intrinsicsFromHorizontalFov(
  widthPx: number,
  heightPx: number,
  horizontalFovDeg: number,
): Intrinsics {
  if (!isPositiveInteger(widthPx) || !isPositiveInteger(heightPx))
    throw new RangeError(`the image size must be whole pixels (got ${widthPx} × ${heightPx})`)
  if (!isValidFov(horizontalFovDeg))
    throw new RangeError(
      `the horizontal field of view must be between ${MIN_HORIZONTAL_FOV_DEG}° and ${MAX_HORIZONTAL_FOV_DEG}° (got ${horizontalFovDeg})`,
    )
  const halfFovRad = (horizontalFovDeg * Math.PI) / 360
  const focalPx = widthPx / 2 / Math.tan(halfFovRad)
  return {
    width: widthPx,
    height: heightPx,
    fx: focalPx,
    fy: focalPx,
    cx: (widthPx - 1) / 2,
    cy: (heightPx - 1) / 2,
  }
}

export function isValidFov(horizontalFovDeg: number): boolean {
  return (
    Number.isFinite(horizontalFovDeg) &&
    horizontalFovDeg >= MIN_HORIZONTAL_FOV_DEG &&
    horizontalFovDeg <= MAX_HORIZONTAL_FOV_DEG
  )
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0
}
