import type { ObjectBox } from '../types'
import { minAreaRect } from '../geometry/minAreaRect'
import { quantileSorted } from '../geometry/stats'
import { invertRigid, transformPoint } from '../geometry/rigidTransform'
import { wrapYaw } from '../geometry/yaw'
import { estimateTopHeight } from './topHeight'

export interface BoxFitOptions {
  /** Normal noise (1σ, metres) of points on the object's top: trims the top estimate. */
  topNoiseM: number
  /** Whether the world frame comes from a real support plane (heights start at z = 0). */
  hasSupportPlane: boolean
}

/** Lowest points closer to the plane than this count as resting on it. */
const RESTING_TOLERANCE_M = 0.05
/** Points used for the footprint and height quantiles (an even subsample above this). */
const MAX_FIT_POINTS = 2500

/**
 * Fits one gravity-aligned solid box to an object's points (world frame, xyz interleaved).
 *
 * Footprint: the minimum-area rectangle of the points projected on the plane gives the orientation;
 * the extents along its axes use the 0.5/99.5 % quantiles so a few stray points do not inflate it.
 * Seen from above, the top faces cover the full footprint, so the box is the solid, not just the
 * visible surface. Height runs from the plane (when the object rests on it) to the top, fitted to
 * the upper tail of the heights with the frame's noise (topHeight.ts: keeps thin rims and lids).
 */
export function fitBox(
  pointsInWorld: Float32Array,
  worldFromCamera: Float64Array,
  options: BoxFitOptions,
): ObjectBox {
  // Quantiles need a few thousand points, not every point of a large object at 1280×960: take an
  // even stride through the points (pixel order, so it is spatially uniform).
  const total = pointsInWorld.length / 3
  const stride = Math.max(1, Math.floor(total / MAX_FIT_POINTS))
  const n = Math.floor(total / stride)
  const xy = new Float64Array(n * 2)
  const z = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const i = k * stride
    xy[k * 2] = pointsInWorld[i * 3]
    xy[k * 2 + 1] = pointsInWorld[i * 3 + 1]
    z[k] = pointsInWorld[i * 3 + 2]
  }
  const rect = minAreaRect(xy)
  const c = Math.cos(rect.angleRad)
  const s = Math.sin(rect.angleRad)
  const alongU = new Float64Array(n)
  const alongV = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    alongU[i] = c * xy[i * 2] + s * xy[i * 2 + 1]
    alongV[i] = -s * xy[i * 2] + c * xy[i * 2 + 1]
  }
  alongU.sort()
  alongV.sort()
  z.sort()
  const [u0, u1] = [quantileSorted(alongU, 0.005), quantileSorted(alongU, 0.995)]
  const [v0, v1] = [quantileSorted(alongV, 0.005), quantileSorted(alongV, 0.995)]
  const mu = (u0 + u1) / 2
  const mv = (v0 + v1) / 2
  const centerX = c * mu - s * mv
  const centerY = s * mu + c * mv

  const top = estimateTopHeight(z, options.topNoiseM)
  const lowest = quantileSorted(z, 0.005)
  // Resting on the plane: the lowest points are near it (not far above it, and not below it).
  const isResting =
    options.hasSupportPlane &&
    lowest < Math.max(RESTING_TOLERANCE_M, 0.25 * top) &&
    lowest > -RESTING_TOLERANCE_M
  const bottom = isResting ? 0 : lowest
  const height = Math.max(0, top - bottom)

  // Width is the footprint side closest to world x; yaw is that side's angle, kept in (−π/2, π/2].
  const isUAlongX = Math.abs(c) >= Math.abs(s)
  const yawRad = wrapYaw(isUAlongX ? rect.angleRad : rect.angleRad + Math.PI / 2)
  const width = isUAlongX ? u1 - u0 : v1 - v0
  const depth = isUAlongX ? v1 - v0 : u1 - u0

  const centerInWorld: [number, number, number] = [centerX, centerY, bottom + height / 2]
  const cameraFromWorld = invertRigid(worldFromCamera)
  return {
    centerInWorld,
    centerInCamera: transformPoint(cameraFromWorld, centerInWorld),
    sizeM: { width, depth, height },
    yawRad,
  }
}
