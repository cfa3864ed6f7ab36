import type { MonocularDepthModel } from '../inference/models/depthModel'
import type { Frame, RegionPrompt, RgbImage, Scene } from '../engine/types'
import type { Detection } from '../engine/perception/types'
import { detectionsToRegions } from '../engine/scene/objectsFromDetections'
import { monocularFrame } from '../engine/depth/monocularFrame'
import type { CalibrationStore } from '../calibration/CalibrationStore'
import { UserError, userErrorCode } from '../app/userError'
import { ERROR_CODES } from '../contract/channels'
import type { ModelFactory } from '../models/modelFactory'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import type { RelationClassifier } from '../inference/models/viltVsr'
import { nameGeometryObjects } from './vlmObjectNames'
import {
  AUTO_DEPTH_MODELS,
  DETECTOR_MODELS,
  SEGMENTER_MODELS,
  VLM_MODELS,
  type PerceptionReport,
  type PerceptionSettings,
  type PerceptionStep,
} from '../contract/perceptionSettings'

/** What the detector found in one image, and the step that ran (null when the detector is 'none'). */
export interface Detections2d {
  detections: Detection[]
  step: PerceptionStep | null
}

export interface PerceivedFrame {
  /** The frame, with model depth when it had none (depthSource 'monocular' and its provenance). */
  frame: Frame
  /** User regions first (they win), then one region per detected object (box, or SAM mask). */
  regions: RegionPrompt[]
  /** With a detector, clusters it missed still become objects. */
  includeUnmatchedClusters: boolean
  report: PerceptionReport
}

/**
 * The 2D-and-depth context of a frame before lifting: monocular metric depth for colour-only
 * frames, detections (NanoDet or OWLv2) turned into labelled regions, SAM masks for them when a
 * SAM-family model is installed. Runs on whatever thread calls it (the scene worker in the hosts).
 */
export class PerceptionService {
  constructor(
    private readonly models: ModelFactory,
    private readonly calibrations: CalibrationStore,
  ) {}

  async perceive(
    frame: Frame,
    userRegions: RegionPrompt[],
    settings: PerceptionSettings,
  ): Promise<PerceivedFrame> {
    const report: PerceptionReport = { steps: [], detections: [], notes: [] }
    const withDepth = await this.addDepth(frame, settings, report)
    const detections = await this.detect(withDepth, settings, report)
    report.detections = detections
    let regions = detectionsToRegions(detections, userRegions, { minScore: settings.minScore })
    regions = await this.segment(withDepth, regions, userRegions.length, settings, report)
    return {
      frame: withDepth,
      regions,
      includeUnmatchedClusters: settings.detector !== 'none',
      report,
    }
  }

  /** A depth model by id (e.g. to calibrate it); a missing one is a user error naming the download. */
  depthModel(modelId: string): Promise<MonocularDepthModel> {
    return this.models.depth(modelId)
  }

  /** The first installed vision-language model, or undefined when none is installed. */
  async visionModel(): Promise<VisionLanguageModel | undefined> {
    const modelId = VLM_MODELS.find((id) => this.models.isInstalled(id))
    return modelId ? this.models.smolVlm(modelId) : undefined
  }

  /** The ViLT VSR true/false classifier (`vilt-vsr`) when the user installed it, else undefined. */
  async relationClassifier(): Promise<RelationClassifier | undefined> {
    return this.models.isInstalled('vilt-vsr') ? this.models.viltVsr('vilt-vsr') : undefined
  }

  /** The ViLT VSR classifier, or the model store's error saying how to install it. */
  requireRelationClassifier(): Promise<RelationClassifier> {
    return this.models.viltVsr('vilt-vsr')
  }

  /**
   * With `settings.vlmNames`, geometry-only objects get a short noun from the vision-language model
   * (see nameGeometryObjects); without an installed one the scene is kept and a note names the
   * command that installs it.
   */
  async nameObjects(
    scene: Scene,
    frame: Frame,
    settings: PerceptionSettings,
    report: PerceptionReport,
  ): Promise<Scene> {
    if (!settings.vlmNames || !scene.objects.some((object) => object.origin === 'cluster'))
      return scene
    const vlm = await this.visionModel()
    if (!vlm) {
      report.notes.push(
        `object names from a vision-language model were asked for, but none is installed: run \`npx spatial-lens models download ${VLM_MODELS[0]}\``,
      )
      return scene
    }
    const naming = await nameGeometryObjects(scene, frame.rgb, vlm)
    const named = naming.answers.filter((a) => a.label).map((a) => `${a.before} → ${a.label}`)
    report.steps.push({
      stage: 'naming',
      modelId: vlm.modelId,
      provider: naming.provider ?? 'none',
      ms: naming.ms,
      note: `${named.length} of ${naming.answers.length} geometry objects named${named.length ? `: ${named.join(', ')}` : ''}`,
    })
    return naming.scene
  }

  private async addDepth(
    frame: Frame,
    settings: PerceptionSettings,
    report: PerceptionReport,
  ): Promise<Frame> {
    if (settings.depthModel === 'none') return frame
    if (settings.depthModel === 'auto' && frame.depth) return frame
    const choice =
      settings.depthModel === 'auto'
        ? await this.autoDepthModel(frame.cameraId)
        : settings.depthModel
    const model = await this.models.depth(choice).catch((error: unknown) => {
      // A chosen depth model that is not installed is the same situation as none installed for 'auto'.
      if (userErrorCode(error) !== 'MODEL_MISSING') throw error
      throw new UserError((error as Error).message, { code: ERROR_CODES.depthModelMissing })
    })
    const lookup = await this.calibrations.get(frame.cameraId, choice)
    if (lookup.status === 'unreadable') {
      // A relative model cannot run without its calibration: the broken file is the error to fix.
      if (model.output === 'relative-inverse') throw new UserError(lookup.message)
      report.notes.push(lookup.message)
    }
    const calibration = lookup.status === 'found' ? lookup.calibration : undefined
    const prediction = await model.predict(frame.rgb, frame.intrinsics, {
      calibration,
      calibratedAt: calibration?.createdAt,
    })
    report.steps.push({
      stage: 'depth',
      modelId: choice,
      provider: prediction.provider,
      ms: prediction.inferenceMs,
    })
    return monocularFrame(frame, prediction.depth, prediction.provenance, { replaceExisting: true })
      .frame
  }

  /** The first installed metric model, else a relative one this camera has a calibration for. */
  private async autoDepthModel(cameraId: string): Promise<string> {
    for (const modelId of AUTO_DEPTH_MODELS) {
      if (!this.models.isInstalled(modelId)) continue
      if (!modelId.includes('metric')) {
        const lookup = await this.calibrations.get(cameraId, modelId)
        if (lookup.status !== 'found') continue
      }
      return modelId
    }
    throw new UserError(
      'this frame has no depth and no metric depth model is installed: run `npx spatial-lens models download depth-anything-v2-small-metric-indoor` ' +
        '(or give a depth image, or calibrate a relative model with `npx spatial-lens calibrate`)',
      { code: ERROR_CODES.depthModelMissing },
    )
  }

  /**
   * 2D detection alone (no depth, no scene): the detector the settings choose on one colour image,
   * e.g. a live camera frame shown in 2D when no depth model is installed.
   */
  async detect2d(rgb: RgbImage, settings: PerceptionSettings): Promise<Detections2d> {
    if (settings.detector === 'none') return { detections: [], step: null }
    const providers = settings.provider ? [settings.provider] : undefined
    if (settings.detector === 'nanodet') {
      const result = await (await this.models.nanoDet()).detect(rgb, { providers })
      const step: PerceptionStep = {
        stage: 'detection',
        modelId: DETECTOR_MODELS.nanodet,
        provider: result.provider,
        ms: result.inferenceMs,
      }
      return { detections: result.detections, step }
    }
    if (settings.queries.length === 0) {
      throw new UserError(
        'the open-vocabulary detector needs the names to look for: give --queries "mug,laptop" (or choose --detector nanodet)',
      )
    }
    const result = await (await this.models.owl()).detect(rgb, settings.queries)
    const step: PerceptionStep = {
      stage: 'detection',
      modelId: DETECTOR_MODELS.owlv2,
      provider: result.provider,
      ms: result.inferenceMs,
    }
    return { detections: result.detections, step }
  }

  private async detect(
    frame: Frame,
    settings: PerceptionSettings,
    report: PerceptionReport,
  ): Promise<Detection[]> {
    const { detections, step } = await this.detect2d(frame.rgb, settings)
    if (step) report.steps.push(step)
    return detections
  }

  /** Detector boxes → SAM masks, when a SAM-family model is installed (user regions are kept as given). */
  private async segment(
    frame: Frame,
    regions: RegionPrompt[],
    userCount: number,
    settings: PerceptionSettings,
    report: PerceptionReport,
  ): Promise<RegionPrompt[]> {
    const boxes = regions
      .slice(userCount)
      .filter((r): r is Extract<RegionPrompt, { box: unknown }> => 'box' in r)
    if (boxes.length === 0 || settings.segmenter === 'none') return regions
    const modelId =
      settings.segmenter === 'auto'
        ? SEGMENTER_MODELS.find((id) => this.models.isInstalled(id))
        : settings.segmenter
    if (!modelId) return regions
    const start = performance.now()
    const result = await (
      await this.models.sam(modelId)
    ).segment(
      frame.rgb,
      boxes.map((r) => ({ box: r.box })),
    )
    report.steps.push({
      stage: 'segmentation',
      modelId,
      provider: result.provider,
      ms: performance.now() - start,
    })
    const masks: RegionPrompt[] = boxes.map((region, i) => ({
      label: region.label,
      mask: result.masks[i],
      maskWidth: frame.rgb.width,
      maskHeight: frame.rgb.height,
      source: 'detector' as const,
      ...(region.score !== undefined ? { score: region.score } : {}),
    }))
    return [...regions.slice(0, userCount), ...masks]
  }
}
