import { createRandom } from '../random'
import {
  fitPlaneLeastSquares,
  planeFromThreePoints,
  type PlaneEquation,
} from '../geometry/planeFit'
import { relativeNoiseAt, type DepthNoiseModel } from './depthNoise'
import { gatherPoints } from './liftContext'

/** A support plane must hold at least this share of the inliers of the frame's dominant plane. */
const MIN_SHARE_OF_DOMINANT_PLANE = 0.12

export interface SupportPlaneOptions {
  /** Depth noise model of the frame (see estimateDepthNoise). */
  noise: DepthNoiseModel
  /** Inlier threshold of a point at depth z = max(minThresholdM, sigmas · σ_rel(z) · cameraHeight). */
  sigmas?: number
  minThresholdM?: number
  /** A support plane's up normal may tilt at most this far from the camera's up (−y) axis. */
  maxTiltRad?: number
  /** Fewer inliers than this fraction of the points: no support plane. */
  minInlierFraction?: number
  iterations?: number
  seed?: number
  /**
   * Proposes three nearby points (xyz interleaved, 9 numbers) for a hypothesis, or null. Local
   * triples find planes that cover only a small part of the view (a floor strip seen past
   * furniture), which uniform triples hit with probability (inlier fraction)³ — about 1/1000 at 10 %.
   */
  proposeLocalTriple?: (random: () => number) => Float32Array | null
}

export interface SupportPlane extends PlaneEquation {
  /** Inlier threshold in metres at the frame's typical depth (distance along the normal). */
  thresholdM: number
  /** Inlier threshold in metres for a point at depth z. */
  thresholdAt: (z: number) => number
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
export function findSupportPlane(
  points: Float32Array,
  options: SupportPlaneOptions,
): SupportPlane | null {
  const count = points.length / 3
  if (count < 50) return null
  const sigmas = options.sigmas ?? 2.5
  const minThreshold = options.minThresholdM ?? 0.01
  const minUpDot = Math.cos(options.maxTiltRad ?? (65 * Math.PI) / 180)
  const random = createRandom(options.seed ?? 7)
  // Per-depth noise scale, tabulated every 5 cm so the inner loops avoid the model arithmetic.
  const noiseTable = Float32Array.from(
    { length: 400 },
    (_, k) => sigmas * relativeNoiseAt(options.noise, k * 0.05),
  )
  const scaleAt = (z: number) => noiseTable[z < 19.97 ? (z * 20 + 0.5) | 0 : 399]

  const sample = randomSubset(count, Math.min(count, 3000), random)
  const { sampleScale, samplePoints } = sampleOf(points, sample, scaleAt)
  let best: PlaneEquation | null = null
  let bestCost = Infinity
  const maxIterations = options.iterations ?? 400
  // Standard RANSAC stopping rule: enough iterations to draw one all-inlier triple with 99.9 %
  // probability, given the best inlier fraction seen so far (at least 40, at most maxIterations).
  let needed = maxIterations
  // The dominant plane of any orientation, to tell a real support plane from a sliver: when the
  // view is a wall or a table seen from straight above, the best "up" plane is a small slice
  // through clutter, and the frame must fall back instead.
  let bestUpInliers = 0
  let dominantInliers = 0
  for (let iteration = 0; iteration < Math.min(needed, maxIterations); iteration++) {
    const plane = orientUp(
      proposePlane(
        points,
        sample,
        random,
        iteration % 2 === 1 ? options.proposeLocalTriple : undefined,
      ),
    )
    if (!plane) continue
    const { cost, inliers } = msacCost(samplePoints, sampleScale, plane, minThreshold)
    dominantInliers = Math.max(dominantInliers, inliers)
    if (-plane.normal[1] < minUpDot) continue
    if (cost < bestCost) {
      bestCost = cost
      best = plane
      bestUpInliers = inliers
      const fraction = inliers / sample.length
      needed = Math.max(
        options.proposeLocalTriple ? 100 : 40,
        Math.ceil(Math.log(0.001) / Math.log(1 - Math.max(1e-6, fraction) ** 3)),
      )
    }
  }
  if (!best || bestUpInliers < MIN_SHARE_OF_DOMINANT_PLANE * dominantInliers) return null
  let plane: PlaneEquation = best
  let inliers = inliersOf(points, plane, scaleAt, minThreshold)
  for (let round = 0; round < 2; round++) {
    const refined = orientUp(fitPlaneLeastSquares(points, inliers))
    if (!refined || -refined.normal[1] < minUpDot) break
    plane = refined
    inliers = inliersOf(points, plane, scaleAt, minThreshold)
  }
  if (inliers.length < Math.max(30, (options.minInlierFraction ?? 0.05) * count)) return null
  const offset = plane.offset
  const thresholdAt = (z: number) =>
    Math.max(minThreshold, sigmas * relativeNoiseAt(options.noise, z) * offset)
  return {
    ...plane,
    thresholdM: thresholdAt(options.noise.typicalZ),
    thresholdAt,
    inlierCount: inliers.length,
  }
}

/** A plane through three points: uniformly drawn from the sample, or from the local proposer. */
function proposePlane(
  points: Float32Array,
  sample: Uint32Array,
  random: () => number,
  proposeLocalTriple?: (random: () => number) => Float32Array | null,
): PlaneEquation | null {
  if (proposeLocalTriple) {
    const triple = proposeLocalTriple(random)
    return triple ? planeFromThreePoints(triple, 0, 1, 2) : null
  }
  const a = sample[Math.floor(random() * sample.length)]
  const b = sample[Math.floor(random() * sample.length)]
  const c = sample[Math.floor(random() * sample.length)]
  if (a === b || b === c || a === c) return null
  return planeFromThreePoints(points, a, b, c)
}

/** Flips the plane so the camera (origin) is on its positive side: offset > 0. */
function orientUp(plane: PlaneEquation | null): PlaneEquation | null {
  if (!plane) return null
  if (plane.offset >= 0) return plane
  const [x, y, z] = plane.normal
  return { normal: [-x, -y, -z], offset: -plane.offset }
}

type ScaleAt = (z: number) => number

/**
 * The sample's noise scales, and its coordinates side by side (36 kB for 3000 points): every hypothesis reads them
 * all, so a contiguous copy stays in cache where the scattered originals did not.
 */
function sampleOf(
  points: Float32Array,
  sample: Uint32Array,
  scaleAt: ScaleAt,
): { sampleScale: Float32Array; samplePoints: Float32Array } {
  return {
    sampleScale: Float32Array.from(sample, (i) => scaleAt(points[i * 3 + 2])),
    samplePoints: gatherPoints(points, sample),
  }
}

/**
 * MSAC cost normalised by each point's threshold: hypotheses have different thresholds (scaled by
 * their own camera height), and raw squared residuals would favour small planes near the camera.
 */
function msacCost(
  samplePoints: Float32Array,
  sampleScale: Float32Array,
  plane: PlaneEquation,
  minThreshold: number,
): { cost: number; inliers: number } {
  const [nx, ny, nz] = plane.normal
  const d = plane.offset
  let cost = 0
  let inliers = 0
  for (let k = 0; k < sampleScale.length; k++) {
    const i = k * 3
    const r = nx * samplePoints[i] + ny * samplePoints[i + 1] + nz * samplePoints[i + 2] + d
    const scaled = sampleScale[k] * d
    const threshold = scaled > minThreshold ? scaled : minThreshold
    const normalised = (r * r) / (threshold * threshold)
    if (normalised < 1) {
      cost += normalised
      inliers++
    } else {
      cost += 1
    }
  }
  return { cost, inliers }
}

function inliersOf(
  points: Float32Array,
  plane: PlaneEquation,
  scaleAt: ScaleAt,
  minThreshold: number,
): Uint32Array {
  const [nx, ny, nz] = plane.normal
  const d = plane.offset
  const count = points.length / 3
  const out = new Uint32Array(count)
  let n = 0
  for (let i = 0; i < count; i++) {
    const z = points[i * 3 + 2]
    const r = nx * points[i * 3] + ny * points[i * 3 + 1] + nz * z + d
    const scaled = scaleAt(z) * d
    if (Math.abs(r) < (scaled > minThreshold ? scaled : minThreshold)) out[n++] = i
  }
  return out.subarray(0, n)
}

function randomSubset(count: number, size: number, random: () => number): Uint32Array {
  if (size >= count) return Uint32Array.from({ length: count }, (_, i) => i)
  const out = new Uint32Array(size)
  for (let k = 0; k < size; k++) out[k] = Math.floor(random() * count)
  return out
}
