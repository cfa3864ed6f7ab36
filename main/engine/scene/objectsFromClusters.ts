import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { quantileSorted } from '../geometry/stats'

/** A geometry cluster must rise at least this far above the support plane (carpet and clutter noise stay out). */
const MIN_TOP_ABOVE_PLANE_M = 0.03
/** More clusters than this are fragments of clutter and background; keep the largest. */
const MAX_CLUSTER_OBJECTS = 40

/**
 * Objects from geometry alone: clusters of points above the support plane. The clustering voxel
 * follows the point spacing (z/fx at the far end of the object points) so distant, sparse objects
 * do not crumble into fragments, and never drops below 1 cm. The minimum size is about 3 × 3 cm of
 * surface at that depth.
 */
export function objectsFromClusters(context: LiftContext): ObjectCandidate[] {
  const { cloud, isAbovePlane, frame } = context
  let count = 0
  for (let i = 0; i < cloud.count; i++) count += isAbovePlane[i]
  if (count === 0) return []
  const selected = new Uint32Array(count)
  for (let i = 0, n = 0; i < cloud.count; i++) if (isAbovePlane[i]) selected[n++] = i
  // The far end of the object points sets the spacing; a strided sample of depths is enough.
  const step = Math.max(1, Math.floor(count / 2048))
  const depths = new Float32Array(Math.ceil(count / step))
  for (let k = 0; k < depths.length; k++)
    depths[k] = cloud.pointsInCamera[selected[k * step] * 3 + 2]
  const spacingM = quantileSorted(depths.sort(), 0.75) / frame.intrinsics.fx
  const voxelSizeM = Math.min(0.05, Math.max(0.01, 2.5 * spacingM))
  const points = gatherPoints(context.pointsInWorld, selected)
  const minPoints = Math.max(100, Math.round((0.03 / spacingM) ** 2))
  const clusters = clusterPoints(points, {
    voxelSizeM,
    minPoints,
    minExtentM: 0.04,
    maxExtentM: 2.5,
  })
  const hasPlane = context.plane !== null
  return clusters
    .filter((members) => !hasPlane || topOf(points, members) >= MIN_TOP_ABOVE_PLANE_M)
    .slice(0, MAX_CLUSTER_OBJECTS)
    .map((members) => ({
      label: '',
      origin: 'cluster' as const,
      pointIndices: members.map((k) => selected[k]),
    }))
}

function topOf(points: Float32Array, members: Uint32Array): number {
  let top = -Infinity
  for (const k of members) top = Math.max(top, points[k * 3 + 2])
  return top
}
