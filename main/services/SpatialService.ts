import { randomUUID } from 'node:crypto'
import { answerQuestion } from '../engine/answers/answerQuestion'
import {
  contract,
  describeValidationError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorReply,
} from '../contract/channels'
import type { SceneExecutor } from './sceneExecutor'
import { isUserError, userErrorCode, userFacingMessage } from './userError'
import { appVersion } from './appVersion'
import { measure, pointAt, type KeptScene } from './sceneQueries'
import type { Measurement } from '../contract/measureSchema'
import { describeMeasuredEnds } from '../measurements/measurementRecords'
import { ModelsService, type ModelsServiceOptions } from './ModelsService'
import { ReasoningService } from './ReasoningService'
import { ServiceEvents, type ServiceEventListener } from './ServiceEvents'
import { SettingsStore } from '../settings/SettingsStore'
import { settingsView, updateSettings } from '../settings/appSettings'
import { MeasurementLog } from '../measurements/MeasurementLog'
import {
  recordFromAnswer,
  recordFromVerification,
  recordFromMeasurement,
  recordFromReasoning,
  type RecordStamp,
} from '../measurements/measurementRecords'
import { exportMeasurements } from '../export/exportMeasurements'
import { buildProvenance } from '../engine/answers/format'
import { answerSchema, type AnswerJson } from '../contract/answerSchema'
import type { ReasoningResultJson } from '../contract/reasoningSchema'
import type { RgbImage } from '../engine/types'
import type { ExecutionProviderName } from '../inference/types'
import type { MeasurementRecord } from '../contract/measurementSchema'
import { ExecutorVisionModel } from './ExecutorVisionModel'
import { CalibrationService } from './CalibrationService'
import { CalibrationStore } from '../calibration/CalibrationStore'
import { verifyInScene } from '../ensemble/verifyInScene'
import { parseStatement } from '../engine/ensemble/parseStatement'
import { vsrCaption } from '../engine/ensemble/viltVoter'
import { ClientScenes, type ClientSession } from './ClientScenes'
import { currentLimits } from '../limits'
import { typedArrayBytes } from './keptSceneBytes'
import { SourceSessions } from './source/SourceSessions'
import { createSessionHost } from './source/sessionHost'
import { recordingAccessFor } from './source/recordingAccess'
import type { SceneComputation } from './analyzeFrame'

/** What one handled request gives back: the validated output, or one user-facing error line. */
export type HandleResult<C extends Channel> =
  { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorReply }

/** The embedded sample's short name (app:info, and the frame name in the measurement log). */
const SAMPLE_NAME = 'PCL Kinect laptop'

export interface SpatialServiceOptions {
  /** Default: settings.json in $SPATIAL_LENS_HOME or the per-user config folder. */
  settings?: SettingsStore
  models?: ModelsServiceOptions
  /** Default: the log in $SPATIAL_LENS_HOME or the per-user data folder. */
  log?: MeasurementLog
  /** Default: the calibrations folder in $SPATIAL_LENS_HOME or the per-user config folder. */
  calibrations?: CalibrationStore
  /**
   * Scenes kept per client (window or `serve` connection) for follow-up questions, point queries,
   * measurements and visual questions, each with its depth and image (2.1 MB at 640×480); the
   * oldest goes first. Default 16.
   */
  maxScenesPerClient?: number
  /** Bytes of kept scenes, all clients together; default the limit in force (SPATIAL_LENS_SCENE_CACHE_BYTES). */
  sceneCacheBytes?: number
  /** `serve --recordings DIR`: the only directory `serve` opens recordings from (the desktop app opens any). */
  recordingsDirectory?: string | null
}

/** A scene kept for follow-ups, with its depth and the frame's name as the user gave it (for the log). */
interface NamedScene extends KeptScene {
  frameName: string
  /** The 2D view's copy of the frame (the frame itself up to 1280 px), for the visual tools. */
  image: RgbImage
  /** The execution provider the frame was analysed with: the vision model runs on the same. */
  provider?: ExecutionProviderName
}

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one handler per contract
 * channel. Input is parsed against the contract on arrival and output before it leaves, so a host
 * only moves bytes.
 */
export class SpatialService {
  private readonly scenes: ClientScenes<NamedScene>
  /** The client of hosts with one UI (Electron) and of callers that name none. */
  private readonly localClient: ClientSession
  private readonly events = new ServiceEvents()
  private readonly settings: SettingsStore
  private readonly models: ModelsService
  private readonly reasoning: ReasoningService
  private readonly calibration: CalibrationService
  private readonly sources: SourceSessions
  readonly log: MeasurementLog

  constructor(
    private readonly executor: SceneExecutor,
    private readonly host: 'electron' | 'serve',
    options: SpatialServiceOptions = {},
  ) {
    this.settings = options.settings ?? new SettingsStore()
    this.models = new ModelsService(this.events, options.models)
    this.reasoning = new ReasoningService(this.settings, this.events)
    this.log = options.log ?? new MeasurementLog()
    this.calibration = new CalibrationService(executor, options.calibrations)
    this.scenes = new ClientScenes(
      options.maxScenesPerClient,
      options.sceneCacheBytes ?? currentLimits().sceneCacheBytes,
    )
    this.sources = new SourceSessions(
      recordingAccessFor(host, options.recordingsDirectory),
      (client) =>
        createSessionHost({
          executor,
          events: this.events,
          keep: (sceneId, computed, frameName) =>
            this.keepComputed(client, sceneId, computed, frameName),
          append: (record) => this.appendQuietly(record),
        }),
    )
    this.localClient = this.scenes.open()
  }

  /** A new client (one `serve` connection) with its own scenes and sources; close it when the client goes. */
  openClient(): ClientSession {
    const client = this.scenes.open()
    return {
      id: client.id,
      close: () => {
        client.close()
        void this.sources.closeClient(client.id)
      },
    }
  }

  /** Server → UI events (download progress, reasoning steps); hosts forward them to every UI. */
  subscribe(listener: ServiceEventListener): () => void {
    return this.events.subscribe(listener)
  }

  /** `client`: whose scenes the request may use and keep (default: the one local client). */
  async handle<C extends Channel>(
    channel: C,
    rawInput: unknown,
    client: ClientSession = this.localClient,
  ): Promise<HandleResult<C>> {
    const spec = contract[channel]
    if (!spec) return { ok: false, error: { message: `unknown channel "${String(channel)}"` } }
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) return { ok: false, error: describeValidationError(channel, parsed.error) }
    try {
      const output = spec.output.safeParse(
        await this.run(channel, parsed.data as ChannelInput<C>, client),
      )
      if (output.success) return { ok: true, value: output.data as ChannelOutput<C> }
      // Our own reply broke the contract: a bug, reported as such (never passed on half-valid).
      console.error(`[spatial-lens] ${channel} produced an invalid reply:`, output.error.issues)
      const { message, field } = describeValidationError(channel, output.error)
      return {
        ok: false,
        error: {
          message: `${message} (in the service's reply: this is a bug in Spatial Lens)`,
          field,
        },
      }
    } catch (error) {
      if (!isUserError(error)) console.error(`[spatial-lens] ${channel} failed:`, error)
      const code = userErrorCode(error)
      return { ok: false, error: { message: userFacingMessage(error), ...(code ? { code } : {}) } }
    }
  }

  private async run(channel: Channel, input: any, client: ClientSession): Promise<unknown> {
    switch (channel) {
      case 'app:info':
        return {
          name: 'Spatial Lens',
          version: appVersion(),
          host: this.host,
          sampleName: SAMPLE_NAME,
        }
      case 'scene:analyze': {
        const sceneId = randomUUID()
        const computed = await this.executor.analyze(input, sceneId)
        const image = {
          width: computed.image.width,
          height: computed.image.height,
          data: computed.image.rgb,
        }
        const kept = {
          scene: computed.scene,
          depth: computed.depth,
          frameName: input.frame.kind === 'sample' ? SAMPLE_NAME : input.frame.name,
          image,
          provider: input.perception?.provider,
        }
        this.scenes.keep(
          client,
          sceneId,
          kept,
          typedArrayBytes([computed.scene, computed.depth, image]),
        )
        return { summary: computed.summary, cloud: computed.cloud, image: computed.image }
      }
      case 'qa:ask': {
        const answer = answerSchema.parse(
          answerQuestion(this.keptScene(client, input.sceneId).scene, input.question),
        )
        await this.logAnswer(answer, this.stamp(client, input.sceneId))
        return answer
      }
      case 'qa:verify': {
        const kept = this.keptScene(client, input.sceneId)
        const model = await ExecutorVisionModel.find(this.executor, kept.provider)
        const llm = await this.reasoning.llmVoterAsk()
        const probabilityTrue = await this.classifyCaption(input.statement, kept)
        const verification = await verifyInScene(kept.scene, input.statement, {
          ...(model ? { vision: { model, image: kept.image } } : {}),
          ...(llm ? { llm } : {}),
          // Asked once, up front: null means vilt-vsr is not installed, and then there is no such voter.
          ...(probabilityTrue !== null ? { captionClassifier: async () => probabilityTrue } : {}),
        })
        await this.appendQuietly(
          recordFromVerification(verification, this.stamp(client, input.sceneId)),
        )
        return verification
      }
      case 'perception:detect2d':
        return this.executor.detect2d(input)
      case 'qa:reason': {
        const kept = this.keptScene(client, input.sceneId)
        const vlm = await ExecutorVisionModel.find(this.executor, kept.provider)
        const result = await this.reasoning.reason(kept, input, vlm)
        await this.logReasoning(result, this.stamp(client, input.sceneId))
        return result
      }
      case 'log:add': {
        const kept = this.scenes.get(client, input.sceneId)
        // A measurement of a scene the service has forgotten (restart) is still the user's data: keep it without provenance.
        const objects =
          kept?.scene.objects.filter((object) => input.objects.includes(object.name)) ?? []
        const provenance = kept
          ? buildProvenance(kept.scene, objects, 'length between two points picked in the 3D view')
          : null
        const record = recordFromMeasurement(input, this.stamp(client, input.sceneId), provenance)
        await this.log.append(record)
        return record
      }
      case 'log:list':
        return this.log.list()
      case 'log:clear':
        return this.log.clear()
      case 'log:export': {
        return exportMeasurements(await this.log.all(), input.format, {
          now: new Date(),
          appVersion: appVersion(),
        })
      }
      case 'scene:pointAt':
        return pointAt(this.keptScene(client, input.sceneId), input.pixel)
      case 'scene:measure': {
        const kept = this.keptScene(client, input.sceneId)
        const result = measure(kept, input.sceneId, input.a, input.b)
        await this.logMeasurement(client, kept, result)
        return result
      }
      case 'qa:cancel':
        return this.reasoning.cancel(input.requestId)
      case 'settings:get':
        return settingsView(await this.settings.load(), this.settings.path)
      case 'settings:update':
        return updateSettings(this.settings, input)
      case 'llm:test':
        return this.reasoning.test(input)
      case 'models:list':
        return this.models.list()
      case 'models:download':
        return this.models.download(input.modelId)
      case 'models:cancel':
        return this.models.cancel(input.modelId)
      case 'models:verify':
        return this.models.verify(input.modelId)
      case 'models:remove':
        return this.models.remove(input.modelId)
      case 'calibration:list':
        return this.calibration.list()
      case 'calibration:run':
        return this.calibration.run(this.keptScene(client, input.sceneId), input)
      case 'calibration:remove':
        return this.calibration.remove(input)
      case 'source:recordings':
      case 'source:open':
      case 'source:topics':
      case 'source:select':
      case 'source:seek':
      case 'source:play':
      case 'source:watch':
      case 'source:scene':
      case 'source:close':
        return this.sources.handle(channel, input, client)
    }
  }

  /** Keeps a source frame's scene for the client's follow-up questions (its depth and 2D image with it). */
  private keepComputed(
    client: ClientSession,
    sceneId: string,
    computed: SceneComputation,
    frameName: string,
  ): void {
    const image = {
      width: computed.image.width,
      height: computed.image.height,
      data: computed.image.rgb,
    }
    const kept = { scene: computed.scene, depth: computed.depth, frameName, image }
    this.scenes.keep(
      client,
      sceneId,
      kept,
      typedArrayBytes([computed.scene, computed.depth, image]),
    )
  }

  private logAnswer(answer: AnswerJson, stamp: RecordStamp): Promise<void> {
    return this.appendQuietly(recordFromAnswer(answer, stamp))
  }

  /** A click measurement goes to the log like an answer; a refused write does not fail it. */
  private async logMeasurement(
    client: ClientSession,
    kept: NamedScene,
    result: Measurement,
  ): Promise<void> {
    const names = result.objects.map((object) => object.name)
    const objects = kept.scene.objects.filter((object) => names.includes(object.name))
    const input = {
      sceneId: result.sceneId,
      text: describeMeasuredEnds(result),
      objects: names,
      valueM: result.valueM,
      fromInWorldM: result.fromInWorld,
      toInWorldM: result.toInWorld,
    }
    await this.appendQuietly(
      recordFromMeasurement(
        input,
        this.stamp(client, result.sceneId),
        buildProvenance(kept.scene, objects, result.method),
      ),
    )
  }

  /** A reasoned answer goes to the log with its chain of thought; runs that gave no answer do not. */
  private logReasoning(result: ReasoningResultJson, stamp: RecordStamp): Promise<void> {
    return this.appendQuietly(recordFromReasoning(result, stamp))
  }

  /**
   * Answers and measurements go to the log without failing the question: a refused write is kept
   * and listed with a warning (see MeasurementLog); null is an answer that has nothing to log.
   */
  private async appendQuietly(record: MeasurementRecord | null): Promise<void> {
    if (!record) return
    await this.log
      .append(record)
      .catch((error: Error) => console.error(`[spatial-lens] ${error.message}`))
  }

  private stamp(client: ClientSession, sceneId: string): RecordStamp {
    const name =
      this.scenes.get(client, sceneId)?.frameName ?? `unknown frame (scene ${sceneId.slice(0, 8)})`
    return { id: randomUUID(), timeIso: new Date().toISOString(), frame: { sceneId, name } }
  }

  /** The ViLT VSR classifier's P(true) for the statement's VSR caption, or null (not installed, or unparsed). */
  private async classifyCaption(statement: string, kept: NamedScene): Promise<number | null> {
    const parsed = parseStatement(statement)
    if (!parsed || !this.executor.classifyRelation) return null
    return this.executor.classifyRelation({
      provider: kept.provider,
      image: kept.image,
      caption: vsrCaption(parsed),
    })
  }

  private keptScene(client: ClientSession, sceneId: string): NamedScene {
    const kept = this.scenes.get(client, sceneId)
    if (!kept) throw new UnknownSceneError(sceneId)
    return kept
  }

  async dispose(): Promise<void> {
    this.models.dispose()
    this.reasoning.dispose()
    await this.sources.dispose()
    return this.executor.dispose()
  }
}

class UnknownSceneError extends Error {
  constructor(sceneId: string) {
    super(`scene ${sceneId} is not loaded any more: load the frame again`)
    this.name = 'UserError'
  }
}
