/**
 * Direction questions as clock hours (SpatialRGPT style): the angle from A to B in the world xy plane,
 * 12 o'clock = world +y (forward, away from the camera), 3 o'clock = world +x (right).
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import {
  buildProvenance,
  formatLength,
  sentence,
  the,
  toAnswerObject,
  withFrameNote,
} from './format'
import type { Answer } from './types'

/**
 * Angle clockwise from world +y of the xy vector (dx, dy), degrees in [0, 360).
 * @param dx metres along world x (right); @param dy metres along world y (forward).
 */
export function clockAngleDeg(dx: number, dy: number): number {
  const deg = (Math.atan2(dx, dy) * 180) / Math.PI
  return deg < 0 ? deg + 360 : deg
}

/** Nearest clock hour 1–12 of an angle clockwise from 12 o'clock, degrees. */
export function clockHourFromAngle(angleDeg: number): number {
  const h = Math.round(angleDeg / 30) % 12
  return h === 0 ? 12 : h
}

/**
 * Where B is seen from A: "the bottle is at 1 o'clock from the mug".
 * @param from A, the observer object; @param to B, the target object.
 * @returns value = integer hour 1–12, unit 'clock'; detail.angleDeg the exact angle; geometry an arrow at A's height.
 */
export function directionClock(
  scene: Scene,
  from: SceneObject,
  to: SceneObject,
  question?: string,
): Answer {
  const [ax, ay, az] = from.centerInWorld
  const dx = to.centerInWorld[0] - ax
  const dy = to.centerInWorld[1] - ay
  const dz = to.centerInWorld[2] - az
  const horiz = Math.hypot(dx, dy)
  const angleDeg = clockAngleDeg(dx, dy)
  const hour = clockHourFromAngle(angleDeg)
  const core =
    horiz < 1e-3
      ? `${sentence(the(to))} is directly ${dz >= 0 ? 'above' : 'below'} ${the(from)} (centres less than 1 mm apart horizontally), so it has no clock direction; reported as 12 o'clock.`
      : `${sentence(the(to))} is at ${hour} o'clock from ${the(from)} (${formatLength(horiz)} away horizontally; 12 o'clock = straight ahead, away from the camera).`
  return {
    question: question ?? `In which direction is ${the(to)} from ${the(from)}?`,
    kind: 'direction',
    text: withFrameNote(scene, 'direction', core),
    value: hour,
    unit: 'clock',
    objects: [toAnswerObject(from), toAnswerObject(to)],
    provenance: buildProvenance(
      scene,
      [from, to],
      "angle of the centre-to-centre vector in the world xy plane, clockwise from +y (12 o'clock), rounded to the nearest hour",
    ),
    geometry: {
      kind: 'arrow',
      fromInWorld: [ax, ay, az],
      toInWorld: [ax + dx, ay + dy, az],
      clockHour: hour,
      label: `${hour} o'clock`,
    },
    detail: { angleDeg, deltaInWorld: [dx, dy, dz] },
  }
}
