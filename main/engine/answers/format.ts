/**
 * Shared helpers for building answers: readable units, answer objects, provenance, the camera-frame note.
 * Pure TypeScript.
 */

import { describeDepthProvenance } from '../depth/monocularFrame'
import type { Scene, SceneObject } from '../types'
import type { AnswerKind, AnswerObject, AnswerProvenance } from './types'

/** Round to at most `decimals` decimals and drop trailing zeros ("5.00" → "5", "22.50" → "22.5"). */
export function trimNumber(x: number, decimals = 2): string {
  const s = x.toFixed(decimals)
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  return t === '-0' ? '0' : t
}

/**
 * Readable length: centimetres below 1 m, metres from 1 m, at most 2 decimals.
 * @param m length in metres (may be negative).
 */
export function formatLength(m: number): string {
  const cm = Number((m * 100).toFixed(2))
  if (Math.abs(cm) < 100) return `${trimNumber(cm)} cm`
  return `${trimNumber(m)} m`
}

/**
 * Readable volume: cm³ below one litre, litres below 1 m³, m³ above.
 * @param m3 volume in cubic metres.
 */
export function formatVolume(m3: number): string {
  if (m3 < 1e-3) return `${trimNumber(m3 * 1e6, 1)} cm³`
  if (m3 < 1) return `${trimNumber(m3 * 1e3)} L`
  return `${trimNumber(m3)} m³`
}

/** "the mug" for an object (names are unique in a scene). */
export function the(o: SceneObject): string {
  return `the ${o.name}`
}

/** Capitalise the first letter of a sentence. */
export function sentence(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1)
}

/** Copy the answer-relevant fields of a scene object. */
export function toAnswerObject(o: SceneObject): AnswerObject {
  return {
    name: o.name,
    label: o.label,
    centerInWorld: [o.centerInWorld[0], o.centerInWorld[1], o.centerInWorld[2]],
    centerInCamera: [o.centerInCamera[0], o.centerInCamera[1], o.centerInCamera[2]],
    sizeM: { width: o.sizeM.width, depth: o.sizeM.depth, height: o.sizeM.height },
    yawRad: o.yawRad,
    pointCount: o.pointCount,
  }
}

/** Provenance of an answer computed from `objects` of `scene` with `method`. */
export function buildProvenance(
  scene: Scene,
  objects: SceneObject[],
  method: string,
): AnswerProvenance {
  const pointCounts: Record<string, number> = {}
  for (const o of objects) pointCounts[o.name] = o.pointCount
  const p = scene.provenance
  const out: AnswerProvenance = {
    depthSource: p.depthSource,
    intrinsics: { ...p.intrinsics },
    frameKind: p.frameKind,
    plane: scene.plane
      ? {
          normal: [scene.plane.normal[0], scene.plane.normal[1], scene.plane.normal[2]],
          offset: scene.plane.offset,
        }
      : null,
    pointCounts,
    method,
  }
  if (p.frameNote !== undefined) out.frameNote = p.frameNote
  // Monocular depth: which model and calibration (with its residual) the numbers rest on.
  if (p.depthProvenance) out.depthNote = describeDepthProvenance(p.depthProvenance)
  return out
}

/** Answer kinds whose meaning depends on knowing which way is up (gravity). */
export const GRAVITY_KINDS: ReadonlySet<AnswerKind> = new Set<AnswerKind>([
  'above',
  'below',
  'taller',
  'shorter',
  'above_choice',
  'below_choice',
  'tall_choice',
  'short_choice',
  'height',
  'vertical_distance',
  'horizontal_distance',
])

/** The sentence appended to gravity-dependent answers in a camera-fallback scene. */
export const CAMERA_FRAME_NOTE =
  "Note: no support plane was found, so 'up' here is the camera's frame, not gravity; vertical answers may be tilted."

/**
 * Append the camera-frame note to `text` when the scene has no gravity frame and `kind` needs one.
 * @returns the text, unchanged for support-plane scenes or kinds that do not need gravity.
 */
export function withFrameNote(scene: Scene, kind: AnswerKind, text: string): string {
  if (scene.provenance.frameKind !== 'camera-fallback' || !GRAVITY_KINDS.has(kind)) return text
  const why = scene.provenance.frameNote ? ` (${scene.provenance.frameNote})` : ''
  return `${text} ${CAMERA_FRAME_NOTE}${why}`
}
