/**
 * Single-object size questions: width, depth, height (box extents, metres) and volume (m³).
 * width: along the box axis nearest world x; depth: across it; height: along world z (needs gravity).
 * Sizes come from the full-object (amodal) box when the object has one, and say so; the visible box stays available
 * with `{ box: 'visible' }`. Pure TypeScript.
 */

import type { AmodalBox, IntervalM, ObjectBox, Scene, SceneObject } from '../types'
import { boxVolume, extentSegment } from './boxGeometry'
import {
  buildProvenance,
  formatLength,
  formatVolume,
  the,
  toAnswerObject,
  withFrameNote,
} from './format'
import type { Answer } from './types'

/** Which extent to report. */
export type ExtentAxis = 'width' | 'depth' | 'height'

const WORDS: Record<ExtentAxis, { adjective: string; method: string }> = {
  width: { adjective: 'wide', method: 'fitted box extent along its width axis (nearest world x)' },
  depth: {
    adjective: 'deep',
    method: 'fitted box extent across its width axis, in the horizontal plane',
  },
  height: { adjective: 'tall', method: 'fitted box extent along world z (up)' },
}

/** Which box a size answer measures: the full-object (amodal) estimate (default) or the visible extent. */
export interface SizeOptions {
  /**
   * 'amodal' (default): the full-object estimate when the object has one, else the visible box. 'visible': the box
   * of what the camera sees (thin for objects seen from the front).
   */
  box?: 'amodal' | 'visible'
}

/** The box a size answer uses, and the amodal estimate when that is it. */
function sizeBox(o: SceneObject, options: SizeOptions): { box: ObjectBox; amodal?: AmodalBox } {
  if (options.box === 'visible' || !o.amodal) return { box: o }
  return { box: o.amodal, amodal: o.amodal }
}

function formatInterval([lo, hi]: IntervalM): string {
  return `${formatLength(lo)}–${formatLength(hi)}`
}

/**
 * One box extent of an object, metres. By default from the full-object (amodal) estimate, saying so, with the
 * visible extent and the plausible range in the text and method; `{ box: 'visible' }` measures the visible box.
 * Geometry: segment through the measured box's centre along that axis.
 * @param axis 'width' | 'depth' | 'height'.
 */
export function extentOf(
  scene: Scene,
  o: SceneObject,
  axis: ExtentAxis,
  question?: string,
  options: SizeOptions = {},
): Answer {
  const { box, amodal } = sizeBox(o, options)
  const v = box.sizeM[axis]
  const [from, to] = extentSegment(box, axis)
  const w = WORDS[axis]
  const visible = formatLength(o.sizeM[axis])
  const text = amodal
    ? `The ${o.name} is ${formatLength(v)} ${w.adjective} (full-object estimate, plausible ${formatInterval(amodal.sizeIntervalM[axis])}; visible extent ${visible}).`
    : `The ${o.name} is ${formatLength(v)} ${w.adjective} (${axis} of its fitted box).`
  const method = amodal
    ? `full-object estimate (${amodal.method}), ${axis} ${formatLength(v)}, plausible ${formatInterval(amodal.sizeIntervalM[axis])}, visible extent ${visible}; ${w.method}`
    : w.method
  return {
    question: question ?? `How ${w.adjective} is ${the(o)}?`,
    kind: axis,
    text: withFrameNote(scene, axis, text),
    value: v,
    unit: 'm',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(scene, [o], method),
    geometry: {
      kind: 'segment',
      fromInWorld: from,
      toInWorld: to,
      lengthM: v,
      label: formatLength(v),
    },
  }
}

/** Width of the object's box, metres (full-object estimate by default). */
export const widthOf = (
  scene: Scene,
  o: SceneObject,
  question?: string,
  options?: SizeOptions,
): Answer => extentOf(scene, o, 'width', question, options)
/** Depth of the object's box, metres (full-object estimate by default). */
export const depthOf = (
  scene: Scene,
  o: SceneObject,
  question?: string,
  options?: SizeOptions,
): Answer => extentOf(scene, o, 'depth', question, options)
/** Height of the object's box, metres (needs gravity; full-object estimate by default). */
export const heightOf = (
  scene: Scene,
  o: SceneObject,
  question?: string,
  options?: SizeOptions,
): Answer => extentOf(scene, o, 'height', question, options)

/**
 * Volume w·d·h of the object's box, m³: the full-object estimate by default (its method and the visible box's
 * volume in the text), or the visible box with `{ box: 'visible' }`. Geometry highlights the object.
 */
export function volumeOf(
  scene: Scene,
  o: SceneObject,
  question?: string,
  options: SizeOptions = {},
): Answer {
  const { box, amodal } = sizeBox(o, options)
  const v = boxVolume(box)
  const s = box.sizeM
  const dims = `${formatLength(s.width)} × ${formatLength(s.depth)} × ${formatLength(s.height)} (width × depth × height)`
  const text = amodal
    ? `The ${o.name}'s full-object box is ${dims}, ${formatVolume(v)} (estimate; the visible box is ${formatVolume(boxVolume(o))}).`
    : `The ${o.name}'s box is ${dims}, ${formatVolume(v)}.`
  const method = amodal
    ? `volume of the full-object estimate (${amodal.method}): width · depth · height; visible box ${formatVolume(boxVolume(o))}`
    : 'volume of the fitted box: width · depth · height'
  return {
    question: question ?? `How big is ${the(o)}?`,
    kind: 'volume',
    text,
    value: v,
    unit: 'm3',
    objects: [toAnswerObject(o)],
    provenance: buildProvenance(scene, [o], method),
    geometry: { kind: 'highlight', names: [o.name], primary: o.name },
  }
}
