/**
 * Single-object size questions: width, depth, height (box extents, metres) and volume (m³).
 * width: along the box axis nearest world x; depth: across it; height: along world z (needs gravity).
 * Pure TypeScript.
 */

import type { Scene, SceneObject } from '../types'
import { boxVolume, extentSegment } from './boxGeometry'
import { buildProvenance, formatLength, formatVolume, the, toAnswerObject, withFrameNote } from './format'
import type { Answer } from './types'

/** Which extent to report. */
export type ExtentAxis = 'width' | 'depth' | 'height'

const WORDS: Record<ExtentAxis, { adjective: string; method: string }> = {
  width: { adjective: 'wide', method: 'fitted box extent along its width axis (nearest world x)' },
  depth: { adjective: 'deep', method: 'fitted box extent across its width axis, in the horizontal plane' },
  height: { adjective: 'tall', method: 'fitted box extent along world z (up)' },
}

/**
 * One box extent of an object, metres. Geometry: segment through the centre along that axis.
 * @param axis 'width' | 'depth' | 'height'.
 */
export function extentOf(scene: Scene, o: SceneObject, axis: ExtentAxis, question?: string): Answer {
  const v = o.sizeM[axis]
  const [from, to] = extentSegment(o, axis)
  const w = WORDS[axis]
  const text = `The ${o.name} is ${formatLength(v)} ${w.adjective} (${axis} of its fitted box).`
  return {
    question: question ?? `How ${w.adjective} is ${the(o)}?`,
    kind: axis,
    text: withFrameNote(scene, axis, text),
    value: v,
    unit: 'm',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(scene, [o], w.method),
    geometry: { kind: 'segment', fromInWorld: from, toInWorld: to, lengthM: v, label: formatLength(v) },
  }
}

/** Width of the object's box, metres. */
export const widthOf = (scene: Scene, o: SceneObject, question?: string): Answer =>
  extentOf(scene, o, 'width', question)
/** Depth of the object's box, metres. */
export const depthOf = (scene: Scene, o: SceneObject, question?: string): Answer =>
  extentOf(scene, o, 'depth', question)
/** Height of the object's box, metres (needs gravity). */
export const heightOf = (scene: Scene, o: SceneObject, question?: string): Answer =>
  extentOf(scene, o, 'height', question)

/** Volume w·d·h of the object's box, m³. Geometry highlights the object. */
export function volumeOf(scene: Scene, o: SceneObject, question?: string): Answer {
  const v = boxVolume(o)
  const s = o.sizeM
  return {
    question: question ?? `How big is ${the(o)}?`,
    kind: 'volume',
    text: `The ${o.name}'s box is ${formatLength(s.width)} × ${formatLength(s.depth)} × ${formatLength(s.height)} (width × depth × height), ${formatVolume(v)}.`,
    value: v,
    unit: 'm3',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(scene, [o], 'volume of the fitted box: width · depth · height'),
    geometry: { kind: 'highlight', names: [o.name], primary: o.name },
  }
}
