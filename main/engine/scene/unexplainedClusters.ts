import type { ObjectCandidate } from './liftContext'

/** A cluster sharing more than this fraction of its points with region objects is already explained. */
const MAX_SHARED_FRACTION = 0.3

/**
 * Geometry clusters that no region object explains: those sharing at most 30 % of their points
 * with the region objects. Used when a detector gives the regions, so objects it missed still appear
 * (with their descriptive names) instead of vanishing from the scene.
 */
export function unexplainedClusters(
  clusters: ObjectCandidate[],
  regionObjects: ObjectCandidate[],
  pointCount: number,
): ObjectCandidate[] {
  const isTaken = new Uint8Array(pointCount)
  for (const object of regionObjects) for (const point of object.pointIndices) isTaken[point] = 1
  return clusters.filter((cluster) => {
    let shared = 0
    for (const point of cluster.pointIndices) shared += isTaken[point]
    return shared <= MAX_SHARED_FRACTION * cluster.pointIndices.length
  })
}

/**
 * Detector regions whose lifted points are mostly (> 30 %) a user region's object describe that
 * object again; the user's region wins. (2D box overlap misses this when the user drew a tight box
 * and the detector a loose one.)
 */
export function withoutDetectorDuplicates(
  objects: ObjectCandidate[],
  pointCount: number,
): ObjectCandidate[] {
  const users = objects.filter((o) => o.source !== 'detector')
  const detected = objects.filter((o) => o.source === 'detector')
  if (users.length === 0 || detected.length === 0) return objects
  return [...users, ...unexplainedClusters(detected, users, pointCount)]
}
