import type { Point3 } from './metrics'

/** Pinhole intrinsics, pixels (0-based pixel centres). */
export interface PinholeK {
  fx: number
  fy: number
  cx: number
  cy: number
}

/** Depth below which a corner behind or at the camera is clamped before projecting, metres. */
const MIN_DEPTH_M = 0.1

/**
 * The 2D box prompt of a ground-truth 3D box: the bounding rectangle of its projected corners, clipped to the
 * image, as [x0, y0, x1, y1] in pixels (edges: pixel u spans u…u+1). This is how the evaluation (and
 * tests/engine/scene/realFrames.test.ts) separates lifting errors from detection errors.
 * @param cornersInCamera the box's corners, camera frame (OpenCV), metres.
 */
export function regionBoxFromCorners(
  cornersInCamera: Point3[],
  k: PinholeK,
  width: number,
  height: number,
): [number, number, number, number] {
  if (cornersInCamera.length === 0) throw new Error('regionBoxFromCorners: a box needs corners')
  const us: number[] = []
  const vs: number[] = []
  for (const [x, y, z] of cornersInCamera) {
    const depth = Math.max(z, MIN_DEPTH_M)
    us.push(k.fx * (x / depth) + k.cx)
    vs.push(k.fy * (y / depth) + k.cy)
  }
  const clip = (value: number, max: number) => Math.min(max, Math.max(0, value))
  return [
    clip(Math.min(...us), width - 1),
    clip(Math.min(...vs), height - 1),
    clip(Math.max(...us), width),
    clip(Math.max(...vs), height),
  ]
}
