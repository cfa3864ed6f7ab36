import { Mesh, Raycaster, Vector2, type Camera, type Object3D, type Points } from 'three'
import type { SceneCloud } from '../../../main/contract/sceneSchema'
import type { WorldVec3 } from './worldFrame'

/** What lies under the pointer in 3D: an object (its box, or a point of it) and the nearest point. */
export interface ScenePick {
  objectName: string | null
  /** The nearest cloud point along the ray (world frame, metres), or null when the ray misses. */
  pointInWorld: WorldVec3 | null
}

export interface PickTargets {
  camera: Camera
  cloud: { points: Points; data: SceneCloud } | null
  /** Groups with userData.kind 'object-box' and name = the object's name. */
  boxes: readonly Object3D[]
  objectNameOfId: ReadonlyMap<number, string>
}

const raycaster = new Raycaster()
const ndc = new Vector2()

/**
 * Casts a ray through normalised device coordinates (x, y in −1…1): the nearest object box it
 * enters (filled faces only; the edge lines would catch everything with the default line threshold)
 * and the nearest cloud point within `pointThresholdM` of it, with the object that point belongs to.
 */
export function pickScene(
  targets: PickTargets,
  ndcX: number,
  ndcY: number,
  pointThresholdM: number,
): ScenePick | null {
  raycaster.setFromCamera(ndc.set(ndcX, ndcY), targets.camera)
  raycaster.params.Points.threshold = pointThresholdM
  const fills: Object3D[] = []
  for (const box of targets.boxes)
    box.traverse((child) => child instanceof Mesh && fills.push(child))
  const boxHit = raycaster.intersectObjects(fills, false)[0]
  const pointHit = targets.cloud
    ? raycaster.intersectObject(targets.cloud.points, false)[0]
    : undefined
  let pointInWorld: WorldVec3 | null = null
  let objectOfPoint: string | null = null
  if (pointHit?.index !== undefined && targets.cloud) {
    const { positionsInWorld, objectOfPoint: ids } = targets.cloud.data
    const i = pointHit.index
    pointInWorld = [
      positionsInWorld[i * 3],
      positionsInWorld[i * 3 + 1],
      positionsInWorld[i * 3 + 2],
    ]
    objectOfPoint = targets.objectNameOfId.get(ids[i]) ?? null
  }
  const boxName = boxHit ? boxGroupName(boxHit.object) : null
  // The box in front wins; a point nearer than every box names the object it belongs to.
  const isPointNearer = pointHit && (!boxHit || pointHit.distance < boxHit.distance)
  const objectName = isPointNearer ? (objectOfPoint ?? boxName) : (boxName ?? objectOfPoint)
  if (!objectName && !pointInWorld) return null
  return { objectName, pointInWorld }
}

function boxGroupName(object: Object3D): string | null {
  for (let node: Object3D | null = object; node; node = node.parent)
    if (node.userData.kind === 'object-box') return node.name
  return null
}
