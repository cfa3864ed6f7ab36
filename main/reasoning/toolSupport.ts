/**
 * Shared pieces of the spatial tools: name resolution with helpful errors, the error-string convention, rounding
 * and the engine calls the tools share. No geometry here.
 */

import { z } from 'zod'
import {
  distanceBetween,
  gapBetween,
  horizontalDistance,
  matchObject,
  verticalDistance,
  type Answer,
  type PredicateKind,
} from '../engine/answers'
import type { LengthUnit } from '../engine/reasoning'
import { cleanReference, resolveReference } from '../engine/questions/references'
import { resolveRobotFrame } from '../engine/questions/robotFrameRefs'
import { typoOf } from '../engine/questions/spelling'
import type { Scene, SceneObject } from '../engine/types'

/** Prefix of every tool error string. */
export const TOOL_ERROR_PREFIX = 'Error:'

/** A tool argument naming one object of the scene. */
export const objectArg = z.string().describe('object name as listed by list_objects')

/** Pair measurements offered by `measure` and `what_if_move`. */
export const MEASURE_QUANTITIES = [
  'distance',
  'gap',
  'horizontal_distance',
  'vertical_distance',
] as const
export type MeasureQuantity = (typeof MEASURE_QUANTITIES)[number]

/** The `quantity` argument of `measure` and `what_if_move`. */
export const quantityArg = z
  .enum(MEASURE_QUANTITIES)
  .describe(
    'distance: centre to centre (3D); gap: closest surfaces; horizontal_distance / vertical_distance: centres',
  )

/** Relations offered by `relation` (A relation B, e.g. "A left of B"). */
export const RELATIONS = [
  'left',
  'right',
  'above',
  'below',
  'front',
  'behind',
  'wider',
  'thinner',
  'bigger',
  'smaller',
  'taller',
  'shorter',
] as const satisfies readonly PredicateKind[]

/** Length units offered by convert_units. */
export const LENGTH_UNITS = ['m', 'cm', 'mm', 'in', 'ft'] as const satisfies readonly LengthUnit[]

/** A failure reported to the model as "Error: …" (not a crash). */
export class ToolFailure extends Error {}

/** Round to 0.1 mm (4 decimals of a metre). */
export const r4 = (x: number): number => Math.round(x * 1e4) / 1e4
/** Round to 2 decimals. */
export const r2 = (x: number): number => Math.round(x * 100) / 100
/** Radians to degrees, 2 decimals. */
export const deg = (rad: number): number => r2((rad * 180) / Math.PI)

function knownNames(scene: Scene): string {
  const frames = scene.robotFrames?.points ?? []
  const robot = frames.length
    ? ` Robot TF frames (points): ${frames.map((f) => `"${f.name}"`).join(', ')}.`
    : ''
  return scene.objects.length
    ? `${scene.objects.map((o) => `"${o.name}"`).join(', ')}.${robot}`
    : `none (the scene has no objects).${robot}`
}

/**
 * Resolve a name or phrase to one object, or fail with a message listing the known names. Exact names and labels
 * first (answers/objectMatch); then the question grammar's references: robot TF frames ("the gripper", "tool0",
 * a zero-size object at the frame's origin), a descriptor that singles out one of several matches ("the tall
 * box"), and a misspelt word ("botle" → "bottle").
 */
export function resolve(scene: Scene, phrase: string): SceneObject {
  const m = matchObject(scene, phrase)
  if (m.status === 'ok') return m.object
  const viaGrammar = grammarObject(scene, phrase, m.status === 'ambiguous')
  if (viaGrammar) return viaGrammar
  if (m.status === 'ambiguous') {
    throw new ToolFailure(
      `"${phrase}" matches several objects: ${m.candidates.map((o) => `"${o.name}"`).join(', ')}. Use one exact name.`,
    )
  }
  throw new ToolFailure(`unknown object "${phrase}". Known objects: ${knownNames(scene)}`)
}

/** The one object the grammar's references give for a phrase exact matching did not settle, or null. */
function grammarObject(scene: Scene, phrase: string, isAmbiguous: boolean): SceneObject | null {
  const cleaned = cleanReference(phrase)
  const frame = resolveRobotFrame(scene, cleaned)
  if (frame?.kind === 'frame') return frame.object
  if (frame?.kind === 'frames')
    throw new ToolFailure(
      `"${phrase}" matches several robot frames: ${frame.objects.map((o) => `"${o.name}"`).join(', ')}. Use one frame name.`,
    )
  if (isAmbiguous) {
    const narrowed = resolveReference(scene, phrase)
    return narrowed.kind === 'object' ? narrowed.object : null
  }
  // Synonyms ("cup" for a mug) are left to the model, which has the names; only spelling is corrected here.
  const corrected = cleaned
    .split(' ')
    .map((w) => typoOf(scene, w) ?? w)
    .join(' ')
  if (corrected === cleaned) return null
  const again = matchObject(scene, corrected)
  return again.status === 'ok' ? again.object : null
}

/** Run a tool body; failures become "Error: …" strings fed back to the model. */
export function safe<T>(fn: (input: T) => object): (input: T) => Promise<string> {
  return async (input: T) => {
    try {
      return JSON.stringify(fn(input))
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e)
      return `${TOOL_ERROR_PREFIX} ${msg}`
    }
  }
}

/** {@link safe} for async tool bodies (model calls): rejections become "Error: …" strings too. */
export function safeAsync<T>(fn: (input: T) => Promise<object>): (input: T) => Promise<string> {
  return async (input: T) => {
    try {
      return JSON.stringify(await fn(input))
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e)
      return `${TOOL_ERROR_PREFIX} ${msg}`
    }
  }
}

/** Run one pair measurement through the engine. */
export function measureAnswer(
  scene: Scene,
  q: MeasureQuantity,
  a: SceneObject,
  b: SceneObject,
): Answer {
  const fn = {
    distance: distanceBetween,
    gap: gapBetween,
    horizontal_distance: horizontalDistance,
    vertical_distance: verticalDistance,
  }[q]
  return fn(scene, a, b)
}

/** An object as list_objects reports it (metres, degrees). */
export function objectSummary(o: SceneObject): object {
  return {
    name: o.name,
    label: o.label,
    center_m: o.centerInWorld.map(r4),
    size_m: { width: r4(o.sizeM.width), depth: r4(o.sizeM.depth), height: r4(o.sizeM.height) },
    yaw_deg: deg(o.yawRad),
  }
}
