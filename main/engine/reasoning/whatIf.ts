/**
 * What-if moves: translate and/or rotate one object's box in the world frame and return a new Scene with it moved,
 * so any measurement can be re-run on the hypothetical scene. The input scene is never modified.
 * World frame (z up, x right, y forward), metres, radians. Pure TypeScript.
 */

import type { Scene, SceneObject, Vec3 } from '../types'
import { worldToCamera } from '../geometry/rigidTransform'
import { wrapYaw } from '../geometry/yaw'

/** A rigid move of one object's box: translation in the world frame and a yaw about world +z through its centre. */
export interface BoxMove {
  /** Metres along world x (right). */
  dxM?: number
  /** Metres along world y (forward). */
  dyM?: number
  /** Metres along world z (up). */
  dzM?: number
  /** Extra yaw about world +z, radians, counter-clockwise seen from above. */
  yawDeltaRad?: number
}

/** Result of a what-if move: the hypothetical scene and the moved object inside it. */
export interface MovedScene {
  scene: Scene
  moved: SceneObject
  /** Translation applied, world frame, metres. */
  deltaInWorld: Vec3
  yawDeltaRad: number
}

export { wrapYaw }

function findIndex(scene: Scene, object: SceneObject): number {
  const i = scene.objects.findIndex((o) => o.id === object.id && o.name === object.name)
  if (i < 0) throw new Error(`moveObject: "${object.name}" is not an object of this scene`)
  return i
}

/**
 * Move one object's box rigidly and return the hypothetical scene (other objects shared, not copied).
 * @param object an object of `scene` (matched by id and name).
 * @throws when the object is not in the scene or a component is not finite.
 */
export function moveObject(scene: Scene, object: SceneObject, move: BoxMove): MovedScene {
  const i = findIndex(scene, object)
  const d: Vec3 = [move.dxM ?? 0, move.dyM ?? 0, move.dzM ?? 0]
  const yawDeltaRad = move.yawDeltaRad ?? 0
  if (![...d, yawDeltaRad].every(Number.isFinite))
    throw new Error('moveObject: the move must be finite numbers')
  const o = scene.objects[i]
  const centerInWorld: Vec3 = [
    o.centerInWorld[0] + d[0],
    o.centerInWorld[1] + d[1],
    o.centerInWorld[2] + d[2],
  ]
  const moved: SceneObject = {
    ...o,
    centerInWorld,
    centerInCamera: worldToCamera(scene.worldFromCamera, centerInWorld),
    sizeM: { ...o.sizeM },
    yawRad: wrapYaw(o.yawRad + yawDeltaRad),
  }
  const objects = scene.objects.slice()
  objects[i] = moved
  return { scene: { ...scene, objects }, moved, deltaInWorld: d, yawDeltaRad }
}

/**
 * Push `object` horizontally toward (positive distance) or away from (negative) `target`, along the line joining
 * their centres in the world xy plane; its height stays the same.
 * @param distanceM how far to move, metres.
 * @throws when the two centres coincide in the xy plane (no direction).
 */
export function moveToward(
  scene: Scene,
  object: SceneObject,
  target: SceneObject,
  distanceM: number,
  yawDeltaRad = 0,
): MovedScene {
  const dx = target.centerInWorld[0] - object.centerInWorld[0]
  const dy = target.centerInWorld[1] - object.centerInWorld[1]
  const len = Math.hypot(dx, dy)
  if (!(len > 1e-9))
    throw new Error(`moveToward: "${object.name}" and "${target.name}" are at the same xy position`)
  return moveObject(scene, object, {
    dxM: (dx / len) * distanceM,
    dyM: (dy / len) * distanceM,
    yawDeltaRad,
  })
}
