import type { Detect2dResult } from '../contract/channels'
import { analyzeFrame, type AnalyzeRequest, type SceneComputation } from '../frames/analyzeFrame'
import { detectInImage, type Detect2dRequest } from '../frames/detectInImage'
import {
  askVision,
  installedVisionModel,
  type VisionAskRequest,
  type VisionModelRequest,
} from './visionRequests'
import type { VlmAnswer } from '../inference/models/smolVlm'
import { fitCalibrationRequest, type CalibrationFitRequest } from './calibrationRequests'
import type { FittedCalibration } from '../calibration/calibrateDepthModel'
import { classifyRelation, type RelationClassifyRequest } from './relationRequests'

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

export class InlineSceneExecutor implements SceneExecutor {
  analyze(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
    return analyzeFrame(request, sceneId)
  }
  detect2d(request: Detect2dRequest): Promise<Detect2dResult> {
    return detectInImage(request)
  }
  visionModel(request: VisionModelRequest): Promise<string | null> {
    return installedVisionModel(request)
  }
  askVision(request: VisionAskRequest, signal?: AbortSignal): Promise<VlmAnswer> {
    return askVision(request, signal)
  }
  fitCalibration(request: CalibrationFitRequest): Promise<FittedCalibration> {
    return fitCalibrationRequest(request)
  }
  classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
    return classifyRelation(request)
  }
  async dispose(): Promise<void> {}
}

// The hosts' executor lives in its own file; re-exported so callers keep one import.
export { WorkerSceneExecutor } from './WorkerSceneExecutor'
