/**
 * Places a question measures from: an object, the camera or the support surface. One distance function per pair
 * of them, each saying what it measured. World frame (z up, origin on the support plane), metres.
 * Pure TypeScript.
 */

import { closestBoxDistance } from '../answers/boxGeometry'
import { extentOf } from '../answers/objectSize'
import type { ObjectBox, Scene, SceneObject, Vec3 } from '../types'

/** Something a distance is measured from. */
export type Place =
  { kind: 'object'; object: SceneObject } | { kind: 'camera' } | { kind: 'surface'; word: string }

/** Camera centre in the world frame: the translation of worldFromCamera (column-major), metres. */
export function cameraInWorld(scene: Scene): Vec3 {
  const m = scene.worldFromCamera
  return [m[12], m[13], m[14]]
}

/** Distance from the camera centre to an object's box centre, metres (norm of the camera-frame centre). */
export function cameraCentreDistance(o: SceneObject): number {
  return Math.hypot(o.centerInCamera[0], o.centerInCamera[1], o.centerInCamera[2])
}

function pointBox(p: Vec3): ObjectBox {
  return {
    centerInWorld: p,
    centerInCamera: [0, 0, 0],
    sizeM: { width: 0, depth: 0, height: 0 },
    yawRad: 0,
  }
}

/** Closest distance from the camera centre to an object's box, metres (0 when the camera is inside it). */
export function cameraSurfaceDistance(
  scene: Scene,
  o: SceneObject,
): { distanceM: number; pointOnBox: Vec3 } {
  const r = closestBoxDistance(pointBox(cameraInWorld(scene)), o)
  return { distanceM: r.distanceM, pointOnBox: r.pointOnB }
}

/**
 * Bottom, centre and top heights of an object above the support plane (world z), metres. The bottom is the
 * visible box's (where the object meets what holds it); the height is the one size questions use
 * (answers/objectSize.ts, the full-object box when there is one), so a lost top is counted here too.
 */
export function levelsOf(
  scene: Scene,
  o: SceneObject,
): { bottom: number; centre: number; top: number } {
  const bottom = o.centerInWorld[2] - o.sizeM.height / 2
  const h = extentOf(scene, o, 'height').value as number
  return { bottom, centre: bottom + h / 2, top: bottom + h }
}

/** How far below the plane a bottom may read and still count as resting on it (depth noise), metres. */
export const RESTING_TOLERANCE_M = 0.03

/**
 * The value a ranking by distance uses from `from` to `o`, metres, and how it was measured.
 * Object: centre to centre. Camera: camera centre to box centre. Surface: box bottom above the plane.
 */
export function distanceFromPlace(
  scene: Scene,
  from: Place,
  o: SceneObject,
): { valueM: number; method: string } {
  if (from.kind === 'camera')
    return { valueM: cameraCentreDistance(o), method: 'camera centre to box centre' }
  if (from.kind === 'surface') {
    return {
      valueM: Math.max(0, levelsOf(scene, o).bottom),
      method: 'box bottom above the support plane',
    }
  }
  const r = from.object.centerInWorld
  const c = o.centerInWorld
  return { valueM: Math.hypot(c[0] - r[0], c[1] - r[1], c[2] - r[2]), method: 'centre to centre' }
}

/** Readable name of a place: "the camera", "the support plane (the table)", "the mug". */
export function placeName(p: Place): string {
  if (p.kind === 'camera') return 'the camera'
  if (p.kind === 'surface') return `the support plane ("${p.word}")`
  return `the ${p.object.name}`
}

/** Whether A rests on B: A's bottom within the tolerance of B's top and their footprints overlap. */
export function restsOn(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
): { holds: boolean; gapM: number; overlapsM: number } {
  const gapM = levelsOf(scene, a).bottom - levelsOf(scene, b).top
  const xy = closestBoxDistance(
    { ...a, centerInWorld: [a.centerInWorld[0], a.centerInWorld[1], 0] },
    {
      ...b,
      centerInWorld: [b.centerInWorld[0], b.centerInWorld[1], 0],
    },
  ).horizontalM
  return { holds: Math.abs(gapM) <= RESTING_TOLERANCE_M && xy === 0, gapM, overlapsM: xy }
}

/** Whether an object rests on the support plane (bottom within the tolerance of it). */
export function restsOnSurface(scene: Scene, o: SceneObject): boolean {
  return levelsOf(scene, o).bottom <= RESTING_TOLERANCE_M
}
