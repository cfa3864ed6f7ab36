/**
 * Metric pair questions: centre distance (3D), closest gap between the boxes, horizontal and vertical distance.
 * World frame (z up), metres. Pure TypeScript.
 */

import type { Scene, SceneObject, Vec3 } from '../types'
import { closestBoxDistance } from './boxGeometry'
import {
  buildProvenance,
  formatLength,
  sentence,
  the,
  toAnswerObject,
  withFrameNote,
} from './format'
import type { Answer, PairQuantityKind } from './types'

function delta(a: SceneObject, b: SceneObject): Vec3 {
  return [
    b.centerInWorld[0] - a.centerInWorld[0],
    b.centerInWorld[1] - a.centerInWorld[1],
    b.centerInWorld[2] - a.centerInWorld[2],
  ]
}

function copy(v: Vec3): Vec3 {
  return [v[0], v[1], v[2]]
}

function lengthAnswer(
  scene: Scene,
  kind: PairQuantityKind,
  a: SceneObject,
  b: SceneObject,
  valueM: number,
  text: string,
  question: string,
  method: string,
  from: Vec3,
  to: Vec3,
): Answer {
  return {
    question,
    kind,
    text: withFrameNote(scene, kind, text),
    value: valueM,
    unit: 'm',
    objects: [toAnswerObject(a), toAnswerObject(b)],
    provenance: buildProvenance(scene, [a, b], method),
    geometry: {
      kind: 'segment',
      fromInWorld: from,
      toInWorld: to,
      lengthM: valueM,
      label: formatLength(valueM),
    },
    detail: { deltaInWorld: delta(a, b) },
  }
}

/**
 * Centre-to-centre 3D distance between the two fitted boxes, metres.
 * Geometry: segment between the two centres.
 */
export function distanceBetween(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer {
  const [dx, dy, dz] = delta(a, b)
  const d = Math.hypot(dx, dy, dz)
  return lengthAnswer(
    scene,
    'distance',
    a,
    b,
    d,
    `${sentence(the(a))} is ${formatLength(d)} from ${the(b)} (centre to centre).`,
    question ?? `How far is ${the(a)} from ${the(b)}?`,
    '3D Euclidean distance between the box centres (world frame)',
    copy(a.centerInWorld),
    copy(b.centerInWorld),
  )
}

/**
 * Closest surface-to-surface distance between the two boxes (exact for yaw-rotated, z-aligned boxes), metres;
 * 0 when they touch or intersect. Geometry: segment between the two closest points.
 */
export function gapBetween(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer {
  const r = closestBoxDistance(a, b)
  const d = r.distanceM
  const text =
    d <= 0
      ? `${sentence(the(a))} and ${the(b)} touch or overlap: there is no gap between their boxes.`
      : `The gap between ${the(a)} and ${the(b)} is ${formatLength(d)} (closest points of their boxes).`
  const ans = lengthAnswer(
    scene,
    'gap',
    a,
    b,
    d,
    text,
    question ?? `What is the gap between ${the(a)} and ${the(b)}?`,
    'exact closest distance between the two yaw-rotated boxes: sqrt(d_xy² + d_z²) of the footprint and height gaps',
    r.pointOnA,
    r.pointOnB,
  )
  ans.detail = { ...ans.detail, gapM: d, narrowestGapM: r.horizontalM }
  return ans
}

/**
 * Distance between the centres in the horizontal (world xy) plane, metres; needs gravity.
 * Geometry: segment from A's centre to the point under/over B's centre at A's height.
 */
export function horizontalDistance(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer {
  const [dx, dy] = delta(a, b)
  const d = Math.hypot(dx, dy)
  const [ax, ay, az] = a.centerInWorld
  return lengthAnswer(
    scene,
    'horizontal_distance',
    a,
    b,
    d,
    `The horizontal distance between ${the(a)} and ${the(b)} is ${formatLength(d)} (centres, along the support plane).`,
    question ?? `What is the horizontal distance between ${the(a)} and ${the(b)}?`,
    'distance between the box centres projected on the world xy plane',
    [ax, ay, az],
    [ax + dx, ay + dy, az],
  )
}

/**
 * Vertical distance |Δz| between the centres, metres; needs gravity.
 * Geometry: vertical segment from A's centre to B's centre height.
 */
export function verticalDistance(
  scene: Scene,
  a: SceneObject,
  b: SceneObject,
  question?: string,
): Answer {
  const dz = b.centerInWorld[2] - a.centerInWorld[2]
  const d = Math.abs(dz)
  const [ax, ay, az] = a.centerInWorld
  const which =
    d < 5e-4
      ? `their centres are at the same height`
      : dz > 0
        ? `${the(b)} is higher`
        : `${the(a)} is higher`
  return lengthAnswer(
    scene,
    'vertical_distance',
    a,
    b,
    d,
    `The vertical distance between ${the(a)} and ${the(b)} is ${formatLength(d)} (centres; ${which}).`,
    question ?? `What is the vertical distance between ${the(a)} and ${the(b)}?`,
    'absolute difference of the box centre heights (world z)',
    [ax, ay, az],
    [ax, ay, az + dz],
  )
}
