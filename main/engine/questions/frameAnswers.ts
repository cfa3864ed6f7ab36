/**
 * Answers that involve robot TF frames: size questions about a frame are refused (a frame is a point), and every
 * other answer says that it measured from the frame's origin. Pure TypeScript.
 */

import { buildProvenance } from '../answers/format'
import type { Answer } from '../answers/types'
import type { Scene, SceneObject } from '../types'
import type { Query } from './ast'
import { resolveReference } from './references'
import { frameIdOf, isRobotFrameObject } from './robotFrameRefs'

const sentenceCase = (s: string): string => s[0].toUpperCase() + s.slice(1)

const SLOT_KEYS = ['a', 'b', 'c', 'reference', 'from', 'to', 'surface', 'item'] as const

/** The robot-frame objects the query's reference slots name (none when the scene has no frames). */
export function framesOf(scene: Scene, query: Query): SceneObject[] {
  if (!scene.robotFrames || scene.robotFrames.points.length === 0) return []
  const out: SceneObject[] = []
  const slots = query as unknown as Record<string, unknown>
  for (const k of SLOT_KEYS) {
    const v = slots[k]
    if (typeof v !== 'string') continue
    const r = resolveReference(scene, v)
    if (r.kind === 'object' && isRobotFrameObject(r.object) && !out.includes(r.object))
      out.push(r.object)
  }
  return out
}

const SIZE_KINDS =
  /^(?:wider|thinner|bigger|smaller|taller|shorter|(?:big|small|tall|short|wide|thin)_choice)$/

/** Whether the query asks for a size, or a size comparison, or support, which a point does not have. */
function asksSize(query: Query): boolean {
  if (query.op === 'size' || query.op === 'support' || query.op === 'fits') return true
  if (query.op === 'predicate' || query.op === 'choice') return SIZE_KINDS.test(query.kind)
  if (query.op === 'difference')
    return ['height', 'width', 'depth', 'length', 'volume'].includes(query.quantity)
  return false
}

/** A refusal for a size question about a robot frame, or null when the query is not one. */
export function refuseFrameSize(
  scene: Scene,
  question: string,
  query: Query,
  frames: SceneObject[],
  understood: string,
): Answer | null {
  if (!asksSize(query)) return null
  const f = frames[0]
  return {
    question,
    kind: 'unsupported',
    text: `"${f.name}" is the robot's TF frame "${frameIdOf(scene, f)}": a point (its origin), with no size or footprint, so I cannot answer that. I can measure distances from it. (I understood the question as: ${understood}.)`,
    value: null,
    unit: null,
    objects: [],
    provenance: buildProvenance(scene, [], 'no value: a robot frame is a point'),
    detail: { understood },
  }
}

/** The answer with a note that the distances were measured from the frames' origins. */
export function withFrameNote(scene: Scene, answer: Answer, frames: SceneObject[]): Answer {
  if (answer.value === null || frames.length === 0) return answer
  const ids = frames.map((f) => `"${frameIdOf(scene, f)}"`).join(' and ')
  const note = `measured from the frame's origin: the robot's TF frame ${ids} is a point, placed by TF`
  return {
    ...answer,
    text: `${answer.text} (${sentenceCase(note)}.)`,
    provenance: { ...answer.provenance, method: `${answer.provenance.method}; ${note}` },
  }
}
