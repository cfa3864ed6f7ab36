import { analyzeFrame } from '../frames/analyzeFrame'
import { detectInImage } from '../frames/detectInImage'
import { askVision, installedVisionModel } from './visionRequests'
import { classifyRelation } from './relationRequests'
import { fitCalibrationRequest } from './calibrationRequests'
import type { ParsedRequestOf, ReplyOf, TaskName } from './contract/workerTasks'

/** What a handler gets besides its request. */
export interface TaskContext {
  /** Aborted by a `cancel` for this request (handlers that can stop early honour it). */
  signal: AbortSignal
}

/** One handler per task of the worker contract: a task without one, or a wrong reply type, does not compile. */
export type TaskHandlers = {
  [T in TaskName]: (request: ParsedRequestOf<T>, context: TaskContext) => Promise<ReplyOf<T>>
}

/**
 * The scene tasks, run on the calling thread: the scene worker's dispatcher and the inline executor
 * (tests, the one-shot CLI) both go through this one table.
 */
export const sceneTaskHandlers: TaskHandlers = {
  analyze: ({ sceneId, ...request }) => analyzeFrame(request, sceneId),
  detect2d: (request) => detectInImage(request),
  'vision:model': (request) => installedVisionModel(request),
  'vision:ask': (request, { signal }) => askVision(request, signal),
  'relation:classify': (request) => classifyRelation(request),
  'calibration:fit': (request) => fitCalibrationRequest(request),
}

/**
 * Buffers of a reply that move to the host instead of being copied: only those made for the reply.
 * The analysis' depth is copied (the frame's depth may be cached by the frame loader).
 */
export const replyTransfers: { [T in TaskName]?: (reply: ReplyOf<T>) => ArrayBuffer[] } = {
  analyze: ({ cloud, image }) => [
    // A buffer listed twice makes postMessage throw: each goes once.
    ...new Set([
      cloud.positionsInWorld.buffer,
      cloud.colors.buffer,
      cloud.objectOfPoint.buffer,
      image.rgb.buffer,
      image.objectOfPixel.buffer,
    ] as ArrayBuffer[]),
  ],
}
