/**
 * Click-to-measure: the distance between two things a user picked, each an object of the scene or a
 * 3D point. World frame (z up), metres. Pure TypeScript.
 */

import type { ObjectBox, Scene, SceneObject, Vec3 } from '../types'
import { closestBoxDistance } from './boxGeometry'
import { distanceBetween, gapBetween } from './distances'
import { formatLength, sentence, the, toAnswerObject } from './format'
import type { AnswerObject } from './types'

/** One end of a measurement. */
export type MeasureEnd = { object: SceneObject } | { pointInWorld: Vec3 }

/** A measured length and what to draw for it. */
export interface Measurement {
  kind: 'objects' | 'points' | 'point-object'
  /** One sentence with every number. */
  text: string
  /** Short text for the drawn line. */
  label: string
  /** Closest-surface gap for two objects (0 when they touch), point-to-box distance, or point distance. */
  valueM: number
  fromInWorld: Vec3
  toInWorld: Vec3
  /** Centre-to-centre distance (to the point for a point and an object); null for two points. */
  centerDistanceM: number | null
  objects: AnswerObject[]
  method: string
}

/**
 * Measures between two picks. Two objects: the exact closest distance between their boxes
 * ({@link gapBetween}) and their centre distance ({@link distanceBetween}), the gap drawn. Two points:
 * the straight line. A point and an object: the closest distance from the point to the object's box.
 */
export function measureBetween(scene: Scene, a: MeasureEnd, b: MeasureEnd): Measurement {
  if ('object' in a && 'object' in b) return measureObjects(scene, a.object, b.object)
  if ('pointInWorld' in a && 'pointInWorld' in b)
    return measurePoints(a.pointInWorld, b.pointInWorld)
  return 'object' in a
    ? reversed(measurePointToObject((b as { pointInWorld: Vec3 }).pointInWorld, a.object))
    : measurePointToObject(a.pointInWorld, (b as { object: SceneObject }).object)
}

function measureObjects(scene: Scene, a: SceneObject, b: SceneObject): Measurement {
  const gap = gapBetween(scene, a, b)
  const centres = distanceBetween(scene, a, b)
  const gapM = gap.value as number
  const centerDistanceM = centres.value as number
  const segment = gap.geometry?.kind === 'segment' ? gap.geometry : null
  return {
    kind: 'objects',
    text: `${gap.text} Their centres are ${formatLength(centerDistanceM)} apart.`,
    label: gapM > 0 ? `${formatLength(gapM)} gap` : 'touching',
    valueM: gapM,
    fromInWorld: segment ? segment.fromInWorld : [...a.centerInWorld],
    toInWorld: segment ? segment.toInWorld : [...b.centerInWorld],
    centerDistanceM,
    objects: gap.objects,
    method: `${gap.provenance.method}; centres: ${centres.provenance.method}`,
  }
}

function measurePoints(from: Vec3, to: Vec3): Measurement {
  const d = distance(from, to)
  return {
    kind: 'points',
    text: `The two points are ${formatLength(d)} apart (straight line).`,
    label: formatLength(d),
    valueM: d,
    fromInWorld: [...from],
    toInWorld: [...to],
    centerDistanceM: null,
    objects: [],
    method: '3D Euclidean distance between the two picked points (world frame)',
  }
}

function measurePointToObject(point: Vec3, object: SceneObject): Measurement {
  // A point is a box of size zero: the exact box-to-box distance then is point-to-box.
  const closest = closestBoxDistance(pointBox(point), object)
  const d = closest.distanceM
  const centerDistanceM = distance(point, object.centerInWorld)
  const where =
    d <= 0 ? `is inside ${the(object)}'s box` : `is ${formatLength(d)} from ${the(object)}'s box`
  return {
    kind: 'point-object',
    text: `${sentence(`the point ${where}`)} (closest surface); ${formatLength(centerDistanceM)} from its centre.`,
    label: d > 0 ? formatLength(d) : 'inside',
    valueM: d,
    fromInWorld: [...point],
    toInWorld: d > 0 ? closest.pointOnB : [...object.centerInWorld],
    centerDistanceM,
    objects: [toAnswerObject(object)],
    method: 'exact closest distance from the point to the yaw-rotated box (world frame)',
  }
}

function reversed(m: Measurement): Measurement {
  return { ...m, fromInWorld: m.toInWorld, toInWorld: m.fromInWorld }
}

function pointBox(point: Vec3): ObjectBox {
  return {
    centerInWorld: point,
    centerInCamera: [0, 0, 0],
    sizeM: { width: 0, depth: 0, height: 0 },
    yawRad: 0,
  }
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
}
