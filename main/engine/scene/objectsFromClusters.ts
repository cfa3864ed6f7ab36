import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { quantile } from '../geometry/stats'

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
  const selected: number[] = []
  for (let i = 0; i < cloud.count; i++) if (isAbovePlane[i]) selected.push(i)
  if (selected.length === 0) return []
  const depths = Float32Array.from(selected, (point) => cloud.pointsInCamera[point * 3 + 2])
  const spacingM = quantile(depths, 0.75) / frame.intrinsics.fx
  const voxelSizeM = Math.min(0.05, Math.max(0.01, 2.5 * spacingM))
  const points = gatherPoints(context.pointsInWorld, selected)
  const minPoints = Math.max(100, Math.round((0.03 / spacingM) ** 2))
  const clusters = clusterPoints(points, { voxelSizeM, minPoints, minExtentM: 0.04, maxExtentM: 2.5 })
  const hasPlane = context.plane !== null
  return clusters
    .filter((members) => !hasPlane || topOf(points, members) >= MIN_TOP_ABOVE_PLANE_M)
    .slice(0, MAX_CLUSTER_OBJECTS)
    .map((members) => ({
      label: '',
      origin: 'cluster' as const,
      pointIndices: Uint32Array.from(members, (k) => selected[k]),
    }))
}

function topOf(points: Float32Array, members: Uint32Array): number {
  let top = -Infinity
  for (const k of members) top = Math.max(top, points[k * 3 + 2])
  return top
}
