import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { median } from '../geometry/stats'

/**
 * Objects from geometry alone: clusters of points above the support plane. The clustering voxel
 * follows the point spacing (z/fx at the median object depth) so far, sparse objects do not
 * crumble into fragments, and never drops below 1 cm.
 */
export function objectsFromClusters(context: LiftContext): ObjectCandidate[] {
  const { cloud, isObjectPoint, frame } = context
  const selected: number[] = []
  for (let i = 0; i < cloud.count; i++) if (isObjectPoint[i]) selected.push(i)
  if (selected.length === 0) return []
  const depths = new Float32Array(selected.length)
  for (let k = 0; k < selected.length; k++) depths[k] = cloud.pointsInCamera[selected[k] * 3 + 2]
  const spacingM = median(depths) / frame.intrinsics.fx
  const voxelSizeM = Math.min(0.04, Math.max(0.01, 2.5 * spacingM))
  const points = gatherPoints(context.pointsInWorld, selected)
  // Minimum size: about 2 cm × 2 cm of surface at the median depth, and never below 40 points.
  const minPoints = Math.max(40, Math.round((0.02 / spacingM) ** 2))
  const clusters = clusterPoints(points, { voxelSizeM, minPoints, minExtentM: 0.03, maxExtentM: 2.5 })
  return clusters.map((members) => ({
    label: '',
    origin: 'cluster' as const,
    pointIndices: Uint32Array.from(members, (k) => selected[k]),
  }))
}
