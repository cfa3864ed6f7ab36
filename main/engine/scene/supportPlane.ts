import { createRandom } from '../random'
import { fitPlaneLeastSquares, planeFromThreePoints, type PlaneEquation } from '../geometry/planeFit'

export interface SupportPlaneOptions {
  /** Relative depth noise σ(z)/z of the frame (see estimateRelativeDepthNoise). */
  relativeNoise: number
  /** Inlier threshold = max(minThresholdM, sigmas · relativeNoise · cameraHeight). */
  sigmas?: number
  minThresholdM?: number
  /** A support plane's up normal may tilt at most this far from the camera's up (−y) axis. */
  maxTiltRad?: number
  /** Fewer inliers than this fraction of the points: no support plane. */
  minInlierFraction?: number
  iterations?: number
  seed?: number
}

export interface SupportPlane extends PlaneEquation {
  /** Inlier threshold in metres for this plane (distance along the normal). */
  thresholdM: number
  inlierCount: number
}

/**
 * Finds the support plane (floor or table) with RANSAC on a downsampled cloud in the camera frame.
 *
 * Why the threshold adapts: noise along a viewing ray is ε·p with ε ~ N(0, σ_rel), so its component
 * along the normal is ε·(n·p) = −ε·d for points on the plane — the same for every point, equal to
 * σ_rel times the camera's height above the plane. The threshold is therefore `sigmas·σ_rel·d`,
 * evaluated per hypothesis; a fixed 1 cm breaks as soon as the noise reaches 1 %.
 *
 * Only planes with the camera on their up side and an up normal within `maxTiltRad` of the camera's
 * −y axis are candidates (walls and top-down views give none, and the caller falls back to the
 * camera frame). Hypotheses are scored with MSAC on a random subset, then the winner is refined by
 * least squares on all its inliers.
 */
export function findSupportPlane(points: Float32Array, options: SupportPlaneOptions): SupportPlane | null {
  const count = points.length / 3
  if (count < 50) return null
  const sigmas = options.sigmas ?? 2.5
  const minThreshold = options.minThresholdM ?? 0.004
  const minUpDot = Math.cos(options.maxTiltRad ?? (65 * Math.PI) / 180)
  const random = createRandom(options.seed ?? 7)
  const thresholdFor = (offset: number) =>
    Math.max(minThreshold, sigmas * options.relativeNoise * Math.abs(offset))

  const sample = randomSubset(count, Math.min(count, 4000), random)
  let best: PlaneEquation | null = null
  let bestCost = Infinity
  const iterations = options.iterations ?? 400
  for (let iteration = 0; iteration < iterations; iteration++) {
    const a = sample[Math.floor(random() * sample.length)]
    const b = sample[Math.floor(random() * sample.length)]
    const c = sample[Math.floor(random() * sample.length)]
    if (a === b || b === c || a === c) continue
    const plane = orientUp(planeFromThreePoints(points, a, b, c))
    if (!plane || -plane.normal[1] < minUpDot) continue
    const threshold = thresholdFor(plane.offset)
    const cost = msacCost(points, sample, plane, threshold)
    if (cost < bestCost) {
      bestCost = cost
      best = plane
    }
  }
  if (!best) return null
  let plane: PlaneEquation = best
  let inliers = inliersOf(points, plane, thresholdFor(plane.offset))
  for (let round = 0; round < 3; round++) {
    const refined = orientUp(fitPlaneLeastSquares(points, inliers))
    if (!refined || -refined.normal[1] < minUpDot) break
    plane = refined
    inliers = inliersOf(points, plane, thresholdFor(plane.offset))
  }
  if (inliers.length < Math.max(30, (options.minInlierFraction ?? 0.05) * count)) return null
  return { ...plane, thresholdM: thresholdFor(plane.offset), inlierCount: inliers.length }
}

/** Flips the plane so the camera (origin) is on its positive side: offset > 0. */
function orientUp(plane: PlaneEquation | null): PlaneEquation | null {
  if (!plane) return null
  if (plane.offset >= 0) return plane
  const [x, y, z] = plane.normal
  return { normal: [-x, -y, -z], offset: -plane.offset }
}

function msacCost(points: Float32Array, sample: Uint32Array, plane: PlaneEquation, threshold: number): number {
  const [nx, ny, nz] = plane.normal
  const d = plane.offset
  // Normalised by the threshold: hypotheses have different thresholds (each is scaled by its own
  // camera height), and raw squared residuals would favour small planes near the camera.
  const inverseT2 = 1 / (threshold * threshold)
  let cost = 0
  for (let k = 0; k < sample.length; k++) {
    const i = sample[k] * 3
    const r = nx * points[i] + ny * points[i + 1] + nz * points[i + 2] + d
    const normalised = r * r * inverseT2
    cost += normalised < 1 ? normalised : 1
  }
  return cost
}

function inliersOf(points: Float32Array, plane: PlaneEquation, threshold: number): Uint32Array {
  const [nx, ny, nz] = plane.normal
  const d = plane.offset
  const out: number[] = []
  for (let i = 0; i < points.length / 3; i++) {
    const r = nx * points[i * 3] + ny * points[i * 3 + 1] + nz * points[i * 3 + 2] + d
    if (Math.abs(r) < threshold) out.push(i)
  }
  return Uint32Array.from(out)
}

function randomSubset(count: number, size: number, random: () => number): Uint32Array {
  if (size >= count) return Uint32Array.from({ length: count }, (_, i) => i)
  const out = new Uint32Array(size)
  for (let k = 0; k < size; k++) out[k] = Math.floor(random() * count)
  return out
}
