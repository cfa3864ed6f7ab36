import type { Track } from '../../engine/tracking'
import {
  parseWatch,
  WatchEvaluator,
  type WatchEvent,
  type WatchOptions,
  type WatchReading,
} from '../../engine/watch'
import type { LiveResult } from '../../live/livePipeline'
import type { SceneSummary } from '../../contract/sceneSchema'
import type { Scene } from '../../engine/types'
import type { TfTree } from '../../engine/tf/tfTree'
import { TfLookupError } from '../../engine/tf/tfTree'
import { fixedFromWorld, tfFramesInWorld } from '../../engine/tf/framesInWorld'
import type { SourceFrameEvent, TfFrameJson, TrackJson } from '../../contract/sourceSchema'

/** A track as the viewer draws it (smoothed box, world frame). */
export function trackJson(track: Track): TrackJson {
  return {
    id: track.id,
    name: track.name,
    label: track.label,
    centerInWorld: track.centerInWorld,
    centerSigmaM: track.centerSigmaM,
    sizeM: track.sizeM,
    yawRad: track.yawRad,
    colorRgb: track.colorRgb,
    isConfirmed: track.isConfirmed,
    isSeen: track.lastObject !== null,
  }
}

export function watchEventJson(
  event: WatchEvent,
): SourceFrameEvent['watches'][number]['events'][number] {
  return {
    type: event.type,
    frameIndex: event.frameIndex,
    timeNs: event.timestampNs.toString(),
    valueM: event.type === 'unavailable' ? null : event.valueM,
    text: event.type === 'unavailable' ? event.reason : event.text,
  }
}

/** The watch readings of a frame, labelled with their questions. */
export function watchesJson(
  questions: string[],
  readings: WatchReading[],
): SourceFrameEvent['watches'] {
  return readings.map((reading, i) => ({
    question: questions[i] ?? '',
    valueM: reading.valueM,
    text: reading.text,
    isAlerting: reading.isAlerting,
    events: reading.events.map(watchEventJson),
  }))
}

/** TF frames drawn this frame and the fixed frame's transform, with what could not be placed. */
export function tfOverlay(
  scene: Scene,
  tree: TfTree | null,
  cameraFrameId: string,
  fixedFrame: string | undefined,
): { tfFrames: TfFrameJson[]; fixed: SourceFrameEvent['fixed']; notes: string[] } {
  if (!tree || tree.frameIds().length === 0) {
    const notes = fixedFrame ? [`fixed frame "${fixedFrame}": no TF in this source`] : []
    return { tfFrames: [], fixed: null, notes }
  }
  const placed = tfFramesInWorld(scene.worldFromCamera, tree, cameraFrameId, scene.timestampNs)
  const notes = [...placed.warnings]
  let fixed: SourceFrameEvent['fixed'] = null
  if (fixedFrame) {
    try {
      const matrix = fixedFromWorld(
        scene.worldFromCamera,
        tree,
        cameraFrameId,
        fixedFrame,
        scene.timestampNs,
      )
      fixed = { frameId: fixedFrame, fixedFromWorld: Array.from(matrix) }
    } catch (error) {
      if (!(error instanceof TfLookupError)) throw error
      notes.push(`fixed frame "${fixedFrame}": ${error.message}; the scene stays in its own frame`)
    }
  }
  return { tfFrames: placed.frames, fixed, notes }
}

/** The `source:frame` event of one processed frame. */
export function frameEvent(
  sessionId: string,
  r: LiveResult,
  sceneId: string,
  summary: SceneSummary,
  parts: Pick<SourceFrameEvent, 'tfFrames' | 'fixed' | 'notes' | 'droppedFrames' | 'watches'>,
): SourceFrameEvent {
  return {
    sessionId,
    frameIndex: r.frameIndex,
    timeNs: r.frame.timestampNs.toString(),
    sceneId,
    summary,
    tracks: r.tracks.map(trackJson),
    processedFrames: r.frameIndex + 1,
    latencyMs: r.latencyMs,
    ...parts,
  }
}

/**
 * Pinned questions as watch queries: an evaluator for each one the watch grammar reads, and for
 * each question whether it is watched (or why not).
 */
export function pinnedWatches(questions: string[], options: Partial<WatchOptions>) {
  const states = questions.map((question) => ({ question, parsed: parseWatch(question) }))
  const evaluators: WatchEvaluator[] = []
  const watched: string[] = []
  for (const { question, parsed } of states) {
    if (!parsed.ok) continue
    evaluators.push(new WatchEvaluator(parsed.spec, options))
    watched.push(question)
  }
  return {
    evaluators,
    questions: watched,
    states: states.map(({ question, parsed }) =>
      parsed.ok
        ? { question, isWatching: true }
        : { question, isWatching: false, reason: parsed.reason },
    ),
  }
}
