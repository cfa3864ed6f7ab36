/**
 * What the visible points say about an object's hidden shape: is its wall an arc of a vertical cylinder (then the
 * arc gives the diameter), and which footprint extents does a visible vertical face span in full. World frame,
 * metres. Pure TypeScript.
 */

import type { AxisBox } from './axisBox'
import { fitCircle } from './circleFit'
import { medianInPlace, selectInPlace } from './selectMedian'

/** Points used for the shape tests at most (an even stride through the object's points). */
const MAX_WALL_POINTS = 500
/** The wall arc must cover at least this much of the circle (a flatter arc gives no reliable diameter). */
const MIN_ARC_SPAN_RAD = Math.PI / 2
/** The visible arc faces the camera: its mean direction within this angle of the direction to the camera. */
const MAX_ARC_FACING_RAD = Math.PI / 3
const MIN_INLIER_FRACTION = 0.6
/** The circle must explain the wall clearly better than the visible box's sides (median residual ratio). */
const MAX_RESIDUAL_RATIO = 0.8
/** A face spans an extent when its points cover this share of it... */
const MIN_FACE_SPAN = 0.7
/** ...and hold at least this share of the wall points. */
const MIN_FACE_SHARE = 0.2

/** Wall points (below the top band, where a lid or a table top would fill the footprint) in box coordinates. */
export interface WallPoints {
  /** Interleaved world x, y. */
  xy: Float64Array
  /** Coordinates along the box's u and v axes. */
  a: Float64Array
  b: Float64Array
}

/**
 * Wall points of an object: below its top band (the top would fill the footprint and hide the arc) and above
 * its bottom few per cent (contact noise). Falls back to all points when the wall band is nearly empty.
 */
export function wallPoints(
  pointsInWorld: Float32Array,
  box: AxisBox,
  topBandM: number,
): WallPoints {
  const total = pointsInWorld.length / 3
  const stride = Math.max(1, Math.floor(total / MAX_WALL_POINTS))
  const [z0, z1] = box.zRange
  const lowZ = z0 + 0.02 * (z1 - z0)
  const highZ = z1 - topBandM
  const picked: number[] = []
  for (let i = 0; i < total; i += stride) {
    const z = pointsInWorld[i * 3 + 2]
    if (z > lowZ && z < highZ) picked.push(i)
  }
  const chosen =
    picked.length >= 20
      ? picked
      : Array.from({ length: Math.ceil(total / stride) }, (_, k) => k * stride)
  const xy = new Float64Array(chosen.length * 2)
  const a = new Float64Array(chosen.length)
  const b = new Float64Array(chosen.length)
  chosen.forEach((i, k) => {
    const x = pointsInWorld[i * 3]
    const y = pointsInWorld[i * 3 + 1]
    xy[k * 2] = x
    xy[k * 2 + 1] = y
    a[k] = x * box.u[0] + y * box.u[1]
    b[k] = x * box.v[0] + y * box.v[1]
  })
  return { xy, a, b }
}

/** A vertical cylinder that explains the wall: centre (world xy) and diameter, metres. */
export interface CylinderEvidence {
  centerX: number
  centerY: number
  diameterM: number
  arcSpanRad: number
}

/**
 * Tests whether the wall is an arc of a vertical cylinder: a robust circle fit with enough inliers, an arc of at
 * least 90° that faces the camera (convex towards it), a diameter the visible extents allow (an arc of ≥ 90° has a
 * chord of at least 0.71·D), and residuals clearly below those of the visible box's sides (a box corner is not a
 * cylinder). The diameter is the larger of the circle's and the silhouette's (see silhouetteCircle). Returns null
 * when any test fails.
 * @param bandM inlier band (noise scale), metres. @param cameraXY the camera's position in world xy.
 * @param pixelAngleRad angle one pixel subtends (1 / focal length in pixels).
 */
export function cylinderEvidence(
  wall: WallPoints,
  box: AxisBox,
  bandM: number,
  cameraXY: [number, number],
  pixelAngleRad: number,
): CylinderEvidence | null {
  if (wall.a.length < 40) return null
  const fit = fitCircle(wall.xy, bandM)
  if (!fit || fit.inlierFraction < MIN_INLIER_FRACTION || fit.arcSpanRad < MIN_ARC_SPAN_RAD)
    return null
  const toCameraX = cameraXY[0] - fit.centerX
  const toCameraY = cameraXY[1] - fit.centerY
  const toCameraNorm = Math.hypot(toCameraX, toCameraY)
  if (toCameraNorm <= fit.radiusM) return null
  const facing = (fit.arcDirection[0] * toCameraX + fit.arcDirection[1] * toCameraY) / toCameraNorm
  if (facing < Math.cos(MAX_ARC_FACING_RAD)) return null
  const diameter = 2 * fit.radiusM
  const widest = Math.max(box.uRange[1] - box.uRange[0], box.vRange[1] - box.vRange[0])
  if (diameter > 1.6 * widest + 2 * bandM || diameter < 0.75 * widest - 2 * bandM) return null
  if (fit.medianResidualM > MAX_RESIDUAL_RATIO * boxSideResidual(wall, box)) return null
  const silhouette = silhouetteCircle(wall.xy, cameraXY, [fit.centerX, fit.centerY], pixelAngleRad)
  if (silhouette && silhouette.diameterM > diameter)
    return { ...silhouette, arcSpanRad: fit.arcSpanRad }
  return {
    centerX: fit.centerX,
    centerY: fit.centerY,
    diameterM: diameter,
    arcSpanRad: fit.arcSpanRad,
  }
}

/**
 * The cylinder from its silhouette: depth noise moves points along their rays, which at the silhouette run
 * along the cylinder's tangents, so the wall's extent across the line of sight keeps the diameter while a circle
 * fit to noisy points shrinks (the noise there is of the order of a mug's radius at 1.5 m). The 0.5–99.5 % extent
 * of the outermost pixels falls short of the silhouette by about half a pixel (measured on exact ray-cast
 * cylinders at 320 and 640 px wide); that is added back. The centre sits one
 * radius behind the front of the wall. Null when too few points face the camera.
 */
function silhouetteCircle(
  xy: Float64Array,
  cameraXY: [number, number],
  roughCenter: [number, number],
  pixelAngleRad: number,
): Omit<CylinderEvidence, 'arcSpanRad'> | null {
  const n = xy.length / 2
  const dx = roughCenter[0] - cameraXY[0]
  const dy = roughCenter[1] - cameraXY[1]
  const range = Math.hypot(dx, dy)
  const [ax, ay] = [dx / range, dy / range]
  const lateral = new Float64Array(n)
  const along = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2] - cameraXY[0]
    const y = xy[i * 2 + 1] - cameraXY[1]
    lateral[i] = -ay * x + ax * y
    along[i] = ax * x + ay * y
  }
  const scratch = Float64Array.from(lateral)
  const lo = selectInPlace(scratch, 0.005 * (n - 1))
  const hi = selectInPlace(scratch, 0.995 * (n - 1))
  const diameter = hi - lo + 0.5 * pixelAngleRad * range
  const radius = diameter / 2
  const mid = (lo + hi) / 2
  const front = new Float64Array(n)
  let count = 0
  for (let i = 0; i < n; i++)
    if (Math.abs(lateral[i] - mid) < 0.3 * radius) front[count++] = along[i]
  if (count < 10) return null
  // Over |t| < 0.3 R the wall lies on average 0.985 R in front of the centre.
  const centerAlong = medianInPlace(front.subarray(0, count)) + 0.985 * radius
  return {
    centerX: cameraXY[0] + ax * centerAlong - ay * mid,
    centerY: cameraXY[1] + ay * centerAlong + ax * mid,
    diameterM: diameter,
  }
}

/** Median distance of the wall points to the nearest side of the visible footprint rectangle, metres. */
function boxSideResidual(wall: WallPoints, box: AxisBox): number {
  const distances = new Float64Array(wall.a.length)
  for (let i = 0; i < distances.length; i++) {
    const a = wall.a[i]
    const b = wall.b[i]
    distances[i] = Math.min(
      Math.abs(a - box.uRange[0]),
      Math.abs(a - box.uRange[1]),
      Math.abs(b - box.vRange[0]),
      Math.abs(b - box.vRange[1]),
    )
  }
  return medianInPlace(distances)
}

/**
 * Whether a visible vertical face spans the extent along `axis` in full: the wall points near one of the two
 * sides across that axis hold a fair share of the wall and cover most of the extent. A box seen head-on has such
 * a face along its width (its front) but not along its depth (only the front's edge is near a side).
 * @param faceBandM how close to a side a point must be to belong to that face, metres.
 */
export function isSpannedByFace(
  wall: WallPoints,
  box: AxisBox,
  axis: 'u' | 'v',
  faceBandM: number,
): boolean {
  const along = axis === 'u' ? wall.a : wall.b
  const across = axis === 'u' ? wall.b : wall.a
  const range = axis === 'u' ? box.uRange : box.vRange
  const sides = axis === 'u' ? box.vRange : box.uRange
  const extent = range[1] - range[0]
  if (extent <= 0 || along.length === 0) return false
  const onFace = new Float64Array(along.length)
  for (const side of sides) {
    let count = 0
    for (let i = 0; i < across.length; i++)
      if (Math.abs(across[i] - side) <= faceBandM) onFace[count++] = along[i]
    if (count < MIN_FACE_SHARE * along.length) continue
    const face = onFace.subarray(0, count)
    const span = selectInPlace(face, 0.98 * (count - 1)) - selectInPlace(face, 0.02 * (count - 1))
    if (span >= MIN_FACE_SPAN * extent) return true
  }
  return false
}
