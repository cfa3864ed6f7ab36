/**
 * One scene → dataset samples: quality filters on the frame and its objects, then question–answer pairs for every
 * template type, answered by the engine's own `answerQuestion` (what `qa:ask` runs). A pair type is asked once
 * per pair and its other order (B, A) is derived from that one answer, so the two orders agree by construction.
 * Pure TypeScript; seeded (same scene + seed → same samples).
 */

import { answerQuestion } from '../engine/answers/answerQuestion'
import { resolvesUniquely } from '../engine/answers/objectMatch'
import type { Answer } from '../engine/answers/types'
import { createRandom } from '../engine/random'
import type { Scene, SceneObject } from '../engine/types'
import type { SynthSample } from '../contract/synthSchema'
import { QA_TEMPLATES, type QaTemplate } from './templates'
import { addHours } from './humanText'
import { fill, toSample, toSynthScene } from './sampleRecord'

export { toSynthScene }

export interface SynthFilters {
  /** Objects with fewer full-resolution points are dropped ("object:few-points"). */
  minPoints: number
  /** Frames without a support plane are dropped ("frame:no-support-plane"). */
  requirePlane: boolean
  /** Frames with fewer kept objects are dropped ("frame:too-few-objects"). */
  minObjects: number
  /** At most this many object pairs per frame (seeded choice). */
  maxPairs: number
}

export const DEFAULT_FILTERS: SynthFilters = {
  minPoints: 200,
  requirePlane: true,
  minObjects: 2,
  maxPairs: 12,
}

export interface SampleContext {
  jobId: string
  image: string
  frame: string
  points: string
  seed: number
}

export interface GeneratedSamples {
  samples: SynthSample[]
  /** Filter name → count of frames / objects / questions it dropped. */
  dropped: Record<string, number>
  /** The scene with only the kept objects (what the samples' answers are about). */
  kept: Scene | null
}

/** Applies the quality filters; null scene when the frame is dropped. */
export function filterScene(
  scene: Scene,
  filters: SynthFilters,
  dropped: Record<string, number>,
): Scene | null {
  const count = (key: string) => (dropped[key] = (dropped[key] ?? 0) + 1)
  if (
    filters.requirePlane &&
    (scene.plane === null || scene.provenance.frameKind !== 'support-plane')
  ) {
    count('frame:no-support-plane')
    return null
  }
  const keptObjects: SceneObject[] = []
  for (const object of scene.objects) {
    if (object.pointCount < filters.minPoints || object.labelCheck?.hasFewPoints)
      count('object:few-points')
    else if (object.labelCheck && !object.labelCheck.isPlausible) count('object:implausible-label')
    else keptObjects.push(object)
  }
  const byName = { ...scene, objects: keptObjects }
  // A name the engine cannot resolve to exactly one object would make questions ambiguous.
  const unique = keptObjects.filter((object) => resolvesUniquely(byName, object.name))
  for (let i = unique.length; i < keptObjects.length; i++) count('object:ambiguous-name')
  if (unique.length < filters.minObjects) {
    count('frame:too-few-objects')
    return null
  }
  return { ...scene, objects: unique }
}

/** All samples of one scene (see the module comment). */
export function generateSamples(
  scene: Scene,
  context: SampleContext,
  filters = DEFAULT_FILTERS,
): GeneratedSamples {
  const dropped: Record<string, number> = {}
  const kept = filterScene(scene, filters, dropped)
  if (!kept) return { samples: [], dropped, kept: null }
  const session = openSession(kept, context, dropped)
  const objects = kept.objects
  const pairs = choosePairs(objects.length, filters.maxPairs, session.random)
  for (const template of QA_TEMPLATES) {
    if (template.arity === 0) session.askAndEmit(template, [])
    else if (template.arity === 1)
      for (const object of objects) session.askAndEmit(template, [object])
    else
      for (const [i, j] of pairs) {
        const swap = session.random() < 0.5
        const pair = swap ? [objects[j], objects[i]] : [objects[i], objects[j]]
        if (template.arity === 2) emitPair(session, template, pair)
        else if (objects.length > 2) {
          // A third object for "is A closer to B than C": a seeded pick among the others.
          const others = objects.filter((object) => !pair.includes(object))
          emitPair(session, template, [pair[0], pair[1], session.pick(others)])
        }
      }
  }
  return { samples: session.samples, dropped, kept }
}

type Session = ReturnType<typeof openSession>

/** The seeded state of one scene's generation: ask the engine, emit samples with sequential ids. */
function openSession(kept: Scene, context: SampleContext, dropped: Record<string, number>) {
  const random = createRandom(context.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const sceneJson = toSynthScene(kept)
  const samples: SynthSample[] = []
  const emit = (
    template: QaTemplate,
    objects: SceneObject[],
    question: string,
    answer: Answer,
    mirrorOf?: string,
  ) => {
    const id = `${context.jobId}-${String(samples.length).padStart(4, '0')}`
    const sample = toSample(id, template, objects, question, answer, pick, sceneJson, context)
    if (mirrorOf !== undefined) {
      sample.mirror_id = mirrorOf
      samples.find((other) => other.id === mirrorOf)!.mirror_id = id
    }
    samples.push(sample)
    return id
  }
  const ask = (
    template: QaTemplate,
    objects: SceneObject[],
  ): { question: string; answer: Answer } | null => {
    const question = fill(pick(template.questions), objects)
    const answer = answerQuestion(kept, question)
    if (answer.kind === template.type && answer.value !== null) return { question, answer }
    // Not parsed as its type (a phrasing the grammar lacks) or no value (a tie: "about the same").
    const key = `question:no-answer:${template.type}`
    dropped[key] = (dropped[key] ?? 0) + 1
    return null
  }
  const askAndEmit = (template: QaTemplate, objects: SceneObject[]) => {
    const asked = ask(template, objects)
    if (asked) emit(template, objects, asked.question, asked.answer)
  }
  return { random, pick, samples, emit, ask, askAndEmit }
}

/**
 * A pair type for (A, B) — or (A, B, C) — then its other order, the objects reversed, from the same answer (see
 * {@link QaTemplate.mirror}): "is A closer to B than C" ↔ "is C farther from B than A".
 */
function emitPair(session: Session, template: QaTemplate, objects: SceneObject[]): void {
  let asked = session.ask(template, objects)
  // "How much taller is A than B?" is asked of the larger one, so the answer is a positive length.
  if (asked && template.type === 'difference' && (asked.answer.value as number) < 0) {
    objects = [...objects].reverse()
    asked = session.ask(template, objects)
  }
  if (!asked) return
  const firstId = session.emit(template, objects, asked.question, asked.answer)
  if (!template.mirror) return
  const mirror = QA_TEMPLATES.find((candidate) => candidate.type === template.mirror!.type)!
  const mirrored = mirrorAnswer(asked.answer, template.mirror.derive)
  const reversed = [...objects].reverse()
  session.emit(mirror, reversed, fill(session.pick(mirror.questions), reversed), mirrored, firstId)
}

/** The answer of the other order from the same measurement (see {@link QaTemplate.mirror}). */
function mirrorAnswer(answer: Answer, derive: 'same' | 'clock'): Answer {
  if (derive === 'same') return answer
  const hour = addHours(answer.value as number, 6)
  return {
    ...answer,
    value: hour,
    text: `At ${hour} o'clock (the opposite of ${answer.value} o'clock).`,
  }
}

function choosePairs(n: number, max: number, random: () => number): [number, number][] {
  const all: [number, number][] = []
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push([i, j])
  // Seeded Fisher–Yates, then keep the first `max` in index order (stable output order).
  for (let k = all.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1))
    ;[all[k], all[r]] = [all[r], all[k]]
  }
  return all.slice(0, max).sort((p, q) => p[0] - q[0] || p[1] - q[1])
}
