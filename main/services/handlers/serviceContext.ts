import { randomUUID } from 'node:crypto'
import { UserError } from '../../app/userError'
import type { MeasurementRecord } from '../../contract/measurementSchema'
import type { MeasurementLog } from '../../measurements/MeasurementLog'
import type { RecordStamp } from '../../measurements/measurementRecords'
import type { SettingsStore } from '../../settings/SettingsStore'
import type { CalibrationService } from '../CalibrationService'
import type { ClientScenes, ClientSession } from '../ClientScenes'
import type { ModelsService } from '../ModelsService'
import type { ReasoningService } from '../ReasoningService'
import type { SceneExecutor } from '../../workers/sceneExecutor'
import type { NamedScene } from './handlerTypes'
import type { SceneComputation } from '../../frames/analyzeFrame'
import type { ExecutionProviderName } from '../../inference/types'
import { typedArrayBytes } from '../keptSceneBytes'
import type { ServiceHost } from '../../contract/channels'
import { ExecutorVisionModel } from '../../workers/ExecutorVisionModel'

/** The embedded sample's short name (app:info, and the frame name in the measurement log). */
export const SAMPLE_NAME = 'PCL Kinect laptop'

/** What the domain handlers share: the services, the kept scenes and the log. Built once by SpatialService. */
export interface ServiceContext {
  readonly host: ServiceHost
  /**
   * Whether answers, verdicts and measurements go to the measurement log (the app's and `serve`'s always do; the
   * CLI's only with `--log`, so scripted runs do not fill the user's log).
   */
  readonly recordAnswers: boolean
  /** 'none': the installed vision-language model is never asked (the CLI's `--vlm none`); 'auto': when installed. */
  readonly vision: 'auto' | 'none'
  readonly executor: SceneExecutor
  readonly scenes: ClientScenes<NamedScene>
  readonly settings: SettingsStore
  readonly models: ModelsService
  readonly reasoning: ReasoningService
  readonly calibration: CalibrationService
  readonly log: MeasurementLog
}

/** The client's kept scene, or a user error saying to load the frame again (evicted, or after a restart). */
export function keptScene(ctx: ServiceContext, client: ClientSession, sceneId: string): NamedScene {
  const kept = ctx.scenes.get(client, sceneId)
  if (!kept) throw new UserError(`scene ${sceneId} is not loaded any more: load the frame again`)
  return kept
}

/**
 * Keeps an analysed frame's scene for the client's follow-ups, with its depth and 2D image (counted
 * against the cache's byte budget). `provider`: what the frame was analysed with (the VLM runs on it).
 */
export function keepComputedScene(
  ctx: ServiceContext,
  client: ClientSession,
  sceneId: string,
  computed: SceneComputation,
  frameName: string,
  provider?: ExecutionProviderName,
): void {
  const image = {
    width: computed.image.width,
    height: computed.image.height,
    data: computed.image.rgb,
  }
  const kept: NamedScene = {
    scene: computed.scene,
    depth: computed.depth,
    frameName,
    image,
    provider,
  }
  ctx.scenes.keep(client, sceneId, kept, typedArrayBytes([computed.scene, computed.depth, image]))
}

/** A log record's id, time and frame (the frame's name as the user gave it, while the scene is kept). */
export function recordStamp(
  ctx: ServiceContext,
  client: ClientSession,
  sceneId: string,
): RecordStamp {
  const name =
    ctx.scenes.get(client, sceneId)?.frameName ?? `unknown frame (scene ${sceneId.slice(0, 8)})`
  return { id: randomUUID(), timeIso: new Date().toISOString(), frame: { sceneId, name } }
}

/**
 * Answers and measurements go to the log without failing the question: a refused write is kept
 * and listed with a warning (see MeasurementLog); null is an answer that has nothing to log.
 */
export async function appendQuietly(
  ctx: ServiceContext,
  record: MeasurementRecord | null,
): Promise<void> {
  if (!record || !ctx.recordAnswers) return
  await ctx.log
    .append(record)
    .catch((error: Error) => console.error(`[spatial-lens] ${error.message}`))
}

/** The installed vision-language model for a kept scene's provider, unless the host turned visual questions off. */
export async function visionModelFor(
  ctx: ServiceContext,
  provider?: ExecutionProviderName,
): Promise<ExecutorVisionModel | undefined> {
  return ctx.vision === 'none' ? undefined : ExecutorVisionModel.find(ctx.executor, provider)
}
