import type { LiftedCloud } from './backproject'
import type { SupportPlane } from './supportPlane'

/** Minimum height above (or depth below) the plane for a point to count as off the plane, metres. */
const MIN_OFF_PLANE_M = 0.008

export interface PlaneSegmentation {
  /** World-frame xyz of the off-plane points (plane points are left at 0: nothing reads them). */
  pointsInWorld: Float32Array
  isAbovePlane: Uint8Array
  isOffPlane: Uint8Array
  isCandidatePixel: Uint8Array
}

/**
 * Splits the cloud into plane, above-plane and below-plane points with the plane's own
 * depth-dependent threshold (×1.2, at least 8 mm), and moves the off-plane points to the world
 * frame in the same pass. Without a plane every point is an object candidate.
 */
export function segmentByPlane(
  cloud: LiftedCloud,
  worldFromCamera: Float64Array,
  plane: SupportPlane | null,
  pixelCount: number,
): PlaneSegmentation {
  const m = worldFromCamera
  const p = cloud.pointsInCamera
  // Per-depth threshold, tabulated every 5 cm: noise on structured-light sensors grows with range.
  const offAt = Float32Array.from({ length: 400 }, (_, k) =>
    plane ? Math.max(MIN_OFF_PLANE_M, 1.2 * plane.thresholdAt(k * 0.05)) : -Infinity,
  )
  const pointsInWorld = new Float32Array(cloud.count * 3)
  const isAbovePlane = new Uint8Array(cloud.count)
  const isOffPlane = new Uint8Array(cloud.count)
  const isCandidatePixel = new Uint8Array(pixelCount)
  for (let i = 0; i < cloud.count; i++) {
    const x = p[i * 3]
    const y = p[i * 3 + 1]
    const z = p[i * 3 + 2]
    const height = m[2] * x + m[6] * y + m[10] * z + m[14]
    const threshold = offAt[z < 19.97 ? (z * 20 + 0.5) | 0 : 399]
    const isAbove = height > threshold
    if (!isAbove && height >= -threshold) continue
    if (isAbove) isAbovePlane[i] = 1
    isOffPlane[i] = 1
    isCandidatePixel[cloud.pixelOfPoint[i]] = 1
    pointsInWorld[i * 3] = m[0] * x + m[4] * y + m[8] * z + m[12]
    pointsInWorld[i * 3 + 1] = m[1] * x + m[5] * y + m[9] * z + m[13]
    pointsInWorld[i * 3 + 2] = height
  }
  return { pointsInWorld, isAbovePlane, isOffPlane, isCandidatePixel }
}
