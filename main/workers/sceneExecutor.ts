import type { Detect2dResult } from '../contract/channels'
import type { AnalyzeRequest, SceneComputation } from '../frames/analyzeFrame'
import type { Detect2dRequest } from '../frames/detectInImage'
import type { VlmAnswer } from '../inference/models/smolVlm'
import type { FittedCalibration } from '../calibration/calibrateDepthModel'
import type {
  CalibrationFitRequest,
  RelationClassifyRequest,
  VisionAskRequest,
  VisionModelRequest,
} from './contract/taskSchemas'
import {
  workerTasks,
  type ParsedRequestOf,
  type ReplyOf,
  type RequestOf,
  type TaskName,
} from './contract/workerTasks'
import { sceneTaskHandlers, type TaskHandlers } from './sceneTaskHandlers'

export interface SendOptions {
  /** Aborting stops the task where it can stop (vision decoding) and rejects with the signal's reason. */
  signal?: AbortSignal
}

/** Runs scene computations (and 2D detection) somewhere: in worker threads (hosts) or inline (tests, one-shot CLI). */
export interface SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation>
  detect2d(request: Detect2dRequest): Promise<Detect2dResult>
  /** The installed vision-language model's id, or null (see visionRequests). */
  visionModel(request: VisionModelRequest): Promise<string | null>
  /** One question to it; an abort stops the decoding at its next step, then rejects with the signal's reason. */
  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer>
  /** P(caption holds) from the installed ViLT VSR classifier, null without it (optional: older executors lack it). */
  classifyRelation?(request: RelationClassifyRequest): Promise<number | null>
  /** Runs a depth model on a kept frame and fits its output to metres (not saved). */
  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration>
  dispose(): Promise<void>
}

/**
 * The scene tasks on the calling thread, through the same handler table and request validation as
 * the scene worker (so a request the worker would refuse is refused here with the same message).
 */
export class InlineSceneExecutor implements SceneExecutor {
  constructor(private readonly handlers: TaskHandlers = sceneTaskHandlers) {}

  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    const { frame, regions, perception } = request
    return this.send('analyze', { sceneId, frame, regions, perception })
  }
  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return this.send('detect2d', request)
  }
  visionModel(request: VisionModelRequest): Promise<string | null> {
    return this.send('vision:model', request)
  }
  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    return this.send('vision:ask', request, { signal })
  }
  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration> {
    return this.send('calibration:fit', request)
  }
  classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
    return this.send('relation:classify', request)
  }

  /** One task of the worker contract, run here (the reply is the handler's own, not re-validated). */
  async send<T extends TaskName>(
    task: T,
    request: RequestOf<T>,
    options: SendOptions = {},
  ): Promise<ReplyOf<T>> {
    const signal = options.signal ?? new AbortController().signal
    signal.throwIfAborted()
    const parsed = workerTasks[task].request.parse(request) as ParsedRequestOf<T>
    // Typed per task where the table is written; here the request was just parsed by the task's schema.
    const handler = this.handlers[task] as unknown as (
      request: ParsedRequestOf<T>,
      context: { signal: AbortSignal },
    ) => Promise<ReplyOf<T>>
    return handler(parsed, { signal })
  }

  async dispose(): Promise<void> {}
}

// The hosts' executor lives in its own file; re-exported so callers keep one import.
export { WorkerSceneExecutor } from './WorkerSceneExecutor'
