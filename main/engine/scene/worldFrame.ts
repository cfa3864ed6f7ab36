import type { PlaneInCamera } from '../types'
import { identity4 } from '../geometry/rigidTransform'

/**
 * Gravity-aligned world frame from the support plane (normal pointing up, to the camera side):
 * z = plane normal; origin = the camera centre projected onto the plane; x = the camera's x axis
 * projected onto the plane (so "left/right" keeps the viewer's meaning); y = z × x, forward.
 * Returns worldFromCamera, column-major. Its translation is (0, 0, cameraHeight).
 */
export function worldFromPlane(plane: PlaneInCamera): Float64Array {
  const [nx, ny, nz] = plane.normal
  // Camera x axis (1,0,0) minus its normal component.
  let xx = 1 - nx * nx
  let xy = -nx * ny
  let xz = -nx * nz
  const length = Math.hypot(xx, xy, xz)
  xx /= length
  xy /= length
  xz /= length
  // y = z × x
  const yx = ny * xz - nz * xy
  const yy = nz * xx - nx * xz
  const yz = nx * xy - ny * xx
  const m = identity4()
  const rows = [
    [xx, xy, xz],
    [yx, yy, yz],
    [nx, ny, nz],
  ]
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m[c * 4 + r] = rows[r][c]
  m[14] = plane.offset
  return m
}

/**
 * The fallback when no support plane is in view: assume a level camera, so world x = camera x,
 * world y = camera z (forward), world z = −camera y (up), origin at the camera.
 */
export function worldFromLevelCamera(): Float64Array {
  const m = identity4()
  m[0] = 1
  m[5] = 0
  m[10] = 0
  m[6] = -1 // row 2 (world z) col 1 (camera y) = −1
  m[9] = 1 // row 1 (world y) col 2 (camera z) = 1
  return m
}
