import {
  contract,
  describeValidationError,
  type Channel,
  type ChannelOutput,
  type ErrorReply,
  type ServiceHost,
} from '../contract/channels'
import type { SceneExecutor } from '../workers/sceneExecutor'
import { isUserError, userErrorCode, userFacingMessage } from '../app/userError'
import { ModelsService, type ModelsServiceOptions } from './ModelsService'
import { ReasoningService, type LlmChoice } from './ReasoningService'
import { ServiceEvents, type ServiceEventListener } from './ServiceEvents'
import { SettingsStore } from '../settings/SettingsStore'
import { MeasurementLog } from '../measurements/MeasurementLog'
import { CalibrationService } from './CalibrationService'
import type { CalibrationStore } from '../calibration/CalibrationStore'
import { ClientScenes, type ClientSession } from './ClientScenes'
import { currentLimits } from '../app/limits'
import type { Handler, Handlers, NamedScene, RequestOf } from './handlers/handlerTypes'
import type { ServiceContext } from './handlers/serviceContext'
import { createHandlers } from './handlers/createHandlers'
import { appendQuietly, keepComputedScene } from './handlers/serviceContext'
import { sourceHandlers } from './handlers/sourceHandlers'
import { SourceSessions } from './source/SourceSessions'
import { createSessionHost } from './source/sessionHost'
import { recordingAccessFor } from './source/recordingAccess'

/**
 * What one handled request gives back: the validated output, or one user-facing error line. `cause` says whose
 * the failure is (the request's, or ours: a bug); it stays in this process (the CLI's exit code), hosts send
 * only `error`.
 */
export type HandleResult<C extends Channel> =
  | { ok: true; value: ChannelOutput<C> }
  | { ok: false; error: ErrorReply; cause: 'user' | 'internal' }

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
  /** Whether answers and measurements go to the measurement log; default true (the CLI: only with `--log`). */
  recordAnswers?: boolean
  /** The LLM this host asks instead of the settings' one (the CLI's `--llm`); null: none at all. */
  llm?: LlmChoice | null
  /** 'none': never ask the installed vision-language model (the CLI's `--vlm none`); default 'auto'. */
  vision?: 'auto' | 'none'
  /**
   * Where a bug's details go (the failing channel, the error or the rejected reply's issues); default the
   * console. The CLI keeps them for SPATIAL_LENS_DEBUG=1: its user sees the one `error:` line.
   */
  reportBug?: (what: string, details: unknown) => void
}

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one typed handler per
 * contract channel (main/services/handlers, one file per domain). Input is parsed against the
 * contract on arrival and the reply before it leaves, so a host only moves bytes.
 */
export class SpatialService {
  private readonly scenes: ClientScenes<NamedScene>
  /** The client of hosts with one UI (Electron) and of callers that name none. */
  private readonly localClient: ClientSession
  private readonly events = new ServiceEvents()
  private readonly models: ModelsService
  private readonly reasoning: ReasoningService
  private readonly handlers: Handlers
  private readonly sources: SourceSessions
  private readonly reportBug: (what: string, details: unknown) => void
  readonly log: MeasurementLog

  constructor(
    private readonly executor: SceneExecutor,
    host: ServiceHost,
    options: SpatialServiceOptions = {},
  ) {
    const settings = options.settings ?? new SettingsStore()
    this.reportBug =
      options.reportBug ?? ((what, details) => console.error(`[spatial-lens] ${what}`, details))
    this.models = new ModelsService(this.events, options.models)
    this.reasoning = new ReasoningService(settings, this.events, options.llm)
    this.log = options.log ?? new MeasurementLog()
    this.scenes = new ClientScenes(
      options.maxScenesPerClient,
      options.sceneCacheBytes ?? currentLimits().sceneCacheBytes,
    )
    this.localClient = this.scenes.open()
    const context: ServiceContext = {
      host,
      recordAnswers: options.recordAnswers ?? true,
      vision: options.vision ?? 'auto',
      executor,
      scenes: this.scenes,
      settings,
      models: this.models,
      reasoning: this.reasoning,
      calibration: new CalibrationService(executor, options.calibrations),
      log: this.log,
    }
    this.sources = new SourceSessions(
      recordingAccessFor(host, options.recordingsDirectory),
      (client) =>
        createSessionHost({
          executor,
          events: this.events,
          keep: (sceneId, computed, frameName) =>
            keepComputedScene(context, client, sceneId, computed, frameName),
          append: (record) => appendQuietly(context, record),
        }),
    )
    this.handlers = { ...createHandlers(context), ...sourceHandlers(this.sources) }
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
    // An own-property check: a channel name like "constructor" or "__proto__" is unknown, not inherited.
    if (!Object.hasOwn(contract, channel))
      return {
        ok: false,
        error: { message: `unknown channel "${String(channel)}"` },
        cause: 'user',
      }
    const spec = contract[channel]
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success)
      return { ok: false, error: describeValidationError(channel, parsed.error), cause: 'user' }
    try {
      const handler = this.handlers[channel] as Handler<C>
      const output = spec.output.safeParse(await handler(parsed.data as RequestOf<C>, client))
      if (output.success) return { ok: true, value: output.data as ChannelOutput<C> }
      // Our own reply broke the contract: a bug, reported as such (never passed on half-valid).
      this.reportBug(`${channel} produced an invalid reply:`, output.error.issues)
      const { message, field } = describeValidationError(channel, output.error)
      return {
        ok: false,
        error: {
          message: `${message} (in the service's reply: this is a bug in Spatial Lens)`,
          field,
        },
        cause: 'internal',
      }
    } catch (error) {
      if (!isUserError(error)) this.reportBug(`${channel} failed:`, error)
      const code = userErrorCode(error)
      return {
        ok: false,
        error: { message: userFacingMessage(error), ...(code ? { code } : {}) },
        cause: isUserError(error) ? 'user' : 'internal',
      }
    }
  }

  async dispose(): Promise<void> {
    await this.sources.dispose()
    this.models.dispose()
    this.reasoning.dispose()
    return this.executor.dispose()
  }
}
