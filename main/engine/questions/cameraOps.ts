/**
 * Operations from the camera's point of view: distance from the camera, the camera's height above the support
 * plane, and where an object is seen from the camera (clock hour, distance, offsets). World frame, metres.
 * Pure TypeScript.
 */

import { clockAngleDeg, clockHourFromAngle } from '../answers/direction'
import {
  buildProvenance,
  formatLength,
  sentence,
  the,
  toAnswerObject,
  withFrameNote,
} from '../answers/format'
import type { Answer } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import {
  cameraCentreDistance,
  cameraInWorld,
  cameraSurfaceDistance,
  levelsOf,
  restsOnSurface,
} from './places'

/**
 * Distance from the camera to an object. Value: camera centre to box centre, or to the box's closest surface when
 * `toSurface` (a gap question); the text gives both. Geometry: the measured segment.
 */
export function distanceFromCamera(
  scene: Scene,
  o: SceneObject,
  question: string,
  toSurface = false,
): Answer {
  const d = cameraCentreDistance(o)
  const s = cameraSurfaceDistance(scene, o)
  const v = toSurface ? s.distanceM : d
  const text = toSurface
    ? `The closest box surface of ${the(o)} is ${formatLength(s.distanceM)} from the camera (camera centre to the nearest point of its box); its centre is ${formatLength(d)} away.`
    : `${sentence(the(o))} is ${formatLength(d)} from the camera (camera centre to box centre); its closest box surface is ${formatLength(s.distanceM)} away.`
  return {
    question,
    kind: 'camera_distance',
    text,
    value: v,
    unit: 'm',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(
      scene,
      [o],
      toSurface
        ? 'camera centre to the nearest point of the box (world frame); centre: norm of the box centre in the camera frame'
        : 'camera centre to box centre: norm of the centre in the camera frame; closest surface: camera centre to the nearest point of the box',
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: cameraInWorld(scene),
      toInWorld: toSurface ? s.pointOnBox : [...o.centerInWorld],
      lengthM: v,
      label: formatLength(v),
    },
    detail: { comparedQuantity: 'distance from the camera', gapM: s.distanceM },
  }
}

/** Height of the camera centre above the support plane (world z of the camera), metres. */
export function cameraHeight(scene: Scene, question: string): Answer {
  if (scene.provenance.frameKind !== 'support-plane') {
    return {
      question,
      kind: 'unsupported',
      text: 'I cannot say how high the camera is: no support plane was found in this frame.',
      value: null,
      unit: null,
      objects: [],
      provenance: buildProvenance(scene, [], 'no value: the camera height needs a support plane'),
    }
  }
  const c = cameraInWorld(scene)
  return {
    question,
    kind: 'elevation',
    text: `The camera is ${formatLength(c[2])} above the support plane (camera centre to the plane, along its normal).`,
    value: c[2],
    unit: 'm',
    objects: [],
    provenance: buildProvenance(
      scene,
      [],
      'camera centre above the support plane: world z of the camera (the plane is z = 0)',
    ),
    geometry: {
      kind: 'segment',
      fromInWorld: [c[0], c[1], 0],
      toInWorld: c,
      lengthM: c[2],
      label: formatLength(c[2]),
    },
  }
}

/**
 * Where an object is, seen from the camera: clock direction on the support plane (12 = straight ahead), distance,
 * how far ahead and to the side, and whether it rests on the plane. Value: the clock hour.
 */
export function locateFromCamera(scene: Scene, o: SceneObject, question: string): Answer {
  const c = cameraInWorld(scene)
  const dx = o.centerInWorld[0] - c[0]
  const dy = o.centerInWorld[1] - c[1]
  const angleDeg = clockAngleDeg(dx, dy)
  const hour = clockHourFromAngle(angleDeg)
  const d = cameraCentreDistance(o)
  const side =
    Math.abs(dx) < 5e-3
      ? 'straight ahead'
      : `${formatLength(Math.abs(dx))} to the ${dx < 0 ? 'left' : 'right'}`
  const rests =
    scene.provenance.frameKind === 'support-plane'
      ? restsOnSurface(scene, o)
        ? '; it rests on the support plane'
        : `; its bottom is ${formatLength(levelsOf(scene, o).bottom)} above the support plane`
      : ''
  return {
    question,
    kind: 'location',
    text: withFrameNote(
      scene,
      'direction',
      `${sentence(the(o))} is at ${hour} o'clock from the camera, ${formatLength(d)} away (camera centre to box centre): ${formatLength(dy)} ahead and ${side}${rests}.`,
    ),
    value: hour,
    unit: 'clock',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(
      scene,
      [o],
      "box centre relative to the camera in the world frame: clock angle on the support plane (12 o'clock = forward), distance camera centre to box centre",
    ),
    geometry: {
      kind: 'arrow',
      fromInWorld: [c[0], c[1], 0],
      toInWorld: [o.centerInWorld[0], o.centerInWorld[1], 0],
      clockHour: hour,
      label: `${hour} o'clock`,
    },
    detail: { angleDeg, deltaInWorld: [dx, dy, o.centerInWorld[2] - c[2]] },
  }
}
